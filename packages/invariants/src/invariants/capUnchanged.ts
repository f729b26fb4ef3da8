import { type Address, getAddress } from 'viem'
import { erc20ReadAbi } from '../internal/abis.js'
import { nameOf, unchangedInvariant } from '../internal/invariantHelpers.js'
import type { Invariant, InvariantOptions } from '../types.js'

export type CapUnchangedReturnType = Invariant

/**
 * Invariant: the token's `cap()` after the transaction equals its value
 * before (an upgrade must not move the supply cap).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#invariants
 *
 * @example
 * ```ts
 * import { capUnchanged, checkSafePlan } from '@storydao/invariants'
 *
 * const report = await checkSafePlan(plan, {
 *   fork,
 *   manifest,
 *   invariants: [capUnchanged(manifest.contracts.AuthorCoin.address)],
 * })
 * ```
 *
 * @param token - The capped ERC-20.
 * @param options - {@link InvariantOptions}
 * @returns The {@link Invariant}.
 */
export function capUnchanged(
  token: Address,
  options?: InvariantOptions,
): CapUnchangedReturnType {
  const address = getAddress(token)
  const name = nameOf(address, options)
  return unchangedInvariant({
    name: 'capUnchanged',
    id: `capUnchanged(${address})`,
    description: `${name}: cap() unchanged`,
    what: `${name} cap`,
    read: { type: 'call', address, abi: erc20ReadAbi, functionName: 'cap' },
  })
}
