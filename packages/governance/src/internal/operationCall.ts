import { toChecksummedAddress } from '@storydao/core'
import type { Abi, Address, Hex } from 'viem'
import { NoCallsError } from '../errors/calls.js'

/**
 * One call a timelock operation or governor proposal makes. A `Call` from
 * `@storydao/core` fits (its `operation` and `label` are ignored).
 */
export type OperationCall = {
  /** Target contract. */
  to: Address
  /** Wei sent with the call; `0n` when omitted. */
  value?: bigint | undefined
  /** Calldata. */
  data: Hex
  /** Shown to reviewers. */
  label?: string | undefined
  /** ABI that decodes `data` (review context). */
  abi?: Abi | undefined
}

/** @internal The three parallel arrays timelock and governor functions take. */
export type OperationArrays = {
  targets: Address[]
  values: bigint[]
  payloads: Hex[]
}

/** @internal Validates and splits calls into parallel arrays. */
export function toOperationArrays(
  calls: readonly OperationCall[],
  what: string,
): OperationArrays {
  if (calls.length === 0) throw new NoCallsError({ what })
  return {
    targets: calls.map((call, index) =>
      toChecksummedAddress(call.to, { path: `calls[${index}].to` }),
    ),
    values: calls.map((call) => call.value ?? 0n),
    payloads: calls.map((call) => call.data),
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
