import type { Address, Chain, Client, Hex, Transport } from 'viem'
import { getChainId, getCode, getStorageAt, readContract } from 'viem/actions'
import { getAction } from 'viem/utils'
import { upgradeableBeaconAbi } from '../abis/generated.js'
import { safeAbi } from '../abis/safe.js'

/** @internal A read's outcome: reverts and RPC failures are values here. */
export type Settled =
  | { ok: true; value: unknown }
  | { ok: false; error: unknown }

/** @internal The key of a scheduled read, to look its result up later. */
export type ReadKey = string

/** @internal Reads a view function the manifest check needs. */
export type ViewFunction = 'implementation' | 'getOwners' | 'getThreshold'

/**
 * @internal Deduplicated reads, all started before any is awaited so a
 * batching transport sends them as one JSON-RPC batch.
 */
export type ChainReads = {
  chainId: () => ReadKey
  code: (address: Address) => ReadKey
  slot: (address: Address, slot: Hex) => ReadKey
  call: (address: Address, functionName: ViewFunction) => ReadKey
  /** Waits for every scheduled read. */
  settle: () => Promise<Map<ReadKey, Settled>>
}

/** @internal Creates the read scheduler for one check. */
export function createChainReads(
  client: Client<Transport, Chain | undefined>,
): ChainReads {
  const pending = new Map<ReadKey, Promise<Settled>>()
  const schedule = (key: ReadKey, run: () => Promise<unknown>): ReadKey => {
    if (!pending.has(key))
      pending.set(
        key,
        run().then(
          (value) => ({ ok: true, value }),
          (error: unknown) => ({ ok: false, error }),
        ),
      )
    return key
  }
  const read = getAction(client, readContract, 'readContract')
  return {
    chainId: () =>
      schedule('chainId', () =>
        getAction(client, getChainId, 'getChainId')({}),
      ),
    code: (address) =>
      schedule(`code:${address.toLowerCase()}`, () =>
        getAction(client, getCode, 'getCode')({ address }),
      ),
    slot: (address, slot) =>
      schedule(`slot:${address.toLowerCase()}:${slot}`, () =>
        getAction(client, getStorageAt, 'getStorageAt')({ address, slot }),
      ),
    call: (address, functionName) =>
      schedule(`call:${address.toLowerCase()}:${functionName}`, () =>
        functionName === 'implementation'
          ? read({ address, abi: upgradeableBeaconAbi, functionName })
          : read({ address, abi: safeAbi, functionName }),
      ),
    settle: async () => {
      const results = new Map<ReadKey, Settled>()
      for (const [key, promise] of pending) results.set(key, await promise)
      return results
    },
  }
}

/** Errors that mean "the RPC could not be reached", not "this read failed". */
const transportErrors = new Set([
  'HttpRequestError',
  'TimeoutError',
  'WebSocketRequestError',
  'SocketClosedError',
])

/** @internal Whether `error` (or its cause chain) is a transport failure. */
export function isTransportError(error: unknown): boolean {
  // Bounded: a cause chain can be cyclic.
  let current = error
  for (let depth = 0; current && depth < 32; depth++) {
    if (current instanceof Error && transportErrors.has(current.name))
      return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

/** @internal A read error's readable part (viem's `shortMessage`). */
export function shortError(error: unknown): string {
  const short = (error as { shortMessage?: unknown } | null)?.shortMessage
  if (typeof short === 'string') return short
  return error instanceof Error ? error.message : String(error)
}
