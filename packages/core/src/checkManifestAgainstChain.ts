import {
  type Address,
  type Chain,
  type Client,
  getAddress,
  type Hex,
  type Transport,
} from 'viem'
import { getChainId, getCode, getStorageAt, readContract } from 'viem/actions'
import { getAction } from 'viem/utils'
import { upgradeableBeaconAbi } from './abis/generated.js'
import { safeAbi } from './abis/safe.js'
import { eip1967Slots } from './eip1967Slots.js'
import {
  ChainReadError,
  type ChainReadErrorType,
  type InvalidSlotValueErrorType,
} from './errors/chain.js'
import { formatPath, type PathSegment } from './internal/jsonPath.js'
import type { Manifest } from './manifestSchema.js'
import { toAddressFromSlot } from './toAddressFromSlot.js'

/**
 * One mismatch between a manifest and the chain.
 *
 * @example
 * ```ts
 * import type { ManifestFinding } from '@storydao/core'
 *
 * const finding: ManifestFinding = {
 *   severity: 'error',
 *   code: 'threshold_mismatch',
 *   path: 'safes.ops.threshold',
 *   message: "The ops Safe's threshold is 2 on chain, the manifest says 3.",
 *   expected: 3,
 *   actual: 2,
 * }
 * ```
 */
export type ManifestFinding = {
  /** `error`: the manifest is wrong (or the chain is); `warning`: worth a look. */
  severity: 'error' | 'warning'
  /** Stable code: `chain_id_mismatch`, `no_code`, `implementation_mismatch`, … */
  code: string
  /** JSON path in the manifest (`contracts.AuthorCoin.implementation`). */
  path: string
  /** What differs. */
  message: string
  /** The manifest's value. */
  expected?: string | number | readonly string[]
  /** The chain's value. */
  actual?: string | number | readonly string[]
}

export type CheckManifestAgainstChainReturnType = {
  /** `true` when there is no error-severity finding. */
  ok: boolean
  /** Every finding, in manifest order. */
  findings: ManifestFinding[]
}

export type CheckManifestAgainstChainErrorType =
  | ChainReadErrorType
  | InvalidSlotValueErrorType

const zeroAddress: Address = '0x0000000000000000000000000000000000000000'

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown }

/** Errors that mean "the RPC could not be reached", not "this read failed". */
const transportErrors = new Set([
  'HttpRequestError',
  'TimeoutError',
  'WebSocketRequestError',
  'SocketClosedError',
])

