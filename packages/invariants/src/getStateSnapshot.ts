import {
  accessControlAbi,
  assertParameters,
  ChainReadError,
  type ChainReadErrorType,
  type ContractEntry,
  type Manifest,
  type ManifestSafe,
  type MissingParameterErrorType,
  safeAbi,
  storyDaoAbis,
  toAddressFromSlot,
} from '@storydao/core'
import {
  type Abi,
  type AbiFunction,
  type Address,
  type Chain,
  type Client,
  getAddress,
  type Hex,
  type Transport,
} from 'viem'
import { getBlockNumber, getChainId, getLogs } from 'viem/actions'
import { getAction } from 'viem/utils'
import { version } from './errors/version.js'
import { timelockReadAbi } from './internal/abis.js'
import {
  adminSlot,
  balanceRead,
  beaconSlot,
  implementationSlot,
} from './internal/invariantHelpers.js'
import { readKey, readState } from './internal/readState.js'
import { roleName } from './internal/roles.js'
import { toInvariantValue } from './internal/values.js'
import type {
  ContractState,
  ReadResult,
  StateRead,
  StateSnapshot,
} from './types.js'

export type GetStateSnapshotParameters = {
  /** The network's manifest. */
  manifest: Manifest
  /** Block to snapshot; the latest when omitted. */
  blockNumber?: bigint | undefined
  /** First block scanned for role and timelock logs; default the earliest `deployment.block` in the manifest (else 0). */
  fromBlock?: bigint | undefined
  /** Extra ABIs by artifact name. */
  abis?: { readonly [artifact: string]: Abi } | undefined
}

export type GetStateSnapshotReturnType = StateSnapshot

export type GetStateSnapshotErrorType =
  | ChainReadErrorType
  | MissingParameterErrorType

const guardSlot =
  '0x4a204f620c8c5ccdca3fd54d003badd85ba500436a431f0cbda4f558c93c34c8' as const
const fallbackHandlerSlot =
  '0x6c9a6c4a39284e37ed1cf53d337577d14212a4870fb976a4366c693b939918d5' as const
const sentinel = '0x0000000000000000000000000000000000000001' as const
const skippedGetters = new Set(['clock', 'proxiableUUID', 'eip712Domain'])

type Entries = [string, ContractEntry][]
type SafeEntries = (readonly [string, ManifestSafe])[]
type AbiOf = (artifact: string) => Abi
type WatchedLog = {
  address: Address
  eventName: string
  args: Record<string, unknown>
}

/** Collects the reads of one batch; each `want` returns the read's key. */
function createReadPlan() {
  const reads: StateRead[] = []
  return {
    reads,
    want(read: StateRead) {
      reads.push(read)
      return readKey(read)
    },
  }
}
type ReadPlan = ReturnType<typeof createReadPlan>

const has = (abi: Abi, name: string) =>
  abi.some((item) => item.type === 'function' && item.name === name)

/**
 * Snapshots the protocol's state at one block, for incident forensics and
 * before/after comparisons ({@link diffStateSnapshots}): every manifest
 * contract's argument-less getters and proxy slots, ETH and token balances
 * of every contract and Safe, AccessControl role members (replayed from
 * `RoleGranted`/`RoleRevoked` logs and confirmed with `hasRole`), pending
 * timelock operations (from `CallScheduled` logs, confirmed with
 * `getOperationState`) and each Safe's owners, threshold, nonce, modules,
 * guard and fallback handler.
 *
 * Round trips: the chain id and block, one `eth_getLogs`, then one batched
 * read (at most two `eth_call`s).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#getstatesnapshot
 *
 * @example
 * ```ts
 * import { diffStateSnapshots, getStateSnapshot } from '@storydao/invariants'
 *
 * const before = await getStateSnapshot(client, { manifest, blockNumber: 21_000_000n })
 * const after = await getStateSnapshot(client, { manifest })
 * console.log(diffStateSnapshots({ before, after }).changes)
 * ```
 *
 * @param client - A viem client for the manifest's chain (or a fork).
 * @param parameters - {@link GetStateSnapshotParameters}
 * @returns {@link StateSnapshot}
 * @throws {ChainReadError} When the RPC cannot be reached.
 */
