import type { ToChecksummedAddressErrorType } from '@storydao/core'
import {
  assertParameters,
  type Call,
  type MissingParameterErrorType,
  toChecksummedAddress,
} from '@storydao/core'
import { type Address, encodeFunctionData, type Hex, zeroHash } from 'viem'
import type { InvalidCallErrorType, NoCallsErrorType } from './errors/calls.js'
import type { InvalidBytes32ErrorType } from './errors/hex.js'
import {
  InvalidDelayError,
  type InvalidDelayErrorType,
} from './errors/timelock.js'
import { version } from './errors/version.js'
import { hashTimelockOperation } from './hashTimelockOperation.js'
import { timelockAbi } from './internal/abis.js'
import {
  plural,
  shortHex,
  toOperationArrays,
  uint256Problem,
} from './internal/operationCall.js'
import { toBytes32 } from './internal/toBytes32.js'
import type { OperationCall } from './types/calls.js'

export type BuildTimelockScheduleParameters = {
  /** The TimelockController. */
  timelock: Address
  /** The calls the timelock will make once the delay has passed. */
  calls: readonly OperationCall[]
  /** Operation that must be executed first; none when omitted. */
  predecessor?: Hex | undefined
  /** Salt (bytes32) that makes the operation id unique. */
  salt: Hex
  /** Delay in seconds (`0n` to `2^256 - 1`); must be at least `getMinDelay()` (see {@link prepareTimelockSchedule}). */
  delay: bigint
  /** Force `scheduleBatch` (`true`) or `schedule` (`false`); default: batch for several calls. */
  batch?: boolean | undefined
  /** Overrides the generated label. */
  label?: string | undefined
}

export type BuildTimelockScheduleReturnType = {
  /** The `schedule` / `scheduleBatch` call, to be sent by a proposer. */
  call: Call
  /** The id the timelock will give the operation. */
  operationId: Hex
}

export type BuildTimelockScheduleErrorType =
  | MissingParameterErrorType
  | NoCallsErrorType
  | InvalidCallErrorType
  | InvalidDelayErrorType
  | InvalidBytes32ErrorType
  | ToChecksummedAddressErrorType

/**
 * Builds the call that schedules calls on an OpenZeppelin TimelockController:
 * `schedule` for one call, `scheduleBatch` for several, plus the operation id
 * the contract will compute.
 *
 * Pure: it cannot see the chain, so it does not check the minimum delay or
 * whether the operation exists — {@link prepareTimelockSchedule} does.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#buildtimelockschedule
 *
 * @example
 * ```ts
 * import { buildTimelockSchedule, buildUnpause } from '@storydao/governance'
 * import { zeroHash } from 'viem'
 *
 * const { call, operationId } = buildTimelockSchedule({
 *   timelock: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
 *   calls: [buildUnpause({ target: '0x5FbDB2315678afecb367f032d93F642f64180aa3' })],
 *   salt: zeroHash,
 *   delay: 3600n,
 * })
 * ```
 *
 * @param parameters - {@link BuildTimelockScheduleParameters}
 * @returns The call and the operation id.
 */
export function buildTimelockSchedule(
  parameters: BuildTimelockScheduleParameters,
): BuildTimelockScheduleReturnType {
  assertParameters(
    'buildTimelockSchedule',
    parameters,
    ['timelock', 'calls', 'salt', 'delay'],
    { version },
  )
  const { calls, delay } = parameters
  const timelock = toChecksummedAddress({
    address: parameters.timelock,
    path: 'timelock',
  })
  const { targets, values, payloads } = toOperationArrays(
    calls,
    'A timelock operation',
  )
  const predecessor = toBytes32(
    parameters.predecessor ?? zeroHash,
    'predecessor',
  )
  const salt = toBytes32(parameters.salt, 'salt')
  const delayProblem = uint256Problem(delay)
  if (delayProblem)
    throw new InvalidDelayError({
      path: 'delay',
      value: delay,
      reason: delayProblem,
    })
  const batch = parameters.batch ?? calls.length > 1
  const operationId = hashTimelockOperation({
    calls,
    predecessor,
    salt,
    batch,
  })
  const data =
    batch || calls.length > 1
      ? encodeFunctionData({
          abi: timelockAbi,
          functionName: 'scheduleBatch',
          args: [targets, values, payloads, predecessor, salt, delay],
        })
      : encodeFunctionData({
          abi: timelockAbi,
          functionName: 'schedule',
          args: [
            targets[0]!,
            values[0]!,
            payloads[0]!,
            predecessor,
            salt,
            delay,
          ],
        })
  const inner = calls
    .map((call) => call.label)
    .filter((label): label is string => Boolean(label))
  return {
    call: {
      to: timelock,
      value: 0n,
      data,
      operation: 'call',
      label:
        parameters.label ??
        `Timelock ${timelock}: schedule ${plural(calls.length, 'call')} (delay ${delay} s, operation ${shortHex(operationId)})${inner.length > 0 ? `: ${inner.join('; ')}` : ''}`,
      abi: timelockAbi,
    },
    operationId,
  }
}