function isTransportError(error: unknown): boolean {
  for (let current = error; current; ) {
    if (current instanceof Error && transportErrors.has(current.name))
      return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

/** `getStorageAt` gives `undefined` for an empty slot. */
function slotToAddress(value: unknown): Address {
  return toAddressFromSlot((value ?? '0x') as Hex)
}

function shortError(error: unknown): string {
  const short = (error as { shortMessage?: unknown } | null)?.shortMessage
  if (typeof short === 'string') return short
  return error instanceof Error ? error.message : String(error)
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

/**
 * Checks a manifest against the chain it describes: the RPC's chain id, code
 * at every listed address (contracts, implementations, Safes), proxies'
 * EIP-1967 implementation/admin/beacon slots, beacons' `implementation()`,
 * and Safes' owners and threshold.
 *
 * All reads are started at once (`Promise.all`), so with a JSON-RPC batching
 * transport (`http(url, { batch: true })`) the whole check is one round trip;
 * Multicall3 is not needed. A read that reverts is a finding; an unreachable
 * RPC throws {@link ChainReadError}. On a chain id mismatch only that finding
 * is returned (every other comparison would be noise).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#checkmanifestagainstchain
 *
 * @example
 * ```ts
 * import { createPublicClient, http } from 'viem'
 * import { checkManifestAgainstChain, loadManifest } from '@storydao/core'
 *
 * const manifest = await loadManifest('local')
 * const client = createPublicClient({ transport: http('http://127.0.0.1:8545', { batch: true }) })
 * const { ok, findings } = await checkManifestAgainstChain(manifest, client)
 * ```
 *
 * @param manifest - The manifest to check.
 * @param client - A viem client connected to the manifest's network.
 * @returns `{ ok, findings }`.
 * @throws {ChainReadError} When the RPC cannot be reached.
 */
export async function checkManifestAgainstChain(
  manifest: Manifest,
  client: Client<Transport, Chain | undefined>,
): Promise<CheckManifestAgainstChainReturnType> {
  const pending = new Map<string, Promise<Settled>>()
  const schedule = (key: string, run: () => Promise<unknown>) => {
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
  const code = (address: Address) =>
    schedule(`code:${address.toLowerCase()}`, () =>
      getAction(client, getCode, 'getCode')({ address }),
    )
  const slot = (address: Address, slot: Hex) =>
    schedule(`slot:${address.toLowerCase()}:${slot}`, () =>
      getAction(client, getStorageAt, 'getStorageAt')({ address, slot }),
    )
  const call = (
    address: Address,
    functionName: 'implementation' | 'getOwners' | 'getThreshold',
  ) =>
    schedule(`call:${address.toLowerCase()}:${functionName}`, () =>
      functionName === 'implementation'
        ? getAction(
            client,
            readContract,
            'readContract',
          )({
            address,
            abi: upgradeableBeaconAbi,
            functionName,
          })
        : getAction(
            client,
            readContract,
            'readContract',
          )({
            address,
            abi: safeAbi,
            functionName,
          }),
    )

  // Schedule every read first (one batch), then compare.
  const chainIdKey = schedule('chainId', () =>
    getAction(client, getChainId, 'getChainId')({}),
  )
  type Check = () => void
  const checks: Check[] = []
  const findings: ManifestFinding[] = []
  const results = new Map<string, Settled>()
  const result = (key: string) => results.get(key)!

  const failed = (path: PathSegment[], what: string, settled: Settled) => {
    if (settled.ok) return false
    findings.push({
      severity: 'error',
      code: 'read_failed',
      path: formatPath(path),
      message: `Could not read ${what}: ${shortError(settled.error)}`,
    })
    return true
  }
  const expectCode = (address: Address, path: PathSegment[], what: string) => {
    const key = code(address)
    checks.push(() => {
      const settled = result(key)
      if (failed(path, `the code of ${what}`, settled)) return
      const bytecode = settled.ok ? settled.value : undefined
      if (typeof bytecode !== 'string' || bytecode === '0x')
        findings.push({
          severity: 'error',
          code: 'no_code',
          path: formatPath(path),
          message: `No contract code at ${address} (${what}).`,
        })
    })
  }
  const expectAddress = (
    key: string,
    path: PathSegment[],
    expected: Address,
    findingCode: string,
    describe: (actual: Address) => string,
  ) => {
    checks.push(() => {
      const settled = result(key)
      if (failed(path, formatPath(path), settled)) return
      const actual = settled.ok
        ? typeof settled.value === 'string' && settled.value.length === 42
          ? getAddress(settled.value)
          : slotToAddress(settled.value)
        : zeroAddress
      if (!same(actual, expected))
        findings.push({
          severity: 'error',
          code: findingCode,
          path: formatPath(path),
          message: describe(actual),
          expected,
          actual,
        })
    })
  }

  for (const [name, entry] of Object.entries(manifest.contracts)) {
    const base: PathSegment[] = ['contracts', name]
    expectCode(entry.address, [...base, 'address'], name)
    switch (entry.kind) {
      case 'uups-proxy':
      case 'transparent-proxy': {
        expectCode(
          entry.implementation,
          [...base, 'implementation'],
          `${name}'s implementation`,
        )
        expectAddress(
          slot(entry.address, eip1967Slots.implementation),
          [...base, 'implementation'],
          entry.implementation,
          'implementation_mismatch',
          (actual) =>
            `The EIP-1967 implementation slot of ${name} holds ${actual}, the manifest says ${entry.implementation}.`,
        )
        if (entry.kind === 'transparent-proxy')
          expectAddress(
            slot(entry.address, eip1967Slots.admin),
            [...base, 'proxyAdmin'],
            entry.proxyAdmin,
            'admin_mismatch',
            (actual) =>
              `The EIP-1967 admin slot of ${name} holds ${actual}, the manifest says ${entry.proxyAdmin}.`,
          )
        else {
          const key = slot(entry.address, eip1967Slots.admin)
          checks.push(() => {
            const settled = result(key)
            const actual = settled.ok
              ? slotToAddress(settled.value)
              : zeroAddress
            if (actual !== zeroAddress)
              findings.push({
                severity: 'warning',
                code: 'unexpected_admin',
                path: formatPath([...base, 'kind']),
                message: `${name} is listed as a UUPS proxy but its EIP-1967 admin slot is set (${actual}): is it a transparent proxy?`,
                actual,
              })
          })
        }
        break
      }
      case 'beacon-proxy':
        expectAddress(
          slot(entry.address, eip1967Slots.beacon),
          [...base, 'beacon'],
          entry.beacon,
          'beacon_mismatch',
          (actual) =>
            `The EIP-1967 beacon slot of ${name} holds ${actual}, the manifest says ${entry.beacon}.`,
        )
        break
      case 'beacon':
        expectCode(
          entry.implementation,
          [...base, 'implementation'],
          `${name}'s implementation`,
        )
        expectAddress(
          call(entry.address, 'implementation'),
          [...base, 'implementation'],
          entry.implementation,
          'implementation_mismatch',
          (actual) =>
            `${name}.implementation() returns ${actual}, the manifest says ${entry.implementation}.`,
        )
        break
      default:
        break
    }
  }

  const safes = Object.entries(manifest.safes).filter(
    (item): item is [string, NonNullable<(typeof item)[1]>] =>
      item[1] !== undefined,
  )
  for (const [name, safe] of safes) {
    const base: PathSegment[] = ['safes', name]
    expectCode(safe.address, [...base, 'address'], `the ${name} Safe`)
    const ownersKey = call(safe.address, 'getOwners')
    const thresholdKey = call(safe.address, 'getThreshold')
    checks.push(() => {
      const owners = result(ownersKey)
      if (failed([...base, 'owners'], `${name} Safe getOwners()`, owners))
        return
      const actual = (
        owners.ok ? (owners.value as readonly Address[]) : []
      ).map((owner) => getAddress(owner))
      const missing = safe.owners.filter(
        (owner) => !actual.some((other) => same(owner, other)),
      )
      const extra = actual.filter(
        (owner) => !safe.owners.some((other) => same(owner, other)),
      )
      if (missing.length > 0 || extra.length > 0)
        findings.push({
          severity: 'error',
          code: 'owners_mismatch',
          path: formatPath([...base, 'owners']),
          message: `The ${name} Safe's owners differ from the manifest${missing.length > 0 ? `; not owners on chain: ${missing.join(', ')}` : ''}${extra.length > 0 ? `; owners missing from the manifest: ${extra.join(', ')}` : ''}.`,
          expected: safe.owners,
          actual,
        })
    })
    checks.push(() => {
      const threshold = result(thresholdKey)
      if (
        failed([...base, 'threshold'], `${name} Safe getThreshold()`, threshold)
      )
        return
      const actual = Number(threshold.ok ? threshold.value : 0n)
      if (actual !== safe.threshold)
        findings.push({
          severity: 'error',
          code: 'threshold_mismatch',
          path: formatPath([...base, 'threshold']),
          message: `The ${name} Safe's threshold is ${actual} on chain, the manifest says ${safe.threshold}.`,
          expected: safe.threshold,
          actual,
        })
    })
  }

  for (const [key, promise] of pending) results.set(key, await promise)
  for (const settled of results.values())
    if (!settled.ok && isTransportError(settled.error))
      throw new ChainReadError({
        what: 'the manifest’s contracts',
        cause: settled.error,
      })

  const chainId = result(chainIdKey)
  if (!chainId.ok)
    throw new ChainReadError({ what: 'the chain id', cause: chainId.error })
  if (chainId.value !== manifest.network.chainId)
    return {
      ok: false,
      findings: [
        {
          severity: 'error',
          code: 'chain_id_mismatch',
          path: 'network.chainId',
          message: `The RPC serves chain ${String(chainId.value)}, the manifest describes chain ${manifest.network.chainId} (${manifest.network.name}). Other checks were skipped.`,
          expected: manifest.network.chainId,
          actual: Number(chainId.value),
        },
      ],
    }

  for (const check of checks) check()
  return {
    ok: findings.every((finding) => finding.severity !== 'error'),
    findings,
  }
}