export async function getStateSnapshot(
  client: Client<Transport, Chain | undefined>,
  parameters: GetStateSnapshotParameters,
): Promise<GetStateSnapshotReturnType> {
  assertParameters('getStateSnapshot', { client }, ['client'], { version })
  assertParameters('getStateSnapshot', parameters, ['manifest'], { version })
  const { manifest } = parameters
  const known: { readonly [artifact: string]: Abi } = {
    ...storyDaoAbis,
    ...parameters.abis,
  }
  const abiOf: AbiOf = (artifact) => known[artifact] ?? []
  const contracts: Entries = Object.entries(manifest.contracts)
  const safes: SafeEntries = Object.entries(manifest.safes).flatMap(
    ([name, safe]) => (safe ? [[name, safe] as const] : []),
  )
  const { chainId, blockNumber } = await readChainPosition(client, parameters)
  const accessControlled = contracts.filter(([, entry]) =>
    has(abiOf(entry.artifact), 'hasRole'),
  )
  const timelocks = contracts.filter(([, entry]) => entry.kind === 'timelock')
  const logs = await readRoleAndTimelockLogs(client, {
    watched: [...accessControlled, ...timelocks],
    fromBlock: parameters.fromBlock ?? firstDeploymentBlock(contracts),
    blockNumber,
  })

  // Everything else in one batched read.
  const plan = createReadPlan()
  const contractKeys = planContractReads(plan, contracts, abiOf)
  const safeKeys = planSafeReads(plan, safes)
  const balanceKeys = planBalanceReads(plan, contracts, safes, abiOf)
  const memberKeys = planRoleReads(plan, logs, accessControlled, manifest)
  const operationKeys = planOperationReads(plan, logs, timelocks, manifest)
  const values = await readState(client, plan.reads, { blockNumber })
  const value = (key: string) => {
    const result: ReadResult = values.get(key) ?? {
      ok: false,
      error: 'not read',
    }
    return result.ok ? result.value : undefined
  }

  const snapshot: StateSnapshot = {
    chainId,
    blockNumber,
    contracts: {},
    safes: {},
    balances: {},
    roles: {},
    timelockOperations: {},
  }
  fillContracts(snapshot, contractKeys, value)
  fillSafes(snapshot, safeKeys, value)
  fillBalances(snapshot, balanceKeys, value)
  fillRoles(snapshot, accessControlled, memberKeys, value)
  fillTimelockOperations(snapshot, timelocks, operationKeys, value)
  return snapshot
}

/** The chain id, and the block to read at (the latest unless given). */
async function readChainPosition(
  client: Client<Transport, Chain | undefined>,
  parameters: GetStateSnapshotParameters,
): Promise<{ chainId: number; blockNumber: bigint }> {
  try {
    const [chainId, blockNumber] = await Promise.all([
      getAction(client, getChainId, 'getChainId')({}),
      parameters.blockNumber ??
        getAction(client, getBlockNumber, 'getBlockNumber')({ cacheTime: 0 }),
    ])
    return { chainId, blockNumber }
  } catch (cause) {
    throw new ChainReadError({ what: 'the chain id and block number', cause })
  }
}

/** The earliest `deployment.block` in the manifest, else 0. */
function firstDeploymentBlock(contracts: Entries): bigint {
  return (
    contracts.reduce<bigint | undefined>((min, [, entry]) => {
      const block = entry.deployment
        ? BigInt(entry.deployment.block)
        : undefined
      return block === undefined
        ? min
        : min === undefined || block < min
          ? block
          : min
    }, undefined) ?? 0n
  )
}

/** Role grants/revocations and scheduled calls: who may hold what, and what is queued. */
async function readRoleAndTimelockLogs(
  client: Client<Transport, Chain | undefined>,
  parameters: { watched: Entries; fromBlock: bigint; blockNumber: bigint },
): Promise<WatchedLog[]> {
  const { fromBlock, blockNumber } = parameters
  const watched = parameters.watched.map(([, entry]) => entry.address)
  const events = [...accessControlAbi, ...timelockReadAbi].filter(
    (item) =>
      item.type === 'event' &&
      (item.name === 'RoleGranted' ||
        item.name === 'RoleRevoked' ||
        item.name === 'CallScheduled'),
  )
  let logs: WatchedLog[] = []
  if (watched.length > 0 && fromBlock <= blockNumber) {
    try {
      logs = (await getAction(
        client,
        getLogs,
        'getLogs',
      )({
        address: [...new Set(watched)],
        events,
        fromBlock,
        toBlock: blockNumber,
      })) as unknown as typeof logs
    } catch (cause) {
      throw new ChainReadError({ what: 'role and timelock logs', cause })
    }
  }
  return logs
}

