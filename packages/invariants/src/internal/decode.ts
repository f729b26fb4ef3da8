import { type DecodedCall, decodeCall } from '@storydao/governance'
import { decodeSafeRevert } from '@storydao/safe'
import {
  type Abi,
  type AbiParameter,
  type Address,
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
  const decoded = decodeCall({
    call: { to, value: call.value, data: call.data, abi: target ?? call.abi },
    abis:
      target && call.abi ? [call.abi, index.functionAbi] : [index.functionAbi],
  })
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
  if (decoded.status === 'create2-deploy') {
    const created = index.get(decoded.address)?.name
    return {
      ...base,
      create2: {
        ...(created ? { contract: created } : {}),
        address: decoded.address,
        salt: decoded.salt,
        initCodeHash: decoded.initCodeHash,
      },
    }
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

/** @internal A decoded revert. */
export type DecodedRevert = {
  /** `Error(string)` text (Safe codes expanded), `Panic(0x11)` or `CustomError(args)`, a role shown by name. */
  reason: string
  /** Custom error name, `Error` or `Panic`, when decoded. */
  errorName?: string | undefined
  /** Raw revert data. */
  data: Hex
}

/**
 * @internal Decodes revert data with `decodeSafeRevert` from
 * `@storydao/safe` (the repository's one revert decoder: Safe codes and every
 * OpenZeppelin error): the target's ABI first, then every known error.
 */
export function decodeRevert(
  data: Hex | undefined,
  abis: readonly (Abi | undefined)[],
): DecodedRevert {
  const decoded = decodeSafeRevert({ data: data ?? '0x', abis })
  return {
    reason: decoded.reason,
    ...(decoded.errorName ? { errorName: decoded.errorName } : {}),
    data: decoded.data,
  }
}
