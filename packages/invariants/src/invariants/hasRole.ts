import type { Address, Hex } from 'viem'
import { roleInvariant } from '../internal/invariantHelpers.js'
import type { Invariant, RoleInvariantOptions } from '../types.js'

export type HasRoleReturnType = Invariant

/**
 * Invariant: the account holds the role on an OpenZeppelin AccessControl contract
 * (`hasRole(role, account) == true`).
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
 * const invariant = hasRole(coin, 'PAUSER_ROLE', manifest.safes.emergency.address, { label: 'AuthorCoin', accountLabel: 'emergency Safe' })
 * ```
 *
 * @param contract - The AccessControl contract.
 * @param role - Role hash or name.
 * @param account - The account.
 * @param options - {@link RoleInvariantOptions}
 * @returns The {@link Invariant}.
 */
export function hasRole(
  contract: Address,
  role: Hex | string,
  account: Address,
  options?: RoleInvariantOptions,
): HasRoleReturnType {
  return roleInvariant({
    name: 'hasRole',
    contract,
    role,
    account,
    expected: true,
    options,
  })
}
