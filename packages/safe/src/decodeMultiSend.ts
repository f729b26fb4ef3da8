import {
  isHexEqual,
  type MissingParameterErrorType,
  multiSendAbi,
} from '@storydao/core'
import {
  type Address,
  decodeFunctionData,
  getAddress,
  type Hex,
  hexToBigInt,
  hexToNumber,
  size,
  slice,
  toFunctionSelector,
} from 'viem'
import type { MultiSendTransaction } from './encodeMultiSend.js'
import {
  MultiSendDecodeError,
  type MultiSendDecodeErrorType,
} from './errors/multisend.js'
import { assertPresent } from './internal/assertPresent.js'
import type { SafeOperation } from './types/safe.js'

export type DecodeMultiSendParameters = Hex

export type DecodeMultiSendReturnType = (MultiSendTransaction & {
  operation: SafeOperation
})[]

export type DecodeMultiSendErrorType =
  | MissingParameterErrorType
  | MultiSendDecodeErrorType

const multiSendSelector = toFunctionSelector(multiSendAbi[0])
/** operation (1) + to (20) + value (32) + dataLength (32). */
const headerSize = 85

/**
 * Decodes the calldata of `multiSend(bytes)` back into its transactions
 * (inverse of {@link encodeMultiSend}). Strict: a wrong selector, an unknown
 * operation or a truncated entry throws, naming the byte offset.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#decodemultisend
 *
 * @example
 * ```ts
 * import { decodeMultiSend } from '@storydao/safe'
 *
 * const transactions = decodeMultiSend(plan.safeTx.data)
 * // [{ operation: 0, to: '0x…', value: 0n, data: '0x…' }, …]
 * ```
 *
 * @param data - The `multiSend(bytes)` calldata.
 * @returns The transactions, in execution order, addresses checksummed.
 * @throws {MultiSendDecodeError} When the data is not a well-formed multiSend call.
 */
export function decodeMultiSend(
  data: DecodeMultiSendParameters,
): DecodeMultiSendReturnType {
  assertPresent(
    'decodeMultiSend',
    data,
    'data',
    'the multiSend(bytes) calldata',
  )
  if (typeof data !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(data))
    throw new MultiSendDecodeError({
      message: 'expected 0x-prefixed hex bytes.',
    })
  if (!isHexEqual(data.slice(0, 10) as Hex, multiSendSelector))
    throw new MultiSendDecodeError({
      message: `selector ${data.slice(0, 10) || '(none)'} is not multiSend(bytes) (${multiSendSelector}).`,
    })
  let packed: Hex
  try {
    packed = decodeFunctionData({ abi: multiSendAbi, data }).args[0]
  } catch (cause) {
    throw new MultiSendDecodeError({
      message: 'the bytes argument is not ABI-encoded correctly.',
      cause,
    })
  }

  const total = size(packed)
  const transactions: DecodeMultiSendReturnType = []
  let offset = 0
  while (offset < total) {
    if (offset + headerSize > total)
      throw new MultiSendDecodeError({
        offset,
        message: `entry ${transactions.length} is truncated (${total - offset} bytes left, the header alone takes ${headerSize}).`,
      })
    const operation = hexToNumber(slice(packed, offset, offset + 1))
    if (operation !== 0 && operation !== 1)
      throw new MultiSendDecodeError({
        offset,
        message: `entry ${transactions.length} has operation ${operation} (expected 0 or 1).`,
      })
    const to = getAddress(slice(packed, offset + 1, offset + 21)) as Address
    const value = hexToBigInt(slice(packed, offset + 21, offset + 53))
    const length = hexToBigInt(slice(packed, offset + 53, offset + 85))
    const start = offset + headerSize
    if (BigInt(start) + length > BigInt(total))
      throw new MultiSendDecodeError({
        offset,
        message: `entry ${transactions.length} declares ${length} data bytes but only ${total - start} remain.`,
      })
    const end = start + Number(length)
    const entryData: Hex = length === 0n ? '0x' : slice(packed, start, end)
    transactions.push({ operation, to, value, data: entryData })
    offset = end
  }
  return transactions
}
