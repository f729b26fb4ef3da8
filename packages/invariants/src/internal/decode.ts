import { type DecodedCall, decodeCall } from '@storydao/governance'
import {
  type Abi,
  type AbiParameter,
  type Address,
  decodeErrorResult,
  decodeEventLog,
  getAddress,
  type Hex,
  parseAbiItem,
} from 'viem'
import type { DecodedLog, ReportedCall } from '../types.js'
import type { ManifestIndex } from './manifestIndex.js'
import type { InnerCall } from './safePlan.js'
import { toInvariantValue } from './values.js'

/** @internal A raw log. */
export type RawLog = {
  address: Address
  topics: readonly Hex[]
  data: Hex
}

/** @internal Decodes logs with the emitter's ABI, then with every known ABI. */
export function decodeLogs(
  logs: readonly RawLog[],
  index: ManifestIndex,
): DecodedLog[] {
  return logs.map((log, logIndex) => {
    const address = getAddress(log.address)
    const contract = index.get(address)?.name
    const base: DecodedLog = {
      address,
      ...(contract ? { contract } : {}),
      topics: log.topics,
      data: log.data,
      logIndex,
    }
    for (const abi of [index.get(address)?.abi, index.eventAbi]) {
      if (!abi || log.topics.length === 0) continue
      try {
        const event = decodeEventLog({
          abi,
          topics: log.topics as [Hex, ...Hex[]],
          data: log.data,
        })
        const args = toInvariantValue(event.args ?? {})
        return {
          ...base,
          eventName: event.eventName,
          args:
            args && typeof args === 'object' && !Array.isArray(args)
              ? (args as { readonly [key: string]: never })
              : { value: args },
        }
      } catch {
        // Try the next ABI.
      }
    }
    return base
  })
}

/**
 * @internal One of the Safe's calls as the report shows it: decoded with
 * `decodeCall` from `@storydao/governance` (timelock operations, governor
 * proposals and upgrade-and-call data decoded into `inner`, CREATE2
 * deployments recognized), plus its position, manifest name, operation and
 * label, with arguments as invariant values. The target's manifest ABI is
 * tried first, then the plan's ABI for the call, then every known ABI.
 */
export function toReportedCall(
  call: InnerCall,
  position: number,
  index: ManifestIndex,
): ReportedCall {
  const to = getAddress(call.to)
  const target = index.get(to)?.abi
  const decoded = decodeCall(
    { to, value: call.value, data: call.data, abi: target ?? call.abi },
    target && call.abi ? [call.abi, index.functionAbi] : [index.functionAbi],
  )
  return {
    ...fromDecodedCall(decoded, position, index),
    operation: call.operation,
    data: call.data,
    ...(call.label ? { label: call.label } : {}),
  }
}

function fromDecodedCall(
  decoded: DecodedCall,
  position: number,
  index: ManifestIndex,
): ReportedCall {
  const contract = index.get(decoded.to)?.name
  const base: ReportedCall = {
    index: position,
    to: decoded.to,
    ...(contract ? { contract } : {}),
    value: decoded.value,
    // Inner calls are made by the timelock, governor or proxy: always CALLs.
    operation: 'call',
  }
  if (decoded.status === 'unknown') return { ...base, data: decoded.data }
  if (decoded.status === 'create2-deploy')
    return {
      ...base,
      create2: {
        address: decoded.address,
        salt: decoded.salt,
        initCodeHash: decoded.initCodeHash,
      },
    }
  const inputs = inputsOf(decoded.signature)
  return {
    ...base,
    functionName: decoded.functionName,
    args: Object.entries(decoded.args).map(([name, value], i) => ({
      name,
      type: inputs[i]?.type ?? 'unknown',
      value: toInvariantValue(value),
    })),
    ...(decoded.inner
      ? {
          inner: decoded.inner.map((inner, i) =>
            fromDecodedCall(inner, i, index),
          ),
        }
      : {}),
  }
}

/** Parameter types of a canonical signature such as `execute(address,uint256,bytes,bytes32,bytes32)`. */
function inputsOf(signature: string): readonly AbiParameter[] {
  try {
    const item = parseAbiItem(`function ${signature}` as string)
    return item.type === 'function' ? item.inputs : []
  } catch {
    return []
  }
}

/** @internal Safe 1.3.0–1.5.0 revert codes `execTransaction` can raise. */
const safeErrorCodes: { readonly [code: string]: string } = {
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

/** @internal A decoded revert. */
export type DecodedRevert = {
  /** `Error(string)` text (Safe codes expanded), `Panic(0x11)` or `CustomError(args)`. */
  reason: string
  /** Custom error name, `Error` or `Panic`, when decoded. */
  errorName?: string | undefined
  /** Raw revert data. */
  data: Hex
}

/** @internal Decodes revert data with the target's ABI, then every known error. */
export function decodeRevert(
  data: Hex | undefined,
  abis: readonly (Abi | undefined)[],
): DecodedRevert {
  const raw = data ?? '0x'
  if (raw === '0x') return { reason: 'reverted without a reason', data: raw }
  for (const abi of [...abis, []]) {
    if (!abi) continue
    try {
      const decoded = decodeErrorResult({ abi, data: raw })
      const args = (decoded.args ?? []) as readonly unknown[]
      if (decoded.errorName === 'Error') {
        const text = String(args[0])
        const meaning = safeErrorCodes[text]
        return {
          reason: meaning ? `${text}: ${meaning}` : text,
          errorName: 'Error',
          data: raw,
        }
      }
      if (decoded.errorName === 'Panic')
        return {
          reason: `Panic(0x${Number(args[0]).toString(16)})`,
          errorName: 'Panic',
          data: raw,
        }
      return {
        reason: `${decoded.errorName}(${args.map((arg) => String(arg)).join(', ')})`,
        errorName: decoded.errorName,
        data: raw,
      }
    } catch {
      // Try the next ABI.
    }
  }
  return {
    reason: `unrecognized revert data ${raw.length > 74 ? `${raw.slice(0, 74)}…` : raw}`,
    data: raw,
  }
}