/** Every zero-argument getter of each contract, plus its proxy slots. */
function planContractReads(plan: ReadPlan, contracts: Entries, abiOf: AbiOf) {
  const want = plan.want
  return contracts.map(([name, entry]) => {
    const abi = abiOf(entry.artifact)
    const getters = abi.filter(
      (item): item is AbiFunction =>
        item.type === 'function' &&
        (item.stateMutability === 'view' || item.stateMutability === 'pure') &&
        item.inputs.length === 0 &&
        item.outputs.length === 1 &&
        !/^[A-Z0-9_]+$/.test(item.name) &&
        !skippedGetters.has(item.name),
    )
    return {
      name,
      entry,
      getters: getters
        .map((getter) => ({
          name: getter.name,
          key: want({
            type: 'call',
            address: entry.address,
            abi: [getter],
            functionName: getter.name,
          }),
        }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      implementation:
        entry.kind === 'uups-proxy' || entry.kind === 'transparent-proxy'
          ? want({
              type: 'storage',
              address: entry.address,
              slot: implementationSlot,
            })
          : undefined,
      admin:
        entry.kind === 'transparent-proxy'
          ? want({ type: 'storage', address: entry.address, slot: adminSlot })
          : undefined,
      beacon:
        entry.kind === 'beacon-proxy'
          ? want({ type: 'storage', address: entry.address, slot: beaconSlot })
          : undefined,
    }
  })
}

/** Owners, threshold, nonce, modules, guard and fallback handler of each Safe. */
function planSafeReads(plan: ReadPlan, safes: SafeEntries) {
  const want = plan.want
  const safeCall = (
    address: Address,
    functionName: string,
    args?: readonly unknown[],
  ) =>
    want({
      type: 'call',
      address,
      abi: safeAbi,
      functionName,
      ...(args ? { args } : {}),
    })
  return safes.map(([name, safe]) => ({
    name,
    address: safe.address,
    version: safeCall(safe.address, 'VERSION'),
    owners: safeCall(safe.address, 'getOwners'),
    threshold: safeCall(safe.address, 'getThreshold'),
    nonce: safeCall(safe.address, 'nonce'),
    modules: safeCall(safe.address, 'getModulesPaginated', [sentinel, 50n]),
    guard: safeCall(safe.address, 'getStorageAt', [BigInt(guardSlot), 1n]),
    fallbackHandler: safeCall(safe.address, 'getStorageAt', [
      BigInt(fallbackHandlerSlot),
      1n,
    ]),
  }))
}

/** ETH and token balances of every contract and Safe. */
function planBalanceReads(
  plan: ReadPlan,
  contracts: Entries,
  safes: SafeEntries,
  abiOf: AbiOf,
) {
  const want = plan.want
  const holders = [
    ...contracts.map(([name, entry]) => ({ name, address: entry.address })),
    ...safes.map(([name, safe]) => ({
      name: `${name} Safe`,
      address: safe.address,
    })),
  ]
  const tokens = contracts.filter(([, entry]) => {
    const abi = abiOf(entry.artifact)
    return has(abi, 'balanceOf') && has(abi, 'totalSupply')
  })
  const assets = [
    { name: 'ETH', asset: 'ETH' as const },
    ...tokens.map(([name, entry]) => ({ name, asset: entry.address })),
  ]
  return holders.map((holder) => ({
    holder: holder.name,
    assets: assets.map((asset) => ({
      name: asset.name,
      key: want(balanceRead(asset.asset, holder.address)),
    })),
  }))
}

/** `hasRole` for every (contract, role, account) the logs ever mention. */
function planRoleReads(
  plan: ReadPlan,
  logs: readonly WatchedLog[],
  accessControlled: Entries,
  manifest: Manifest,
) {
  const want = plan.want
  const members = new Map<
    string,
    { contract: string; role: Hex; account: Address }
  >()
  for (const log of logs) {
    if (log.eventName !== 'RoleGranted' && log.eventName !== 'RoleRevoked')
      continue
    const contract = accessControlled.find(
      ([, entry]) => entry.address === getAddress(log.address),
    )
    if (!contract) continue
    const role = String(log.args.role).toLowerCase() as Hex
    const account = getAddress(String(log.args.account))
    members.set(`${contract[0]}:${role}:${account}`, {
      contract: contract[0],
      role,
      account,
    })
  }
  return [...members.values()].map((member) => ({
    ...member,
    key: want({
      type: 'call',
      address: manifest.contracts[member.contract]!.address,
      abi: accessControlAbi,
      functionName: 'hasRole',
      args: [member.role, member.account],
    }),
  }))
}

/** State and timestamp of every operation the logs scheduled. */
function planOperationReads(
  plan: ReadPlan,
  logs: readonly WatchedLog[],
  timelocks: Entries,
  manifest: Manifest,
) {
  const want = plan.want
  const scheduled = new Map<
    string,
    {
      timelock: string
      calls: Map<bigint, { target: Address; value: bigint; data: Hex }>
      predecessor: Hex
    }
  >()
  for (const log of logs) {
    if (log.eventName !== 'CallScheduled') continue
    const timelock = timelocks.find(
      ([, entry]) => entry.address === getAddress(log.address),
    )
    if (!timelock) continue
    const id = String(log.args.id).toLowerCase()
    const key = `${timelock[0]}:${id}`
    const entry = scheduled.get(key) ?? {
      timelock: timelock[0],
      calls: new Map(),
      predecessor: log.args.predecessor as Hex,
    }
    entry.calls.set(log.args.index as bigint, {
      target: getAddress(String(log.args.target)),
      value: log.args.value as bigint,
      data: log.args.data as Hex,
    })
    scheduled.set(key, entry)
  }
  return [...scheduled.entries()].map(([key, entry]) => {
    const id = key.slice(key.indexOf(':') + 1) as Hex
    const address = manifest.contracts[entry.timelock]!.address
    return {
      id,
      ...entry,
      state: want({
        type: 'call',
        address,
        abi: timelockReadAbi,
        functionName: 'getOperationState',
        args: [id],
      }),
      timestamp: want({
        type: 'call',
        address,
        abi: timelockReadAbi,
        functionName: 'getTimestamp',
        args: [id],
      }),
    }
  })
}

type ValueOf = (key: string) => unknown

function fillContracts(
  snapshot: StateSnapshot,
  contractKeys: ReturnType<typeof planContractReads>,
  value: ValueOf,
) {
  for (const item of contractKeys) {
    const state: ContractState = {
      address: item.entry.address,
      kind: item.entry.kind,
      values: Object.fromEntries(
        item.getters.map((getter) => [
          getter.name,
          toInvariantValue(value(getter.key)),
        ]),
      ),
    }
    if (item.implementation)
      state.implementation = toAddressFromSlot(
        value(item.implementation) as Hex,
      )
    if (item.admin) state.admin = toAddressFromSlot(value(item.admin) as Hex)
    if (item.beacon) state.beacon = toAddressFromSlot(value(item.beacon) as Hex)
    snapshot.contracts[item.name] = state
  }
}

function fillSafes(
  snapshot: StateSnapshot,
  safeKeys: ReturnType<typeof planSafeReads>,
  value: ValueOf,
) {
  for (const item of safeKeys) {
    const modules = value(item.modules) as
      | readonly [readonly Address[], Address]
      | undefined
    snapshot.safes[item.name] = {
      address: item.address,
      version: String(value(item.version) ?? ''),
      owners: (
        (value(item.owners) as readonly Address[] | undefined) ?? []
      ).map((owner) => getAddress(owner)),
      threshold: (value(item.threshold) as bigint | undefined) ?? 0n,
      nonce: (value(item.nonce) as bigint | undefined) ?? 0n,
      modules: (modules?.[0] ?? []).map((module) => getAddress(module)),
      guard: toAddressFromSlot((value(item.guard) ?? '0x') as Hex),
      fallbackHandler: toAddressFromSlot(
        (value(item.fallbackHandler) ?? '0x') as Hex,
      ),
    }
  }
}

function fillBalances(
  snapshot: StateSnapshot,
  balanceKeys: ReturnType<typeof planBalanceReads>,
  value: ValueOf,
) {
  for (const item of balanceKeys)
    snapshot.balances[item.holder] = Object.fromEntries(
      item.assets.map((asset) => [
        asset.name,
        (value(asset.key) as bigint | undefined) ?? 0n,
      ]),
    )
}

/** Members are the accounts whose `hasRole` is still true. */
function fillRoles(
  snapshot: StateSnapshot,
  accessControlled: Entries,
  memberKeys: ReturnType<typeof planRoleReads>,
  value: ValueOf,
) {
  for (const [name] of accessControlled) snapshot.roles[name] = {}
  for (const member of memberKeys) {
    if (value(member.key) !== true) continue
    const roles = snapshot.roles[member.contract]!
    const role = roleName(member.role)
    roles[role] = [...(roles[role] ?? []), member.account].sort((a, b) =>
      a.toLowerCase() < b.toLowerCase() ? -1 : 1,
    )
  }
}

/** Only waiting (1) and ready (2) operations are pending. */
function fillTimelockOperations(
  snapshot: StateSnapshot,
  timelocks: Entries,
  operationKeys: ReturnType<typeof planOperationReads>,
  value: ValueOf,
) {
  for (const [name] of timelocks) snapshot.timelockOperations[name] = {}
  for (const operation of operationKeys) {
    const state = Number(value(operation.state))
    if (state !== 1 && state !== 2) continue
    snapshot.timelockOperations[operation.timelock]![operation.id] = {
      state: state === 1 ? 'waiting' : 'ready',
      readyAt: (value(operation.timestamp) as bigint | undefined) ?? 0n,
      calls: [...operation.calls.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, call]) => call),
      predecessor: operation.predecessor,
    }
  }
}
