import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { GetAddressErrorType } from 'viem'
import { type Address, getAddress } from 'viem'
import { version } from '../errors/version.js'
import { timelockReadAbi } from '../internal/abis.js'
import { nameOf, requireBefore } from '../internal/invariantHelpers.js'
import type { Invariant, InvariantParameters } from '../types.js'

export type TimelockMinDelayAtLeastParameters = InvariantParameters & {
  /** The TimelockController. */
  timelock: Address
  /** Seconds; the pre-transaction delay when omitted. */
  minimum?: bigint | undefined
}

export type TimelockMinDelayAtLeastErrorType =
  | MissingParameterErrorType
  | GetAddressErrorType

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
 * const atLeastOneHour = timelockMinDelayAtLeast({ timelock, minimum: 3600n, label: 'StoryTimelock' })
 * const neverShorter = timelockMinDelayAtLeast({ timelock })
 * ```
 *
 * @param parameters - {@link TimelockMinDelayAtLeastParameters}
 * @returns The {@link Invariant}.
 */
export function timelockMinDelayAtLeast(
  parameters: TimelockMinDelayAtLeastParameters,
): TimelockMinDelayAtLeastReturnType {
  assertParameters('timelockMinDelayAtLeast', parameters, ['timelock'], {
    version,
  })
  const { timelock, minimum, ...options } = parameters
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
