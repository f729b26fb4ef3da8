import { toChecksummedAddress } from '@storydao/core'
import type { Address, Hex } from 'viem'
import { InvalidCallError, NoCallsError } from '../errors/calls.js'
import type { OperationCall } from '../types/calls.js'

/** @internal The three parallel arrays timelock and governor functions take. */
export type OperationArrays = {
  targets: Address[]
  values: bigint[]
  payloads: Hex[]
}

const maxUint256 = 2n ** 256n - 1n

/** @internal Why `value` is not a uint256 bigint; `undefined` when it is one. */
export function uint256Problem(value: unknown): string | undefined {
  if (typeof value !== 'bigint')
    return `expected a bigint, got ${typeof value} ${shown(value)}`
  if (value < 0n) return `${value} is negative`
  if (value > maxUint256) return `${value} does not fit in a uint256`
  return undefined
}

/** @internal Why `value` is not whole-byte hex; `undefined` when it is. */
export function hexBytesProblem(value: unknown): string | undefined {
  if (typeof value !== 'string')
    return `expected hex bytes, got ${typeof value} ${shown(value)}`
  if (!/^0x[0-9a-fA-F]*$/.test(value)) return `${shown(value)} is not hex`
  if (value.length % 2 !== 0)
    return `${shown(value)} has an odd number of hex digits (${value.length - 2})`
  return undefined
}

/** A rejected value as quoted in messages, cut short if long. */
function shown(value: unknown): string {
  if (typeof value !== 'string') return String(value)
  return `"${value.length > 42 ? `${value.slice(0, 42)}…` : value}"`
}

/** @internal Checks a wei amount sent with a call (`0n` when omitted). */
export function toCallValue(value: unknown, path: string): bigint {
  const problem = uint256Problem(value ?? 0n)
  if (problem) throw new InvalidCallError({ path, value, reason: problem })
  return (value ?? 0n) as bigint
}

/**
 * @internal The one check every builder that takes calls runs: `to` a valid
 * (checksummed) address, `value` a bigint from `0n` to `2^256 - 1`, `data`
 * whole-byte hex. Errors name the field (`calls[1].data`).
 */
export function toValidatedCall(
  call: OperationCall,
  path: string,
): { to: Address; value: bigint; data: Hex } {
  if (typeof call !== 'object' || call === null)
    throw new InvalidCallError({
      path,
      value: call,
      reason: `expected { to, value?, data }, got ${String(call)}`,
    })
  const to = toChecksummedAddress({ address: call.to, path: `${path}.to` })
  const value = toCallValue(call.value, `${path}.value`)
  const problem = hexBytesProblem(call.data)
  if (problem)
    throw new InvalidCallError({
      path: `${path}.data`,
      value: call.data,
      reason: problem,
    })
  return { to, value, data: call.data }
}

/** @internal Validates ({@link toValidatedCall}) and splits calls into parallel arrays. */
export function toOperationArrays(
  calls: readonly OperationCall[],
  what: string,
): OperationArrays {
  if (calls.length === 0) throw new NoCallsError({ what })
  const checked = calls.map((call, index) =>
    toValidatedCall(call, `calls[${index}]`),
  )
  return {
    targets: checked.map((call) => call.to),
    values: checked.map((call) => call.value),
    payloads: checked.map((call) => call.data),
  }
}

/** @internal `0x12345678…abcd` for labels. */
export function shortHex(value: Hex): string {
  return value.length <= 14 ? value : `${value.slice(0, 10)}…${value.slice(-4)}`
}

/** @internal `1 call` / `3 calls`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
