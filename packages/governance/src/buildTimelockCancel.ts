import {
  assertParameters,
  type Call,
  type MissingParameterErrorType,
  type ToChecksummedAddressErrorType,
  toChecksummedAddress,
} from '@storydao/core'
import { type Address, encodeFunctionData, type Hex } from 'viem'
import type { InvalidBytes32ErrorType } from './errors/hex.js'
import { version } from './errors/version.js'
import { timelockAbi } from './internal/abis.js'
import { toBytes32 } from './internal/toBytes32.js'

export type BuildTimelockCancelParameters = {
  /** The TimelockController. */
  timelock: Address
  /** The pending operation to cancel. */
  operationId: Hex
  /** Overrides the generated label. */
  label?: string | undefined
}

export type BuildTimelockCancelReturnType = Call

export type BuildTimelockCancelErrorType =
  | MissingParameterErrorType
  | InvalidBytes32ErrorType
  | ToChecksummedAddressErrorType

/**
 * Builds the call that cancels a pending TimelockController operation. Only
 * accounts with `CANCELLER_ROLE` may send it (in StoryDAO: the ops Safe, the
 * governor and the emergency Safe).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#buildtimelockcancel
 *
 * @example
 * ```ts
 * import { buildTimelockCancel } from '@storydao/governance'
 *
 * const call = buildTimelockCancel({ timelock, operationId })
 * ```
 *
 * @param parameters - {@link BuildTimelockCancelParameters}
 * @returns The `cancel(id)` call.
 */
export function buildTimelockCancel(
  parameters: BuildTimelockCancelParameters,
): BuildTimelockCancelReturnType {
  assertParameters(
    'buildTimelockCancel',
    parameters,
    ['timelock', 'operationId'],
    { version },
  )
  const timelock = toChecksummedAddress({
    address: parameters.timelock,
    path: 'timelock',
  })
  const operationId = toBytes32(parameters.operationId, 'operationId')
  return {
    to: timelock,
    value: 0n,
    data: encodeFunctionData({
      abi: timelockAbi,
      functionName: 'cancel',
      args: [operationId],
    }),
    operation: 'call',
    label:
      parameters.label ??
      `Timelock ${timelock}: cancel operation ${operationId}`,
    abi: timelockAbi,
  }
}
