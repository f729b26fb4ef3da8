import type { Address, Hex } from 'viem'
import { roleInvariant } from '../internal/invariantHelpers.js'
import type { Invariant, RoleInvariantOptions } from '../types.js'

export type LacksRoleReturnType = Invariant

/**
 * Invariant: the account does not hold the role on an OpenZeppelin AccessControl contract
 * (`hasRole(role, account) == false`).
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
 * const invariant = lacksRole(coin, 'MINTER_ROLE', stranger, { label: 'AuthorCoin' })
 * ```
 *
 * @param contract - The AccessControl contract.
 * @param role - Role hash or name.
 * @param account - The account.
 * @param options - {@link RoleInvariantOptions}
 * @returns The {@link Invariant}.
 */
export function lacksRole(
  contract: Address,
  role: Hex | string,
  account: Address,
  options?: RoleInvariantOptions,
): LacksRoleReturnType {
  return roleInvariant({
    name: 'lacksRole',
    contract,
    role,
    account,
    expected: false,
    options,
  })
}
