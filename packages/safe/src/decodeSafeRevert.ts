import { openZeppelinErrorsAbi, openZeppelinRoleNames } from '@storydao/core'
import { type Abi, decodeErrorResult, type Hex } from 'viem'
import type { SafePlanInputErrorType } from './errors/plan.js'
import { safeErrorCodes } from './internal/safeErrorCodes.js'
import { checkHexData } from './internal/validate.js'

type AbiError = Extract<Abi[number], { type: 'error' }>

export type DecodeSafeRevertParameters =
  | Hex
  | undefined
  | {
      /** The revert data (`0x` or `undefined`: a revert without data). */
      data: Hex | undefined
      /**
       * ABIs to try before the built-in ones (the plan's calls' ABIs), for
       * custom errors of contracts outside this repository.
       */
      abis?: readonly (Abi | undefined)[] | undefined
    }

export type DecodeSafeRevertReturnType = {
  /**
   * What a reviewer reads: `GS026: Invalid owner provided`, the
   * `Error(string)` text, `Panic(0x11)`, `CustomError(arg, …)` (a role hash
   * shown by name: `AccessControlUnauthorizedAccount(0x…, PAUSER_ROLE)`), or
   * `unrecognized revert data 0x…`.
   */
  reason: string
  /** `Error`, `Panic` or the custom error's name; absent when not decoded. */
  errorName?: string | undefined
  /** The decoded arguments, as decoded. */
  args?: readonly unknown[] | undefined
  /** The Safe revert code (`GS013`) for an `Error(string)` that is one. */
  safeCode?: string | undefined
  /** For `AccessControlUnauthorizedAccount`: the role it needed, by name when known. */
  role?: { hash: Hex; name: string | undefined } | undefined
  /** The raw revert data (`0x` when there was none). */
  data: Hex
}

export type DecodeSafeRevertErrorType = SafePlanInputErrorType

/**
 * Decodes revert data from a Safe transaction or one of its calls: Safe
 * revert codes (`GS013`…) expanded, `Error(string)`, `Panic`, every custom
 * error the StoryDAO contracts can raise (OpenZeppelin 5 access control,
 * pausable, ERC20, ERC1967, UUPS, Governor, TimelockController, Ownable) and
 * any error in the ABIs passed. The one revert decoder of the repository.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#decodesaferevert
 *
 * @example
 * ```ts
 * import { decodeSafeRevert } from '@storydao/safe'
 *
 * decodeSafeRevert('0xe2517d3f…').reason
 * // 'AccessControlUnauthorizedAccount(0x…, PAUSER_ROLE)'
 * decodeSafeRevert({ data, abis: plan.calls.map((call) => call.abi) })
 * ```
 *
 * @param parameters - The revert data, or `{ data, abis }`.
 * @returns The decoded revert. {@link DecodeSafeRevertReturnType}
 * @throws {SafePlanInputError} When `data` is not hex bytes.
 */
export function decodeSafeRevert(
  parameters: DecodeSafeRevertParameters,
): DecodeSafeRevertReturnType {
  const { data: input, abis = [] } =
    typeof parameters === 'object' && parameters !== null
      ? parameters
      : { data: parameters }
  const data = input === undefined ? '0x' : (checkHexData(input, 'data') as Hex)
  if (data === '0x') return { reason: 'reverted without a reason', data }
  for (const abi of [...abis, openZeppelinErrorsAbi]) {
    if (!abi) continue
    const decoded = tryDecode(abi, data)
    if (decoded) return decoded
  }
  return {
    reason: `unrecognized revert data ${data.length > 74 ? `${data.slice(0, 74)}…` : data}`,
    data,
  }
}

/** viem adds `Error(string)` and `Panic(uint256)` to any ABI it is given. */
function tryDecode(
  abi: Abi | readonly AbiError[],
  data: Hex,
): DecodeSafeRevertReturnType | undefined {
  let decoded: { errorName: string; args?: readonly unknown[] | undefined }
  try {
    decoded = decodeErrorResult({
      abi: (abi as Abi).filter((item) => item.type === 'error'),
      data,
    })
  } catch {
    return undefined
  }
  const { errorName } = decoded
  const args = decoded.args ?? []
  if (errorName === 'Error') return describeErrorString(String(args[0]), data)
  if (errorName === 'Panic')
    return {
      reason: `Panic(0x${BigInt(args[0] as bigint).toString(16)})`,
      errorName,
      args,
      data,
    }
  const role =
    errorName === 'AccessControlUnauthorizedAccount'
      ? roleOf(args[1] as Hex)
      : undefined
  const shown = args.map((arg, index) =>
    role && index === 1 ? (role.name ?? role.hash) : String(arg),
  )
  return {
    reason: `${errorName}(${shown.join(', ')})`,
    errorName,
    args,
    ...(role ? { role } : {}),
    data,
  }
}

function describeErrorString(
  text: string,
  data: Hex,
): DecodeSafeRevertReturnType {
  const meaning = safeErrorCodes[text]
  return {
    reason: meaning ? `${text}: ${meaning}` : text,
    errorName: 'Error',
    args: [text],
    ...(meaning ? { safeCode: text } : {}),
    data,
  }
}

function roleOf(hash: Hex): { hash: Hex; name: string | undefined } {
  return {
    hash,
    name: openZeppelinRoleNames[hash.toLowerCase() as Hex],
  }
}
