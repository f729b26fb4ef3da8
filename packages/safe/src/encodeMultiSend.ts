import { type MissingParameterErrorType, multiSendAbi } from '@storydao/core'
import {
  type Address,
  encodeFunctionData,
  encodePacked,
  type Hex,
  size,
} from 'viem'
import type { SafePlanInputErrorType } from './errors/plan.js'
import { assertPresent } from './internal/assertPresent.js'
import {
  checkAddress,
  checkHexData,
  checkOperation,
  checkUint,
} from './internal/validate.js'
import type { SafeOperation } from './types/safe.js'

/** One entry of a MultiSend batch. */
export type MultiSendTransaction = {
  /** `0` CALL (the default), `1` DELEGATECALL (MultiSend only; MultiSendCallOnly reverts on it). */
  operation?: SafeOperation | undefined
  /** Target. */
  to: Address
  /** Wei sent. */
  value: bigint
  /** Calldata (`0x` for none). */
  data: Hex
}

export type EncodeMultiSendParameters = readonly MultiSendTransaction[]

export type EncodeMultiSendReturnType = Hex

export type EncodeMultiSendErrorType =
  | MissingParameterErrorType
  | SafePlanInputErrorType

/**
 * Encodes transactions as the calldata of `multiSend(bytes)` (selector
 * `0x8d80ff0a`), the format shared by MultiSend and MultiSendCallOnly: each
 * entry packed as `uint8 operation ‖ address to ‖ uint256 value ‖ uint256
 * dataLength ‖ bytes data`, without padding (docs/safe-formats.md#multisend-and-multisendcallonly).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#encodemultisend
 *
 * @example
 * ```ts
 * import { encodeMultiSend } from '@storydao/safe'
 *
 * const data = encodeMultiSend([
 *   { to: '0x79613FD49472C3C7a32188e45ff00e7bdC8a897d', value: 1n, data: '0x' },
 *   { to: '0x6b92f5E5360bfCa8F5d3FcE65D87382967847983', value: 0n, data: '0xa9059cbb' },
 * ])
 * // 0x8d80ff0a…
 * ```
 *
 * @param transactions - The entries, in execution order. {@link MultiSendTransaction}
 * @returns The `multiSend(bytes)` calldata.
 * @throws {SafePlanInputError} When an entry is malformed.
 */
export function encodeMultiSend(
  transactions: EncodeMultiSendParameters,
): EncodeMultiSendReturnType {
  assertPresent(
    'encodeMultiSend',
    transactions,
    'transactions',
    'an array of { to, value, data }',
  )
  const packed = transactions.map((transaction, index) => {
    const path = `transactions[${index}]`
    const data = checkHexData(transaction.data, `${path}.data`)
    return encodePacked(
      ['uint8', 'address', 'uint256', 'uint256', 'bytes'],
      [
        checkOperation(transaction.operation ?? 0, `${path}.operation`),
        checkAddress(transaction.to, `${path}.to`),
        checkUint(transaction.value, `${path}.value`),
        BigInt(size(data)),
        data,
      ],
    )
  })
  return encodeFunctionData({
    abi: multiSendAbi,
    functionName: 'multiSend',
    args: [
      packed.length === 0
        ? '0x'
        : (`0x${packed.map((p) => p.slice(2)).join('')}` as Hex),
    ],
  })
}
