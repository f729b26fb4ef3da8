import { ChainReadError } from '@storydao/core'
import {
  type Address,
  type Chain,
  type Client,
  concat,
  decodeErrorResult,
  decodeFunctionResult,
  encodeFunctionData,
  type Hex,
  hexToBigInt,
  type Transport,
} from 'viem'
import { call } from 'viem/actions'
import { getAction } from 'viem/utils'
import type { ReadResult, StateRead } from '../types.js'
import { multicall3ReadAbi } from './abis.js'
import { multicall3RuntimeCode } from './multicall3Code.generated.js'

/** @internal Canonical Multicall3 address (same on every chain that has it). */
export const multicall3Address: Address =
  '0xcA11bde05977b3631167028862bE2a173976CA11'

/**
 * @internal Runtime code standing in for a contract whose storage is read:
 * returns `sload(calldata[4:36])`.
 *   PUSH1 4 CALLDATALOAD SLOAD PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN
 */
const slotReaderCode: Hex = '0x6004355460005260206000f3'

/** @internal Stable key of a read (equal reads share one key and one result). */
export function readKey(read: StateRead): string {
  const address = read.address.toLowerCase()
  switch (read.type) {
    case 'balance':
      return `balance:${address}`
    case 'storage':
      return `storage:${address}:${read.slot.toLowerCase()}`
    case 'call':
      return `call:${address}:${encodeRead(read)}`
  }
}

function encodeRead(read: Extract<StateRead, { type: 'call' }>): Hex {
  return encodeFunctionData({
    abi: read.abi,
    functionName: read.functionName,
    args: read.args ?? [],
  } as Parameters<typeof encodeFunctionData>[0])
}

/**
 * @internal Reads every distinct `StateRead` at one block with at most two
 * `eth_call`s, sent together: one Multicall3 `aggregate3` for calls and ETH
 * balances, and, when raw storage slots are wanted, one more in which each
 * such contract's code is overridden with a slot reader (EVM code cannot read
 * another contract's storage). Multicall3 itself is supplied as a state
 * override, so it need not be deployed. A read that reverts or does not
 * decode yields `{ ok: false }`; an unreachable RPC throws `ChainReadError`.
 */
export async function readState(
  client: Client<Transport, Chain | undefined>,
  reads: Iterable<StateRead>,
  options: { blockNumber?: bigint | undefined } = {},
): Promise<Map<string, ReadResult>> {
  const unique = new Map<string, StateRead>()
  for (const read of reads) {
    const key = readKey(read)
    if (!unique.has(key)) unique.set(key, read)
  }

  const results = new Map<string, ReadResult>()
  const calls: {
    key: string
    read: StateRead
    callData: Hex
    target: Address
  }[] = []
  const slots: { key: string; address: Address; slot: Hex }[] = []
  for (const [key, read] of unique) {
    if (read.type === 'storage')
      slots.push({ key, address: read.address, slot: read.slot })
    else if (read.type === 'balance')
      calls.push({
        key,
        read,
        target: multicall3Address,
        callData: encodeFunctionData({
          abi: multicall3ReadAbi,
          functionName: 'getEthBalance',
          args: [read.address],
        }),
      })
    else
      calls.push({
        key,
        read,
        target: read.address,
        callData: encodeRead(read),
      })
  }

  const blockOption =
    options.blockNumber === undefined
      ? {}
      : { blockNumber: options.blockNumber }
  const aggregate = async (
    entries: readonly { target: Address; callData: Hex }[],
    overrides: readonly Address[],
  ) => {
    const data = encodeFunctionData({
      abi: multicall3ReadAbi,
      functionName: 'aggregate3',
      args: [
        entries.map(({ target, callData }) => ({
          target,
          allowFailure: true,
          callData,
        })),
      ],
    })
    let response: { data?: Hex | undefined }
    try {
      response = await getAction(
        client,
        call,
        'call',
      )({
        to: multicall3Address,
        data,
        ...blockOption,
        stateOverride: [
          { address: multicall3Address, code: multicall3RuntimeCode },
          ...overrides.map((address) => ({ address, code: slotReaderCode })),
        ],
      })
    } catch (cause) {
      throw new ChainReadError({ what: 'invariant state', cause })
    }
    return decodeFunctionResult({
      abi: multicall3ReadAbi,
      functionName: 'aggregate3',
      data: response.data ?? '0x',
    })
  }

  const slotTargets = [...new Set(slots.map(({ address }) => address))]
  const [callResults, slotResults] = await Promise.all([
    calls.length > 0 ? aggregate(calls, []) : Promise.resolve([]),
    slots.length > 0
      ? aggregate(
          slots.map(({ address, slot }) => ({
            target: address,
            callData: concat(['0x00000000', slot]),
          })),
          slotTargets,
        )
      : Promise.resolve([]),
  ])

  calls.forEach(({ key, read }, index) => {
    const result = callResults[index]
    if (!result) return
    results.set(key, decodeResult(read, result))
  })
  slots.forEach(({ key }, index) => {
    const result = slotResults[index]
    if (!result) return
    results.set(
      key,
      result.success && result.returnData.length === 66
        ? { ok: true, value: result.returnData }
        : { ok: false, error: 'storage read failed' },
    )
  })
  return results
}

function decodeResult(
  read: StateRead,
  result: { success: boolean; returnData: Hex },
): ReadResult {
  if (read.type === 'balance')
    return result.success
      ? { ok: true, value: hexToBigInt(result.returnData) }
      : { ok: false, error: 'balance read failed' }
  if (read.type !== 'call') return { ok: false, error: 'unsupported read' }
  if (!result.success) {
    if (result.returnData === '0x')
      return {
        ok: false,
        error: `${read.functionName}() reverted without data`,
      }
    try {
      const decoded = decodeErrorResult({
        abi: read.abi,
        data: result.returnData,
      })
      return {
        ok: false,
        error: `${read.functionName}() reverted: ${decoded.errorName}(${(decoded.args ?? []).map(String).join(', ')})`,
      }
    } catch {
      return {
        ok: false,
        error: `${read.functionName}() reverted with ${result.returnData}`,
      }
    }
  }
  if (result.returnData === '0x')
    return {
      ok: false,
      error: `${read.functionName}() returned no data (no contract at ${read.address}?)`,
    }
  try {
    return {
      ok: true,
      value: decodeFunctionResult({
        abi: read.abi,
        functionName: read.functionName,
        data: result.returnData,
      } as Parameters<typeof decodeFunctionResult>[0]),
    }
  } catch {
    return {
      ok: false,
      error: `${read.functionName}() returned data that does not decode`,
    }
  }
}
