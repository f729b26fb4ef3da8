import {
  type Call,
  type ToChecksummedAddressErrorType,
  toChecksummedAddress,
} from '@storydao/core'
import { type Address, encodeFunctionData } from 'viem'
import { pausableAbi } from './internal/abis.js'

export type BuildPauseParameters = {
  /** The Pausable contract. */
  target: Address
  /** Overrides the generated label. */
  label?: string | undefined
}

export type BuildPauseReturnType = Call

export type BuildPauseErrorType = ToChecksummedAddressErrorType

/**
 * Builds `pause()` on an OpenZeppelin Pausable contract. In StoryDAO only the
 * emergency council Safe (`PAUSER_ROLE` on AuthorCoin) may send it — it is the
 * one action that skips the timelock.
 *
 * - Docs: packages/governance/README.md#buildpause
 *
 * @example
 * ```ts
 * import { buildPause } from '@storydao/governance'
 *
 * const call = buildPause({ target: '0x5FbDB2315678afecb367f032d93F642f64180aa3' })
 * ```
 *
 * @param parameters - {@link BuildPauseParameters}
 * @returns The call.
 */
export function buildPause(
  parameters: BuildPauseParameters,
): BuildPauseReturnType {
  const target = toChecksummedAddress(parameters.target, { path: 'target' })
  return {
    to: target,
    value: 0n,
    data: encodeFunctionData({ abi: pausableAbi, functionName: 'pause' }),
    operation: 'call',
    label: parameters.label ?? `Pause ${target}`,
    abi: pausableAbi,
  }
}
