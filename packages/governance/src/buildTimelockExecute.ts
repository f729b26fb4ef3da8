import {
  assertParameters,
  type Call,
  type MissingParameterErrorType,
  type ToChecksummedAddressErrorType,
  toChecksummedAddress,
} from '@storydao/core'
import { type Address, encodeFunctionData, type Hex, zeroHash } from 'viem'
import type { InvalidCallErrorType, NoCallsErrorType } from './errors/calls.js'
import type { InvalidBytes32ErrorType } from './errors/hex.js'
import { version } from './errors/version.js'
import { hashTimelockOperation } from './hashTimelockOperation.js'
import { timelockAbi } from './internal/abis.js'
import {
  plural,
  shortHex,
  toCallValue,
  toOperationArrays,
} from './internal/operationCall.js'
import { toBytes32 } from './internal/toBytes32.js'
import type { OperationCall } from './types/calls.js'

export type BuildTimelockExecuteParameters = {
  /** The TimelockController. */
  timelock: Address
  /** The scheduled calls, exactly as scheduled. */
  calls: readonly OperationCall[]
  /** The predecessor given at scheduling; none when omitted. */
  predecessor?: Hex | undefined
  /** The salt given at scheduling. */
  salt: Hex
  /** `executeBatch` (`true`) or `execute` (`false`); must match how it was scheduled. Default: batch for several calls. */
  batch?: boolean | undefined
  /** Wei sent with `execute` (it is payable); `0n` when omitted — the timelock pays call values from its balance. */
  value?: bigint | undefined
  /** Overrides the generated label. */
  label?: string | undefined
}

export type BuildTimelockExecuteReturnType = {
  /** The `execute` / `executeBatch` call, to be sent by an executor once ready. */
  call: Call
  /** The operation being executed. */
  operationId: Hex
}

export type BuildTimelockExecuteErrorType =
  | MissingParameterErrorType
  | NoCallsErrorType
  | InvalidCallErrorType
  | InvalidBytes32ErrorType
  | ToChecksummedAddressErrorType

/**
 * Builds the call that executes a ready TimelockController operation
 * (`execute` for one call, `executeBatch` for several), plus its id.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#buildtimelockexecute
 *
 * @example
 * ```ts
 * import { buildTimelockExecute } from '@storydao/governance'
 *
 * const { call } = buildTimelockExecute({ timelock, calls, salt })
 * ```
 *
 * @param parameters - {@link BuildTimelockExecuteParameters}
 * @returns The call and the operation id.
 */
export function buildTimelockExecute(
  parameters: BuildTimelockExecuteParameters,
): BuildTimelockExecuteReturnType {
  assertParameters(
    'buildTimelockExecute',
    parameters,
    ['timelock', 'calls', 'salt'],
    { version },
  )
  const { calls } = parameters
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
  const value = toCallValue(parameters.value, 'value')
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
          functionName: 'executeBatch',
          args: [targets, values, payloads, predecessor, salt],
        })
      : encodeFunctionData({
          abi: timelockAbi,
          functionName: 'execute',
          args: [targets[0]!, values[0]!, payloads[0]!, predecessor, salt],
        })
  return {
    call: {
      to: timelock,
      value,
      data,
      operation: 'call',
      label:
        parameters.label ??
        `Timelock ${timelock}: execute ${plural(calls.length, 'call')} (operation ${shortHex(operationId)})`,
      abi: timelockAbi,
    },
    operationId,
  }
}
