import type { ToChecksummedAddressErrorType } from '@storydao/core'
import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import { encodeAbiParameters, type Hex, keccak256, zeroHash } from 'viem'
import type { InvalidCallErrorType, NoCallsErrorType } from './errors/calls.js'
import type { InvalidBytes32ErrorType } from './errors/hex.js'
import { version } from './errors/version.js'
import { toOperationArrays } from './internal/operationCall.js'
import { toBytes32 } from './internal/toBytes32.js'
import type { OperationCall } from './types/calls.js'

export type HashTimelockOperationParameters = {
  /** The calls of the operation, in order. */
  calls: readonly OperationCall[]
  /** Operation that must be done first; `bytes32(0)` (none) when omitted. */
  predecessor?: Hex | undefined
  /** Salt that tells apart operations with the same calls. */
  salt: Hex
  /**
   * `true` for `scheduleBatch`/`executeBatch` ids (`hashOperationBatch`),
   * `false` for `schedule`/`execute` (`hashOperation`, one call only: several
   * calls always hash as a batch). Default: batch when there is more than one
   * call, as {@link buildTimelockSchedule} does.
   */
  batch?: boolean | undefined
}

export type HashTimelockOperationReturnType = Hex

export type HashTimelockOperationErrorType =
  | MissingParameterErrorType
  | NoCallsErrorType
  | InvalidCallErrorType
  | InvalidBytes32ErrorType
  | ToChecksummedAddressErrorType

/**
 * Computes a TimelockController operation id exactly as the contract does:
 * `keccak256(abi.encode(target, value, data, predecessor, salt))` for a
 * single call (`hashOperation`) and
 * `keccak256(abi.encode(targets, values, payloads, predecessor, salt))` for a
 * batch (`hashOperationBatch`).
 *
 * A single call scheduled with `scheduleBatch` has a different id than the
 * same call scheduled with `schedule`; pass `batch` to pick.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#hashtimelockoperation
 *
 * @example
 * ```ts
 * import { hashTimelockOperation } from '@storydao/governance'
 * import { zeroHash } from 'viem'
 *
 * const id = hashTimelockOperation({
 *   calls: [{ to: '0x5FbDB2315678afecb367f032d93F642f64180aa3', data: '0x3f4ba83a' }],
 *   salt: zeroHash,
 * })
 * ```
 *
 * @param parameters - {@link HashTimelockOperationParameters}
 * @returns The operation id (bytes32).
 */
export function hashTimelockOperation(
  parameters: HashTimelockOperationParameters,
): HashTimelockOperationReturnType {
  assertParameters('hashTimelockOperation', parameters, ['calls', 'salt'], {
    version,
  })
  const { calls } = parameters
  const { targets, values, payloads } = toOperationArrays(
    calls,
    'A timelock operation',
  )
  const predecessor = toBytes32(
    parameters.predecessor ?? zeroHash,
    'predecessor',
  )
  const salt = toBytes32(parameters.salt, 'salt')
  const batch = parameters.batch ?? calls.length > 1
  if (!batch && calls.length === 1)
    return keccak256(
      encodeAbiParameters(
        [
          { type: 'address' },
          { type: 'uint256' },
          { type: 'bytes' },
          { type: 'bytes32' },
          { type: 'bytes32' },
        ],
        [targets[0]!, values[0]!, payloads[0]!, predecessor, salt],
      ),
    )
  return keccak256(
    encodeAbiParameters(
      [
        { type: 'address[]' },
        { type: 'uint256[]' },
        { type: 'bytes[]' },
        { type: 'bytes32' },
        { type: 'bytes32' },
      ],
      [targets, values, payloads, predecessor, salt],
    ),
  )
}
