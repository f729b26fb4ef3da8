import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { Address, GetAddressErrorType, Hex } from 'viem'
import { version } from '../errors/version.js'
import { roleInvariant } from '../internal/invariantHelpers.js'
import type { Invariant, RoleInvariantParameters } from '../types.js'

export type HasRoleParameters = RoleInvariantParameters & {
  /** The AccessControl contract. */
  contract: Address
  /** Role hash or name. */
  role: Hex | string
  /** The account. */
  account: Address
}

export type HasRoleErrorType = MissingParameterErrorType | GetAddressErrorType

export type HasRoleReturnType = Invariant

/**
 * Invariant: the account holds the role on an OpenZeppelin AccessControl contract
 * (`hasRole({ contract: role, role: account }) == true`).
 *
 * `role` is a bytes32 hash or a role name: `DEFAULT_ADMIN_ROLE` is zero,
 * any other name is `keccak256(name)`, as OpenZeppelin defines its constants.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#invariants
 *
 * @example
 * ```ts
 * import { hasRole } from '@storydao/invariants'
 *
 * const coin = manifest.contracts.AuthorCoin.address
 * const invariant = hasRole({ contract: coin, role: 'PAUSER_ROLE', account: manifest.safes.emergency.address, label: 'AuthorCoin', accountLabel: 'emergency Safe' })
 * ```
 *
 * @param parameters - {@link HasRoleParameters}
 * @returns The {@link Invariant}.
 */
export function hasRole(parameters: HasRoleParameters): HasRoleReturnType {
  assertParameters('hasRole', parameters, ['contract', 'role', 'account'], {
    version,
  })
  const { contract, role, account, ...options } = parameters
  return roleInvariant({
    name: 'hasRole',
    contract,
    role,
    account,
    expected: true,
    options,
  })
}
