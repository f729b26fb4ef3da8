import {
  type Abi,
  BaseError,
  ContractFunctionRevertedError,
  decodeErrorResult,
  type Hex,
} from 'viem'

type AbiError = Extract<Abi[number], { type: 'error' }>

/**
 * @internal Safe 1.3.0–1.5.0 revert codes (safe-smart-account
 * `docs/error_codes.md`), the ones `execTransaction` can raise.
 */
export const safeErrorCodes: Record<string, string> = {
  GS000: 'Could not finish initialization',
  GS001: 'Threshold needs to be defined',
  GS010: 'Not enough gas to execute Safe transaction',
  GS011: 'Could not pay gas costs with ether',
  GS012: 'Could not pay gas costs with token',
  GS013: 'Safe transaction failed when gasPrice and safeTxGas were 0',
  GS020: 'Signatures data too short',
  GS021: 'Invalid contract signature location: inside static part',
  GS022: 'Invalid contract signature location: length not present',
  GS023: 'Invalid contract signature location: data not complete',
  GS024: 'Invalid contract signature provided',
  GS025: 'Hash has not been approved',
  GS026: 'Invalid owner provided',
  GS030: 'Only owners can approve a hash',
  GS031: 'Method can only be called from this contract',
}

/** @internal `GS026: Invalid owner provided` for a Safe code, else the text. */
export function describeSafeReason(reason: string): string {
  const meaning = safeErrorCodes[reason]
  return meaning ? `${reason}: ${meaning}` : reason
}

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
 * @internal Human-readable revert reason: `Error(string)` text (Safe codes
 * expanded), `Panic(0x11)`, or a custom error decoded with the given ABIs
 * (`ERC20InsufficientBalance(0x…, 0, 1)`).
 */
export function describeRevert(
  data: Hex | undefined,
  abis: readonly (Abi | undefined)[] = [],
): string {
  if (!data || data === '0x') return 'reverted without a reason'
  const errors = abis.flatMap(
    (abi) => (abi ?? []).filter((item) => item.type === 'error') as AbiError[],
  )
  try {
    const decoded = decodeErrorResult({ abi: errors, data })
    if (decoded.errorName === 'Error')
      return describeSafeReason(String(decoded.args?.[0]))
    if (decoded.errorName === 'Panic')
      return `Panic(0x${Number(decoded.args?.[0]).toString(16)})`
    const args = (decoded.args ?? [])
      .map((arg: unknown) => String(arg))
      .join(', ')
    return `${decoded.errorName}(${args})`
  } catch {
    return `unrecognized revert data ${data.length > 74 ? `${data.slice(0, 74)}…` : data}`
  }
}

/** @internal The revert reason of a viem contract error, described. */
export function reasonOf(
  error: unknown,
  abis: readonly (Abi | undefined)[] = [],
): string | undefined {
  if (error instanceof BaseError) {
    const reverted = error.walk(
      (e) => e instanceof ContractFunctionRevertedError,
    ) as ContractFunctionRevertedError | null
    if (reverted?.reason) return describeSafeReason(reverted.reason)
  }
  const data = revertDataOf(error)
  return data === undefined ? undefined : describeRevert(data, abis)
}
