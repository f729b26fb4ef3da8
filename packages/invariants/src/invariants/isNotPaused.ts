import type { Address } from 'viem'
import { pausedInvariant } from '../internal/invariantHelpers.js'
import type { Invariant, InvariantOptions } from '../types.js'

export type IsNotPausedReturnType = Invariant

/**
 * Invariant: the contract is not paused (OpenZeppelin Pausable, `paused() == false`).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#invariants
 *
 * @example
 * ```ts
 * import { isNotPaused } from '@storydao/invariants'
 *
 * const invariant = isNotPaused(manifest.contracts.AuthorCoin.address, { label: 'AuthorCoin' })
 * ```
 *
 * @param contract - The Pausable contract.
 * @param options - {@link InvariantOptions}
 * @returns The {@link Invariant}.
 */
export function isNotPaused(
  contract: Address,
  options?: InvariantOptions,
): IsNotPausedReturnType {
  return pausedInvariant({
    name: 'isNotPaused',
    contract,
    expected: false,
    options,
  })
}
