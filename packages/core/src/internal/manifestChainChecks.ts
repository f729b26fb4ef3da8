import { type Address, getAddress, type Hex, isAddressEqual } from 'viem'
import { eip1967Slots } from '../eip1967Slots.js'
import { ChainReadError } from '../errors/chain.js'
import type {
  ContractEntry,
  Manifest,
  ManifestSafe,
} from '../manifestSchema.js'
import { toAddressFromSlot } from '../toAddressFromSlot.js'
import type { ManifestFinding } from '../types/manifestFinding.js'
import {
  type ChainReads,
  isTransportError,
  type ReadKey,
  type Settled,
  shortError,
} from './chainReads.js'
import { formatPath, type PathSegment } from './jsonPath.js'

const zeroAddress: Address = '0x0000000000000000000000000000000000000000'

/** @internal The results of every read, looked up when the checks run. */
export type Results = ReadonlyMap<ReadKey, Settled>

/** @internal One comparison, run once every read has settled. */
export type Check = (results: Results) => ManifestFinding[]

/** `getStorageAt` gives `undefined` for an empty slot. */
function slotToAddress(value: unknown): Address {
  return toAddressFromSlot((value ?? '0x') as Hex)
}

/** @internal */
export function settled(results: Results, key: ReadKey): Settled {
  return results.get(key) ?? { ok: false, error: new Error('not read') }
}

function readFailed(path: PathSegment[], what: string, error: unknown) {
  return {
    severity: 'error',
    code: 'read_failed',
    path: formatPath(path),
    message: `Could not read ${what}: ${shortError(error)}`,
  } as const satisfies ManifestFinding
}

/** The address a slot or an `implementation()` call returned. */
function addressOf(value: unknown): Address {
  return typeof value === 'string' && value.length === 42
    ? getAddress(value)
    : slotToAddress(value)
}

/** There must be contract code at `address`. */
function expectCode(
  reads: ChainReads,
  address: Address,
  path: PathSegment[],
  what: string,
): Check {
  const key = reads.code(address)
  return (results) => {
    const result = settled(results, key)
    if (!result.ok)
      return [readFailed(path, `the code of ${what}`, result.error)]
    if (typeof result.value === 'string' && result.value !== '0x') return []
    return [
      {
        severity: 'error',
        code: 'no_code',
        path: formatPath(path),
        message: `No contract code at ${address} (${what}).`,
      },
    ]
  }
}

/** The address read under `key` must equal `expected`. */
function expectAddress(
  key: ReadKey,
  path: PathSegment[],
  expected: Address,
  findingCode: string,
  describe: (actual: Address) => string,
): Check {
  return (results) => {
    const result = settled(results, key)
    if (!result.ok) return [readFailed(path, formatPath(path), result.error)]
    const actual = addressOf(result.value)
    if (isAddressEqual(actual, expected)) return []
    return [
      {
        severity: 'error',
        code: findingCode,
        path: formatPath(path),
        message: describe(actual),
        expected,
        actual,
      },
    ]
  }
}

/** A UUPS proxy with an admin slot set is probably a transparent proxy. */
function expectNoAdmin(
  reads: ChainReads,
  name: string,
  address: Address,
): Check {
  const key = reads.slot(address, eip1967Slots.admin)
  return (results) => {
    const result = settled(results, key)
    const actual = result.ok ? slotToAddress(result.value) : zeroAddress
    if (isAddressEqual(actual, zeroAddress)) return []
    return [
      {
        severity: 'warning',
        code: 'unexpected_admin',
        path: formatPath(['contracts', name, 'kind']),
        message: `${name} is listed as a UUPS proxy but its EIP-1967 admin slot is set (${actual}): is it a transparent proxy?`,
        actual,
      },
    ]
  }
}

type ProxyEntry = Extract<
  ContractEntry,
  { kind: 'uups-proxy' | 'transparent-proxy' }
>

/** An ERC-1967 proxy: implementation code and slot, then its admin slot. */
function proxyChecks(
  reads: ChainReads,
  name: string,
  entry: ProxyEntry,
): Check[] {
  const base: PathSegment[] = ['contracts', name]
  const checks = [
    expectCode(
      reads,
      entry.implementation,
      [...base, 'implementation'],
      `${name}'s implementation`,
    ),
    expectAddress(
      reads.slot(entry.address, eip1967Slots.implementation),
      [...base, 'implementation'],
      entry.implementation,
      'implementation_mismatch',
      (actual) =>
        `The EIP-1967 implementation slot of ${name} holds ${actual}, the manifest says ${entry.implementation}.`,
    ),
  ]
  if (entry.kind === 'uups-proxy')
    return [...checks, expectNoAdmin(reads, name, entry.address)]
  return [
    ...checks,
    expectAddress(
      reads.slot(entry.address, eip1967Slots.admin),
      [...base, 'proxyAdmin'],
      entry.proxyAdmin,
      'admin_mismatch',
      (actual) =>
        `The EIP-1967 admin slot of ${name} holds ${actual}, the manifest says ${entry.proxyAdmin}.`,
    ),
  ]
}

