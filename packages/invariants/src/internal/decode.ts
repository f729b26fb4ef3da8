import {
  type Abi,
  type AbiFunction,
  type Address,
  decodeErrorResult,
  decodeEventLog,
  decodeFunctionData,
  getAddress,
  type Hex,
} from 'viem'
import type { DecodedArgument, DecodedCall, DecodedLog } from '../types.js'
import type { ManifestIndex } from './manifestIndex.js'
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

const timelockFunctions = new Set([
  'schedule',
  'execute',
  'scheduleBatch',
  'executeBatch',
])

/** @internal Decodes one call; timelock schedule/execute payloads are decoded too. */
export function decodeCall(
  call: {
    to: Address
    value: bigint
    data: Hex
    operation: 'call' | 'delegatecall'
    label?: string | undefined
    abi?: Abi | undefined
  },
  position: number,
  index: ManifestIndex,
): DecodedCall {
  const to = getAddress(call.to)
  const contract = index.get(to)?.name
  const base: DecodedCall = {
    index: position,
    to,
    ...(contract ? { contract } : {}),
    value: call.value,
    operation: call.operation,
    data: call.data,
    ...(call.label ? { label: call.label } : {}),
  }
  if (call.data === '0x' || call.data.length < 10) return base
  for (const abi of [index.get(to)?.abi, call.abi, index.functionAbi]) {
    if (!abi) continue
    try {
      const decoded = decodeFunctionData({ abi, data: call.data })
      const fn = abi.find(
        (item): item is AbiFunction =>
          item.type === 'function' &&
          item.name === decoded.functionName &&
          item.inputs.length === (decoded.args?.length ?? 0),
      )
      const values = (decoded.args ?? []) as readonly unknown[]
      const args: DecodedArgument[] = values.map((value, i) => ({
        name: fn?.inputs[i]?.name || String(i),
        type: fn?.inputs[i]?.type ?? 'unknown',
        value: toInvariantValue(value),
      }))
      const inner = timelockFunctions.has(decoded.functionName)
        ? timelockInner(decoded.functionName, values, index)
        : undefined
      return {
        ...base,
        functionName: decoded.functionName,
        args,
        ...(inner ? { inner } : {}),
      }
    } catch {
      // Try the next ABI.
    }
  }
  return base
}

function timelockInner(
  functionName: string,
  args: readonly unknown[],
  index: ManifestIndex,
): DecodedCall[] | undefined {
  if (functionName === 'schedule' || functionName === 'execute') {
    const [target, value, data] = args as [Address, bigint, Hex]
    return [
      decodeCall({ to: target, value, data, operation: 'call' }, 0, index),
    ]
  }
  const [targets, values, payloads] = args as [
    readonly Address[],
    readonly bigint[],
    readonly Hex[],
  ]
  return targets.map((target, i) =>
    decodeCall(
      {
        to: target,
        value: values[i] ?? 0n,
        data: payloads[i] ?? '0x',
        operation: 'call',
      },
      i,
      index,
    ),
  )
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
