import { isHexEqual, safeAbi } from '@storydao/core'
import {
  type Address,
  getAddress,
  type Hex,
  hexToBigInt,
  isAddressEqual,
  pad,
} from 'viem'
import type {
  BalanceChange,
  SimulationRevert,
  StorageChange,
} from '../types/simulation.js'
import type { DecodedLog, ReportedCall } from '../types.js'
import { decodeRevert } from './decode.js'
import type { ManifestIndex } from './manifestIndex.js'
import type { SafePlan } from './safePlan.js'

/** @internal A callTracer frame. */
export type CallFrame = {
  type: string
  from: Address
  to?: Address | undefined
  input: Hex
  output?: Hex | undefined
  error?: string | undefined
  calls?: CallFrame[] | undefined
}

/** @internal One account in a prestateTracer diff. */
export type PrestateAccount = {
  balance?: Hex | undefined
  storage?: { [slot: string]: Hex } | undefined
}

/** @internal A prestateTracer result in diff mode. */
export type PrestateDiff = {
  pre: { [address: string]: PrestateAccount }
  post: { [address: string]: PrestateAccount }
}

const transferTopic =
  '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef'

export function byAddress(a: Address, b: Address): number {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  return x < y ? -1 : x > y ? 1 : 0
}

/** The Safe's own frame for the transaction (CALL or DELEGATECALL to `safeTx.to` from the Safe). */
function findExecutionFrame(
  frame: CallFrame,
  plan: SafePlan,
): CallFrame | undefined {
  const wanted = plan.safeTx.operation === 1 ? 'DELEGATECALL' : 'CALL'
  if (
    frame.type === wanted &&
    isAddressEqual(frame.from, plan.safe) &&
    frame.to !== undefined &&
    isAddressEqual(frame.to, plan.safeTx.to) &&
    isHexEqual(frame.input, plan.safeTx.data)
  )
    return frame
  for (const child of frame.calls ?? []) {
    const found = findExecutionFrame(child, plan)
    if (found) return found
  }
  return undefined
}

export function findRevert(
  root: CallFrame,
  plan: SafePlan,
  calls: readonly ReportedCall[],
  index: ManifestIndex,
): SimulationRevert {
  const safeRevert = root.error
    ? decodeRevert(root.output, [safeAbi, index.errorAbi])
    : undefined
  const frame = findExecutionFrame(root, plan)
  const batched =
    calls.length > 1 || (calls.length === 1 && plan.safeTx.operation === 1)
  let failing: { frame: CallFrame; position: number } | undefined
  if (frame && batched) {
    const children = (frame.calls ?? []).filter((child) =>
      isAddressEqual(child.from, plan.safe),
    )
    const position = children.findIndex((child) => child.error !== undefined)
    if (position >= 0) failing = { frame: children[position]!, position }
  } else if (frame?.error !== undefined) failing = { frame, position: 0 }

  if (!failing)
    return (
      safeRevert ?? { reason: 'the Safe reported ExecutionFailure', data: '0x' }
    )
  const call = calls[failing.position]
  const target = failing.frame.to ? index.get(failing.frame.to)?.abi : undefined
  const decoded = decodeRevert(failing.frame.output, [target, index.errorAbi])
  return {
    ...decoded,
    callIndex: failing.position,
    ...(call ? { call } : {}),
    ...(safeRevert && safeRevert.reason !== decoded.reason
      ? { safeReason: safeRevert.reason }
      : {}),
  }
}

export function balanceChanges(
  prestate: PrestateDiff,
  logs: readonly DecodedLog[],
  index: ManifestIndex,
): BalanceChange[] {
  const changes: BalanceChange[] = []
  const named = (address: Address) => index.get(address)?.name
  for (const [key, post] of Object.entries(prestate.post)) {
    if (post.balance === undefined) continue
    const holder = getAddress(key)
    const before = hexToBigInt(prestate.pre[key]?.balance ?? '0x0')
    const after = hexToBigInt(post.balance)
    if (before === after) continue
    const holderName = named(holder)
    changes.push({
      holder,
      ...(holderName ? { holderName } : {}),
      asset: 'ETH',
      before,
      after,
      delta: after - before,
    })
  }
  const deltas = new Map<
    string,
    { token: Address; holder: Address; delta: bigint }
  >()
  const bump = (token: Address, holder: Address, delta: bigint) => {
    const key = `${token}:${holder}`
    const entry = deltas.get(key) ?? { token, holder, delta: 0n }
    entry.delta += delta
    deltas.set(key, entry)
  }
  for (const log of logs) {
    // ERC-20 Transfer: three topics (ERC-721's has four) and a 32-byte amount.
    if (
      log.topics[0] !== transferTopic ||
      log.topics.length !== 3 ||
      log.data.length !== 66
    )
      continue
    const amount = hexToBigInt(log.data)
    const from = getAddress(`0x${log.topics[1]!.slice(-40)}`)
    const to = getAddress(`0x${log.topics[2]!.slice(-40)}`)
    bump(log.address, from, -amount)
    bump(log.address, to, amount)
  }
  for (const { token, holder, delta } of deltas.values()) {
    if (delta === 0n || holder === '0x0000000000000000000000000000000000000000')
      continue
    const holderName = named(holder)
    const assetName = named(token)
    changes.push({
      holder,
      ...(holderName ? { holderName } : {}),
      asset: token,
      ...(assetName ? { assetName } : {}),
      delta,
    })
  }
  return changes.sort(
    (a, b) =>
      byAddress(a.holder, b.holder) ||
      (a.asset === b.asset
        ? 0
        : a.asset === 'ETH'
          ? -1
          : b.asset === 'ETH'
            ? 1
            : byAddress(a.asset, b.asset)),
  )
}

export function storageChanges(
  prestate: PrestateDiff,
  index: ManifestIndex,
): StorageChange[] {
  const zero = pad('0x00', { size: 32 })
  const changes: StorageChange[] = []
  const addresses = new Set([
    ...Object.keys(prestate.pre),
    ...Object.keys(prestate.post),
  ])
  for (const key of addresses) {
    const before = prestate.pre[key]?.storage ?? {}
    const after = prestate.post[key]?.storage ?? {}
    // Only accounts the transaction modified are in `post`; slots zeroed by it
    // are listed in `pre` only (geth's diff mode, which anvil follows).
    if (!(key in prestate.post)) continue
    const address = getAddress(key)
    const contract = index.get(address)?.name
    for (const slot of new Set([
      ...Object.keys(before),
      ...Object.keys(after),
    ])) {
      const from = (before[slot] ?? zero) as Hex
      const to = (after[slot] ?? zero) as Hex
      if (hexToBigInt(from) === hexToBigInt(to)) continue
      changes.push({
        address,
        ...(contract ? { contract } : {}),
        slot: pad(slot as Hex, { size: 32 }),
        before: pad(from, { size: 32 }),
        after: pad(to, { size: 32 }),
      })
    }
  }
  return changes.sort(
    (a, b) =>
      byAddress(a.address, b.address) ||
      (a.slot < b.slot ? -1 : a.slot > b.slot ? 1 : 0),
  )
}
