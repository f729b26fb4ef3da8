import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { Address, GetAddressErrorType, Hex } from 'viem'
import { version } from '../errors/version.js'
import { roleInvariant } from '../internal/invariantHelpers.js'
import type { Invariant, RoleInvariantParameters } from '../types.js'

export type LacksRoleParameters = RoleInvariantParameters & {
  /** The AccessControl contract. */
  contract: Address
  /** Role hash or name. */
  role: Hex | string
  /** The account. */
  account: Address
}

export type LacksRoleErrorType = MissingParameterErrorType | GetAddressErrorType

export type LacksRoleReturnType = Invariant

/**
 * Invariant: the account does not hold the role on an OpenZeppelin AccessControl contract
 * (`hasRole({ contract: role, role: account }) == false`).
 *
 * `role` is a bytes32 hash or a role name: `DEFAULT_ADMIN_ROLE` is zero,
 * any other name is `keccak256(name)`, as OpenZeppelin defines its constants.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#invariants
 *
 * @example
 * ```ts
 * import { lacksRole } from '@storydao/invariants'
 *
 * const coin = manifest.contracts.AuthorCoin.address
 * const invariant = lacksRole({ contract: coin, role: 'MINTER_ROLE', account: stranger, label: 'AuthorCoin' })
 * ```
 *
 * @param parameters - {@link LacksRoleParameters}
 * @returns The {@link Invariant}.
 */
export function lacksRole(
  parameters: LacksRoleParameters,
): LacksRoleReturnType {
  assertParameters('lacksRole', parameters, ['contract', 'role', 'account'], {
    version,
  })
  const { contract, role, account, ...options } = parameters
  return roleInvariant({
    name: 'lacksRole',
    contract,
    role,
    account,
    expected: false,
    options,
  })
}
