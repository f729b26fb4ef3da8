import { type Address, getAddress } from 'viem'
import { timelockReadAbi } from '../internal/abis.js'
import { nameOf, requireBefore } from '../internal/invariantHelpers.js'
import type { Invariant, InvariantOptions } from '../types.js'

export type TimelockMinDelayAtLeastReturnType = Invariant

/**
 * Invariant: the TimelockController's `getMinDelay()` is at least `minimum`
 * seconds; without `minimum`, at least its value before the transaction (the
 * delay must never shrink).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#invariants
 *
 * @example
 * ```ts
 * import { timelockMinDelayAtLeast } from '@storydao/invariants'
 *
 * const timelock = manifest.contracts.StoryTimelock.address
 * const atLeastOneHour = timelockMinDelayAtLeast(timelock, 3600n, { label: 'StoryTimelock' })
 * const neverShorter = timelockMinDelayAtLeast(timelock)
 * ```
 *
 * @param timelock - The TimelockController.
 * @param minimum - Seconds; the pre-transaction delay when omitted.
 * @param options - {@link InvariantOptions}
 * @returns The {@link Invariant}.
 */
export function timelockMinDelayAtLeast(
  timelock: Address,
  minimum?: bigint | undefined,
  options?: InvariantOptions,
): TimelockMinDelayAtLeastReturnType {
  const address = getAddress(timelock)
  const name = nameOf(address, options)
  return {
    name: 'timelockMinDelayAtLeast',
    id: `timelockMinDelayAtLeast(${address},${minimum ?? 'before'})`,
    description: `${name}: getMinDelay() ≥ ${minimum === undefined ? 'its value before' : `${minimum} s`}`,
    reads: {
      minDelay: {
        type: 'call',
        address,
        abi: timelockReadAbi,
        functionName: 'getMinDelay',
      },
    },
    needsBefore: minimum === undefined,
    needsLogs: false,
    evaluate(context) {
      const bound = minimum ?? (requireBefore(context).minDelay as bigint)
      const actual = context.after.minDelay as bigint
      const ok = actual >= bound
      return {
        ok,
        expected: { atLeast: bound },
        actual,
        message: ok
          ? `${name} minimum delay is ${actual} s (at least ${bound} s).`
          : `${name} minimum delay is ${actual} s, below ${bound} s.`,
      }
    },
  }
}
