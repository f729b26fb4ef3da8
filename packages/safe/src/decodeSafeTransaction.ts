import {
  assertParameters,
  isHexEqual,
  type MissingParameterErrorType,
  multiSendAbi,
} from '@storydao/core'
import { type Address, type Hex, toFunctionSelector } from 'viem'
import { decodeMultiSend } from './decodeMultiSend.js'
import type { SafePlanInputErrorType } from './errors/plan.js'
import { version } from './errors/version.js'
import {
  checkAddress,
  checkHexData,
  checkOperation,
  checkUint,
} from './internal/validate.js'
import { isMultiSendCallOnly } from './isMultiSendCallOnly.js'
import type { SafeTransaction } from './types/safe.js'

export type DecodeSafeTransactionParameters = Pick<
  SafeTransaction,
  'to' | 'value' | 'data' | 'operation'
>

/** One call a Safe transaction makes, as the chain executes it. */
export type SafeTransactionCall = {
  /** Target (checksummed). */
  to: Address
  /** Wei sent. */
  value: bigint
  /** Calldata (lowercase). */
  data: Hex
  /** `'delegatecall'` only for a flagged delegatecall: its code runs as the Safe. */
  operation: 'call' | 'delegatecall'
}

export type DecodeSafeTransactionReturnType = {
  /**
   * `call`: one CALL. `batch`: a DELEGATECALL to a canonical
   * MultiSendCallOnly with `multiSend(bytes)` data whose entries are all
   * CALLs. `delegatecall`: any other DELEGATECALL (flagged: its code runs as
   * the Safe, with its storage and funds).
   */
  kind: 'call' | 'batch' | 'delegatecall'
  /** The calls, in execution order (one, except for a batch). */
  calls: SafeTransactionCall[]
}

export type DecodeSafeTransactionErrorType =
  | MissingParameterErrorType
  | SafePlanInputErrorType

const multiSendSelector = toFunctionSelector(multiSendAbi[0])

/**
 * What a Safe transaction executes: one CALL, the calls of a
 * MultiSendCallOnly batch, or a flagged DELEGATECALL. A batch is recognized
 * by one rule only (DELEGATECALL, a canonical MultiSendCallOnly address, the
 * `multiSend(bytes)` selector, well-formed entries that are all CALLs);
 * anything else that delegatecalls is reported as the delegatecall it is.
 * Every part of the repository that asks "what does this Safe transaction
 * do" (plan integrity, the queue, execution errors, rehearsals) asks this.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#decodesafetransaction
 *
 * @example
 * ```ts
 * import { decodeSafeTransaction } from '@storydao/safe'
 *
 * const { kind, calls } = decodeSafeTransaction(plan.safeTx)
 * // kind: 'batch', calls: [{ to, value, data, operation: 'call' }, …]
 * ```
 *
 * @param safeTx - The Safe transaction (`to`, `value`, `data`, `operation`).
 * @returns The kind and the executed calls.
 * @throws {SafePlanInputError} When a field is malformed.
 */
export function decodeSafeTransaction(
  safeTx: DecodeSafeTransactionParameters,
): DecodeSafeTransactionReturnType {
  assertParameters(
    'decodeSafeTransaction',
    safeTx,
    ['to', 'value', 'data', 'operation'],
    { version },
  )
  const to = checkAddress(safeTx.to, 'safeTx.to')
  const value = checkUint(safeTx.value, 'safeTx.value')
  const data = checkHexData(safeTx.data, 'safeTx.data')
  const operation = checkOperation(safeTx.operation, 'safeTx.operation')
  if (operation === 0)
    return { kind: 'call', calls: [{ to, value, data, operation: 'call' }] }
  const batch = batchCalls(to, data)
  if (batch) return { kind: 'batch', calls: batch }
  return {
    kind: 'delegatecall',
    calls: [{ to, value, data, operation: 'delegatecall' }],
  }
}

/** The entries of a well-formed MultiSendCallOnly batch, else `undefined`. */
function batchCalls(to: Address, data: Hex): SafeTransactionCall[] | undefined {
  if (!isMultiSendCallOnly({ address: to })) return undefined
  if (!isHexEqual(data.slice(0, 10) as Hex, multiSendSelector)) return undefined
  let entries: ReturnType<typeof decodeMultiSend>
  try {
    entries = decodeMultiSend(data)
  } catch {
    return undefined
  }
  // MultiSendCallOnly reverts on a delegatecall entry, and an empty batch
  // does nothing: neither is a batch of calls.
  if (entries.length === 0 || entries.some((entry) => entry.operation !== 0))
    return undefined
  return entries.map((entry) => ({
    to: entry.to,
    value: entry.value,
    data: entry.data.toLowerCase() as Hex,
    operation: 'call',
  }))
}
