import {
  type Call,
  type ToChecksummedAddressErrorType,
  toChecksummedAddress,
} from '@storydao/core'
import { type Address, encodeFunctionData } from 'viem'
import { pausableAbi } from './internal/abis.js'

export type BuildUnpauseParameters = {
  /** The Pausable contract. */
  target: Address
  /** Overrides the generated label. */
  label?: string | undefined
}

export type BuildUnpauseReturnType = Call

export type BuildUnpauseErrorType = ToChecksummedAddressErrorType

/**
 * Builds `unpause()` on an OpenZeppelin Pausable contract. In StoryDAO only
 * the timelock (`DEFAULT_ADMIN_ROLE` on AuthorCoin) may send it, so wrap the
 * call in {@link buildTimelockSchedule} or a governor proposal.
 *
 * - Docs: packages/governance/README.md#buildunpause
 *
 * @example
 * ```ts
 * import { buildUnpause } from '@storydao/governance'
 *
 * const call = buildUnpause({ target: '0x5FbDB2315678afecb367f032d93F642f64180aa3' })
 * ```
 *
 * @param parameters - {@link BuildUnpauseParameters}
 * @returns The call.
 */
export function buildUnpause(
  parameters: BuildUnpauseParameters,
): BuildUnpauseReturnType {
  const target = toChecksummedAddress(parameters.target, { path: 'target' })
  return {
    to: target,
    value: 0n,
    data: encodeFunctionData({ abi: pausableAbi, functionName: 'unpause' }),
    operation: 'call',
    label: parameters.label ?? `Unpause ${target}`,
    abi: pausableAbi,
  }
}