/** An UpgradeableBeacon: implementation code and `implementation()`. */
function beaconChecks(
  reads: ChainReads,
  name: string,
  entry: Extract<ContractEntry, { kind: 'beacon' }>,
): Check[] {
  const path: PathSegment[] = ['contracts', name, 'implementation']
  return [
    expectCode(reads, entry.implementation, path, `${name}'s implementation`),
    expectAddress(
      reads.call(entry.address, 'implementation'),
      path,
      entry.implementation,
      'implementation_mismatch',
      (actual) =>
        `${name}.implementation() returns ${actual}, the manifest says ${entry.implementation}.`,
    ),
  ]
}

/** @internal Every check of one contract entry, by kind. */
export function contractChecks(
  reads: ChainReads,
  name: string,
  entry: ContractEntry,
): Check[] {
  const code = expectCode(
    reads,
    entry.address,
    ['contracts', name, 'address'],
    name,
  )
  switch (entry.kind) {
    case 'uups-proxy':
    case 'transparent-proxy':
      return [code, ...proxyChecks(reads, name, entry)]
    case 'beacon-proxy':
      return [
        code,
        expectAddress(
          reads.slot(entry.address, eip1967Slots.beacon),
          ['contracts', name, 'beacon'],
          entry.beacon,
          'beacon_mismatch',
          (actual) =>
            `The EIP-1967 beacon slot of ${name} holds ${actual}, the manifest says ${entry.beacon}.`,
        ),
      ]
    case 'beacon':
      return [code, ...beaconChecks(reads, name, entry)]
    default:
      return [code]
  }
}

/** The Safe's owners on chain must be the manifest's, in any order. */
function expectOwners(key: ReadKey, name: string, safe: ManifestSafe): Check {
  const path: PathSegment[] = ['safes', name, 'owners']
  return (results) => {
    const result = settled(results, key)
    if (!result.ok)
      return [readFailed(path, `${name} Safe getOwners()`, result.error)]
    const actual = (result.value as readonly Address[]).map((owner) =>
      getAddress(owner),
    )
    const onChain = new Set(actual)
    const listed = new Set(safe.owners.map((owner) => getAddress(owner)))
    const missing = safe.owners.filter(
      (owner) => !onChain.has(getAddress(owner)),
    )
    const extra = actual.filter((owner) => !listed.has(owner))
    if (missing.length === 0 && extra.length === 0) return []
    return [
      {
        severity: 'error',
        code: 'owners_mismatch',
        path: formatPath(path),
        message: `The ${name} Safe's owners differ from the manifest${missing.length > 0 ? `; not owners on chain: ${missing.join(', ')}` : ''}${extra.length > 0 ? `; owners missing from the manifest: ${extra.join(', ')}` : ''}.`,
        expected: safe.owners,
        actual,
      },
    ]
  }
}

/** The Safe's threshold on chain must be the manifest's. */
function expectThreshold(
  key: ReadKey,
  name: string,
  safe: ManifestSafe,
): Check {
  const path: PathSegment[] = ['safes', name, 'threshold']
  return (results) => {
    const result = settled(results, key)
    if (!result.ok)
      return [readFailed(path, `${name} Safe getThreshold()`, result.error)]
    const actual = Number(result.value)
    if (actual === safe.threshold) return []
    return [
      {
        severity: 'error',
        code: 'threshold_mismatch',
        path: formatPath(path),
        message: `The ${name} Safe's threshold is ${actual} on chain, the manifest says ${safe.threshold}.`,
        expected: safe.threshold,
        actual,
      },
    ]
  }
}

/** @internal Code, owners and threshold of every listed Safe. */
export function safeChecks(reads: ChainReads, manifest: Manifest): Check[] {
  return Object.entries(manifest.safes).flatMap(([name, safe]) =>
    safe === undefined
      ? []
      : [
          expectCode(
            reads,
            safe.address,
            ['safes', name, 'address'],
            `the ${name} Safe`,
          ),
          expectOwners(reads.call(safe.address, 'getOwners'), name, safe),
          expectThreshold(reads.call(safe.address, 'getThreshold'), name, safe),
        ],
  )
}

/** @internal An unreachable RPC is an error, not a list of `read_failed` findings. */
export function throwOnTransportError(results: Results): void {
  for (const result of results.values())
    if (!result.ok && isTransportError(result.error))
      throw new ChainReadError({
        what: 'the manifest’s contracts',
        cause: result.error,
      })
}

/** @internal The finding for an RPC that serves another chain, if it does. */
export function chainIdMismatch(
  result: Settled,
  manifest: Manifest,
): ManifestFinding | undefined {
  if (!result.ok)
    throw new ChainReadError({ what: 'the chain id', cause: result.error })
  if (result.value === manifest.network.chainId) return undefined
  return {
    severity: 'error',
    code: 'chain_id_mismatch',
    path: 'network.chainId',
    message: `The RPC serves chain ${String(result.value)}, the manifest describes chain ${manifest.network.chainId} (${manifest.network.name}). Other checks were skipped.`,
    expected: manifest.network.chainId,
    actual: Number(result.value),
  }
}
