import {
  type Abi,
  BaseError,
  ContractFunctionRevertedError,
  type Hex,
} from 'viem'
import { decodeSafeRevert } from '../decodeSafeRevert.js'
import { safeErrorCodes } from './safeErrorCodes.js'

/** @internal The raw revert data carried by a viem error, if any. */
export function revertDataOf(error: unknown): Hex | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 10 && current; depth++) {
    if (current instanceof ContractFunctionRevertedError && current.raw)
      return current.raw
    const data = (current as { data?: unknown }).data
    if (typeof data === 'string' && data.startsWith('0x')) return data as Hex
    if (
      data &&
      typeof data === 'object' &&
      typeof (data as { data?: unknown }).data === 'string'
    )
      return (data as { data: Hex }).data
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/**
 * @internal The revert reason of a viem contract error, described with
 * {@link decodeSafeRevert}; viem's own decoded `reason` (a Safe code it read
 * with the Safe's ABI) is expanded with the same table.
 */
export function reasonOf(
  error: unknown,
  abis: readonly (Abi | undefined)[] = [],
): string | undefined {
  if (error instanceof BaseError) {
    const reverted = error.walk(
      (e) => e instanceof ContractFunctionRevertedError,
    ) as ContractFunctionRevertedError | null
    if (reverted?.raw)
      return decodeSafeRevert({ data: reverted.raw, abis }).reason
    if (reverted?.reason) {
      const meaning = safeErrorCodes[reverted.reason]
      return meaning ? `${reverted.reason}: ${meaning}` : reverted.reason
    }
  }
  const data = revertDataOf(error)
  return data === undefined
    ? undefined
    : decodeSafeRevert({ data, abis }).reason
}
