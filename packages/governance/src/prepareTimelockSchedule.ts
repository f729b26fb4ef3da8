import type {
  ChainReadErrorType,
  ToChecksummedAddressErrorType,
} from '@storydao/core'
import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { Chain, Client, Transport } from 'viem'
import { readContract } from 'viem/actions'
import { getAction } from 'viem/utils'
import {
  type BuildTimelockScheduleParameters,
  type BuildTimelockScheduleReturnType,
  buildTimelockSchedule,
} from './buildTimelockSchedule.js'
import type { NoCallsErrorType } from './errors/calls.js'
import type { InvalidBytes32ErrorType } from './errors/hex.js'
import {
  TimelockDelayTooShortError,
  type TimelockDelayTooShortErrorType,
  TimelockOperationExistsError,
  type TimelockOperationExistsErrorType,
} from './errors/timelock.js'
import { version } from './errors/version.js'
import { timelockAbi } from './internal/abis.js'
import { readChain } from './internal/readChain.js'

export type PrepareTimelockScheduleParameters = BuildTimelockScheduleParameters

export type PrepareTimelockScheduleReturnType =
  BuildTimelockScheduleReturnType & {
    /** The timelock's `getMinDelay()` at the time of the check. */
    minDelay: bigint
  }

export type PrepareTimelockScheduleErrorType =
  | MissingParameterErrorType
  | TimelockDelayTooShortErrorType
  | TimelockOperationExistsErrorType
  | ChainReadErrorType
  | NoCallsErrorType
  | InvalidBytes32ErrorType
  | ToChecksummedAddressErrorType

/** `TimelockController.OperationState` (OpenZeppelin 5). */
const operationStates = ['unset', 'pending', 'ready', 'done'] as const

/**
 * {@link buildTimelockSchedule}, checked against the chain: reads
 * `getMinDelay()` and `getOperationState(id)` together (one round of reads)
 * and rejects what `schedule` would revert on — a delay below the minimum
 * and an operation id that already exists.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#preparetimelockschedule
 *
 * @example
 * ```ts
 * import { prepareTimelockSchedule } from '@storydao/governance'
 * import { createPublicClient, http, zeroHash } from 'viem'
 *
 * const client = createPublicClient({ transport: http('http://127.0.0.1:8545') })
 * const { call, operationId } = await prepareTimelockSchedule(client, {
 *   timelock, calls, salt: zeroHash, delay: 3600n,
 * })
 * ```
 *
 * @param client - A viem client for the timelock's chain.
 * @param parameters - {@link PrepareTimelockScheduleParameters}
 * @returns What {@link buildTimelockSchedule} returns, plus `minDelay`.
 * @throws {TimelockDelayTooShortError} When `delay < getMinDelay()`.
 * @throws {TimelockOperationExistsError} When the operation is pending, ready or done.
 */
export async function prepareTimelockSchedule<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: PrepareTimelockScheduleParameters,
): Promise<PrepareTimelockScheduleReturnType> {
  assertParameters('prepareTimelockSchedule', { client }, ['client'], {
    version,
  })
  assertParameters(
    'prepareTimelockSchedule',
    parameters,
    ['timelock', 'calls', 'salt', 'delay'],
    { version },
  )
  const built = buildTimelockSchedule(parameters)
  const timelock = built.call.to
  const read = getAction(client, readContract, 'readContract')
  const [minDelay, state] = await readChain(
    `the timelock ${timelock} (getMinDelay, getOperationState)`,
    () =>
      [
        read({
          address: timelock,
          abi: timelockAbi,
          functionName: 'getMinDelay',
        }),
        read({
          address: timelock,
          abi: timelockAbi,
          functionName: 'getOperationState',
          args: [built.operationId],
        }),
      ] as const,
  )
  if (parameters.delay < minDelay)
    throw new TimelockDelayTooShortError({
      timelock,
      delay: parameters.delay,
      minDelay,
    })
  const stateName = operationStates[state] ?? 'pending'
  if (stateName !== 'unset')
    throw new TimelockOperationExistsError({
      timelock,
      operationId: built.operationId,
      state: stateName,
    })
  return { ...built, minDelay }
}
