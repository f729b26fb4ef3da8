import type { Address, Hex } from 'viem'
import { decodeAbiParameters, hexToBigInt } from 'viem/utils'
import type { EmergencyRpc } from './createEmergencyRpc.js'

// Selectors of the reads, so no ABI is parsed on the break-glass path.
const selectors = {
  nonce: '0xaffed0e0',
  getOwners: '0xa0e67e2b',
  getThreshold: '0xe75235b8',
  paused: '0x5c975abb',
} as const

/** @internal The emergency Safe and its targets as the chain sees them now. */
export type LaneChain = {
  chainId: number
  nonce: bigint
  owners: Address[]
  threshold: number
  /** `paused()` by target address (lowercase). */
  paused: Map<string, boolean>
  /** With `account`: its pending nonce and the fee suggestions. */
  sender?: { nonce: number; gasPrice: bigint; tip: bigint } | undefined
}

/**
 * @internal One JSON-RPC batch (one round trip) for everything firing or
 * status needs to know: chain id, the Safe's nonce, owners and threshold,
 * each target's `paused()`, and with `account` its nonce and gas prices.
 */
export async function readLaneChain(
  rpc: EmergencyRpc,
  {
    safe,
    targets,
    account,
  }: {
    safe: Address
    targets: readonly Address[]
    account?: Address | undefined
  },
): Promise<LaneChain> {
  const call = (to: Address, data: Hex) => ({
    method: 'eth_call',
    params: [{ to, data }, 'latest'],
  })
  const results = (await rpc.batch([
    { method: 'eth_chainId', params: [] },
    call(safe, selectors.nonce),
    call(safe, selectors.getOwners),
    call(safe, selectors.getThreshold),
    ...targets.map((target) => call(target, selectors.paused)),
    ...(account
      ? [
          { method: 'eth_getTransactionCount', params: [account, 'pending'] },
          { method: 'eth_gasPrice', params: [] },
          { method: 'eth_maxPriorityFeePerGas', params: [] },
        ]
      : []),
  ])) as Hex[]
  const [chainId, nonce, owners, threshold] = results
  const paused = results.slice(4, 4 + targets.length)
  const sender = results.slice(4 + targets.length)
  return {
    chainId: Number(hexToBigInt(chainId!)),
    nonce: hexToBigInt(nonce!),
    owners: [...decodeAbiParameters([{ type: 'address[]' }], owners!)[0]],
    threshold: Number(hexToBigInt(threshold!)),
    paused: new Map(
      targets.map((target, index) => [
        target.toLowerCase(),
        hexToBigInt(paused[index]!) === 1n,
      ]),
    ),
    sender: account
      ? {
          nonce: Number(hexToBigInt(sender[0]!)),
          gasPrice: hexToBigInt(sender[1]!),
          tip: hexToBigInt(sender[2]!),
        }
      : undefined,
  }
}
