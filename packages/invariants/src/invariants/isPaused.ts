import type { Address } from 'viem'
import { pausedInvariant } from '../internal/invariantHelpers.js'
import type { Invariant, InvariantOptions } from '../types.js'

export type IsPausedReturnType = Invariant

/**
 * Invariant: the contract is paused (OpenZeppelin Pausable, `paused() == true`).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#invariants
 *
 * @example
 * ```ts
 * import { isPaused } from '@storydao/invariants'
 *
 * const invariant = isPaused(manifest.contracts.AuthorCoin.address, { label: 'AuthorCoin' })
 * ```
 *
 * @param contract - The Pausable contract.
 * @param options - {@link InvariantOptions}
 * @returns The {@link Invariant}.
 */
export function isPaused(
  contract: Address,
  options?: InvariantOptions,
): IsPausedReturnType {
  return pausedInvariant({
    name: 'isPaused',
    contract,
    expected: true,
    options,
  })
}
