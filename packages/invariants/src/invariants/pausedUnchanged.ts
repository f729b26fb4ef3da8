import { pausableAbi } from '@storydao/core'
import { type Address, getAddress } from 'viem'
import { nameOf, unchangedInvariant } from '../internal/invariantHelpers.js'
import type { Invariant, InvariantOptions } from '../types.js'

export type PausedUnchangedReturnType = Invariant

/**
 * Invariant: the contract's `paused()` flag is the same after the
 * transaction as before (an upgrade or a role change must neither pause nor
 * unpause).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#invariants
 *
 * @example
 * ```ts
 * import { pausedUnchanged } from '@storydao/invariants'
 *
 * const invariant = pausedUnchanged(manifest.contracts.AuthorCoin.address, { label: 'AuthorCoin' })
 * ```
 *
 * @param contract - The Pausable contract.
 * @param options - {@link InvariantOptions}
 * @returns The {@link Invariant}.
 */
export function pausedUnchanged(
  contract: Address,
  options?: InvariantOptions,
): PausedUnchangedReturnType {
  const address = getAddress(contract)
  const name = nameOf(address, options)
  return unchangedInvariant({
    name: 'pausedUnchanged',
    id: `pausedUnchanged(${address})`,
    description: `${name}: paused() unchanged`,
    what: `${name} paused flag`,
    read: { type: 'call', address, abi: pausableAbi, functionName: 'paused' },
  })
}
