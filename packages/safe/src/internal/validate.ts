import { toChecksummedAddress } from '@storydao/core'
import { type Address, type Hex, maxUint256 } from 'viem'
import { SafePlanInputError } from '../errors/plan.js'
import type { SafeOperation, SafeTransaction } from '../types/safe.js'

const hexData = /^0x([0-9a-fA-F]{2})*$/

/** @internal Checksummed address, or `InvalidAddressError` naming `path`. */
export function checkAddress(value: unknown, path: string): Address {
  return toChecksummedAddress({ address: value, path })
}

/** @internal A bigint in `[0, max]`. */
export function checkUint(
  value: unknown,
  path: string,
  max: bigint = maxUint256,
): bigint {
  if (typeof value !== 'bigint')
    throw new SafePlanInputError({
      path,
      message: `expected a bigint, got ${describe(value)}.`,
      hint: 'Amounts and nonces are bigints (`1n`, `parseEther("1")`).',
    })
  if (value < 0n || value > max)
    throw new SafePlanInputError({
      path,
      message:
        value < 0n
          ? `${value} is negative.`
          : `${value} is above ${max === maxUint256 ? 'the uint256 maximum' : max}.`,
    })
  return value
}

/** @internal `0x`-prefixed hex with whole bytes; returned lowercase. */
export function checkHexData(value: unknown, path: string): Hex {
  if (typeof value !== 'string' || !hexData.test(value))
    throw new SafePlanInputError({
      path,
      message: `expected 0x-prefixed hex bytes, got ${describe(value)}.`,
      hint: 'Use `0x` for empty calldata.',
    })
  return value.toLowerCase() as Hex
}

/** @internal `0` or `1`. */
export function checkOperation(value: unknown, path: string): SafeOperation {
  if (value !== 0 && value !== 1)
    throw new SafePlanInputError({
      path,
      message: `expected 0 (CALL) or 1 (DELEGATECALL), got ${describe(value)}.`,
    })
  return value
}

/** @internal A validated copy of a Safe transaction, addresses checksummed. */
export function checkSafeTransaction(
  safeTx: unknown,
  path = 'safeTx',
): SafeTransaction {
  if (safeTx === null || typeof safeTx !== 'object')
    throw new SafePlanInputError({ path, message: 'expected an object.' })
  const tx = safeTx as Record<string, unknown>
  return {
    to: checkAddress(tx.to, `${path}.to`),
    value: checkUint(tx.value, `${path}.value`),
    data: checkHexData(tx.data, `${path}.data`),
    operation: checkOperation(tx.operation, `${path}.operation`),
    safeTxGas: checkUint(tx.safeTxGas, `${path}.safeTxGas`),
    baseGas: checkUint(tx.baseGas, `${path}.baseGas`),
    gasPrice: checkUint(tx.gasPrice, `${path}.gasPrice`),
    gasToken: checkAddress(tx.gasToken, `${path}.gasToken`),
    refundReceiver: checkAddress(tx.refundReceiver, `${path}.refundReceiver`),
    nonce: checkUint(tx.nonce, `${path}.nonce`),
  }
}

/** @internal A positive safe integer chain id. */
export function checkChainId(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0)
    throw new SafePlanInputError({
      path,
      message: `expected a positive integer chain id, got ${describe(value)}.`,
    })
  return value
}

/** @internal Short description of an unexpected value for messages. */
export function describe(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(
      value.length > 80 ? `${value.slice(0, 77)}...` : value,
    )
  if (typeof value === 'bigint') return `${value}n`
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  if (value === undefined) return 'nothing (the field is missing)'
  return `${typeof value} ${String(value)}`
}
