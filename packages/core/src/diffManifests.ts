import { type Address, getAddress, isAddressEqual } from 'viem'
import {
  assertParameters,
  type MissingParameterErrorType,
} from './errors/parameters.js'
import { version } from './errors/version.js'
import type {
  ContractEntry,
  Manifest,
  ManifestRole,
  ManifestSafe,
  UpgradeEntry,
} from './manifestSchema.js'

/** One changed value; `path` is relative to the entry (`implementation`, `deployment.block`). */
export type ManifestValueChange = {
  /** Path of the value inside its entry. */
  path: string
  /** The old value (`undefined` when absent). */
  before: unknown
  /** The new value (`undefined` when absent). */
  after: unknown
}

/** Added, removed and changed items of one manifest section. */
export type ManifestDiffSection<item, change> = {
  /** Present only in `b`. */
  added: item[]
  /** Present only in `a`. */
  removed: item[]
  /** Present in both, different. */
  changed: change[]
}

/** The effective implementation of a contract changed. */
export type ImplementationChange = {
  /** The contract whose implementation changed. */
  name: string
  /** The implementation before (undefined if the contract was not upgradeable or absent). */
  before: Address | undefined
  /** The implementation after. */
  after: Address | undefined
  /** For a beacon proxy: the beacon whose implementation changed. */
  via?: string | undefined
}

/**
 * Everything that differs between two manifests.
 *
 * @example
 * ```ts
 * import { diffManifests, type ManifestDiff } from '@storydao/core'
 *
 * const diff: ManifestDiff = diffManifests({ before, after })
 * for (const { name, before: from, after: to } of diff.implementations)
 *   console.log(`${name}: ${from} -> ${to}`)
 * ```
 */
export type ManifestDiff = {
  /** The network of `b`, and changes to `network`. */
  network: {
    name: string
    chainId: number
    changes: ManifestValueChange[]
  }
  /** Contract entries, by name. */
  contracts: ManifestDiffSection<
    { name: string; entry: ContractEntry },
    { name: string; changes: ManifestValueChange[] }
  >
  /** Effective implementation changes (proxies, beacons, and beacon proxies through their beacon). */
  implementations: ImplementationChange[]
  /** Role assignments. */
  roles: ManifestDiffSection<
    { role: ManifestRole; contract: string },
    { role: ManifestRole; before: string; after: string }
  >
  /** Safes, by name (`ops`, `emergency`). */
  safes: ManifestDiffSection<
    { name: string; safe: ManifestSafe },
    {
      name: string
      address?: { before: Address; after: Address } | undefined
      threshold?: { before: number; after: number } | undefined
      ownersAdded: Address[]
      ownersRemoved: Address[]
    }
  >
  /** Upgrade entries, by id. */
  upgrades: ManifestDiffSection<
    UpgradeEntry,
    { id: string; target: string; changes: ManifestValueChange[] }
  >
  /** `true` when nothing differs. */
  isEmpty: boolean
}

function flatten(value: unknown, prefix: string, out: Map<string, unknown>) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value))
      flatten(item, prefix ? `${prefix}.${key}` : key, out)
    return
  }
  out.set(prefix, value)
}

function changesOf(a: object, b: object): ManifestValueChange[] {
  const before = new Map<string, unknown>()
  const after = new Map<string, unknown>()
  flatten(a, '', before)
  flatten(b, '', after)
  const paths = [...new Set([...before.keys(), ...after.keys()])]
  return paths
    .filter(
      (path) =>
        JSON.stringify(before.get(path)) !== JSON.stringify(after.get(path)),
    )
    .map((path) => ({ path, before: before.get(path), after: after.get(path) }))
}

/** A map key for an address regardless of its checksum. */
function addressKey(address: string): string {
  return getAddress(address)
}

function effectiveImplementation(
  manifest: Manifest,
  beacons: ReadonlyMap<string, string>,
  name: string,
): { address: Address | undefined; via?: string } {
  const entry = manifest.contracts[name]
  if (!entry) return { address: undefined }
  if (entry.kind === 'beacon-proxy') {
    const via = beacons.get(addressKey(entry.beacon))
    const beacon = via === undefined ? undefined : manifest.contracts[via]
    return via !== undefined && beacon?.kind === 'beacon'
      ? { address: beacon.implementation, via }
      : { address: undefined }
  }
  return {
    address: 'implementation' in entry ? entry.implementation : undefined,
  }
}

/** Beacon names by address, so a beacon proxy finds its beacon in O(1). */
function beaconsByAddress(manifest: Manifest): Map<string, string> {
  const beacons = new Map<string, string>()
  for (const [name, entry] of Object.entries(manifest.contracts))
    if (entry.kind === 'beacon' && !beacons.has(addressKey(entry.address)))
      beacons.set(addressKey(entry.address), name)
  return beacons
}

function diffContracts(a: Manifest, b: Manifest): ManifestDiff['contracts'] {
  const contracts: ManifestDiff['contracts'] = {
    added: [],
    removed: [],
    changed: [],
  }
  for (const [name, entry] of Object.entries(b.contracts)) {
    const old = a.contracts[name]
    if (!old) contracts.added.push({ name, entry })
    else {
      const changes = changesOf(old, entry)
      if (changes.length > 0) contracts.changed.push({ name, changes })
    }
  }
  for (const [name, entry] of Object.entries(a.contracts))
    if (!b.contracts[name]) contracts.removed.push({ name, entry })
  return contracts
}

function diffImplementations(a: Manifest, b: Manifest): ImplementationChange[] {
  const beaconsA = beaconsByAddress(a)
  const beaconsB = beaconsByAddress(b)
  const implementations: ImplementationChange[] = []
  for (const name of Object.keys(b.contracts)) {
    if (!a.contracts[name]) continue
    const before = effectiveImplementation(a, beaconsA, name)
    const after = effectiveImplementation(b, beaconsB, name)
    if (before.address === after.address) continue
    implementations.push({
      name,
      before: before.address,
      after: after.address,
      ...(after.via ? { via: after.via } : {}),
    })
  }
  return implementations
}

function diffRoles(a: Manifest, b: Manifest): ManifestDiff['roles'] {
  const roles: ManifestDiff['roles'] = { added: [], removed: [], changed: [] }
  const rolesA: Partial<Record<ManifestRole, string>> = a.roles ?? {}
  const rolesB: Partial<Record<ManifestRole, string>> = b.roles ?? {}
  const roleNames = [
    ...new Set([...Object.keys(rolesA), ...Object.keys(rolesB)]),
  ] as ManifestRole[]
  for (const role of roleNames) {
    const before = rolesA[role]
    const after = rolesB[role]
    if (before === after) continue
    if (before === undefined && after !== undefined)
      roles.added.push({ role, contract: after })
    else if (after === undefined && before !== undefined)
      roles.removed.push({ role, contract: before })
    else if (before !== undefined && after !== undefined)
      roles.changed.push({ role, before, after })
  }
  return roles
}

type SafeChange = ManifestDiff['safes']['changed'][number]

/** How one Safe changed, or `undefined` when it did not. */
function diffSafe(
  name: string,
  old: ManifestSafe,
  safe: ManifestSafe,
): SafeChange | undefined {
  const ownersAdded = safe.owners.filter(
    (owner) => !old.owners.some((other) => isAddressEqual(owner, other)),
  )
  const ownersRemoved = old.owners.filter(
    (owner) => !safe.owners.some((other) => isAddressEqual(owner, other)),
  )
  const addressChanged = !isAddressEqual(old.address, safe.address)
  const thresholdChanged = old.threshold !== safe.threshold
  if (
    !addressChanged &&
    !thresholdChanged &&
    ownersAdded.length === 0 &&
    ownersRemoved.length === 0
  )
    return undefined
  return {
    name,
    ...(addressChanged
      ? { address: { before: old.address, after: safe.address } }
      : {}),
    ...(thresholdChanged
      ? { threshold: { before: old.threshold, after: safe.threshold } }
      : {}),
    ownersAdded,
    ownersRemoved,
  }
}

function diffSafes(a: Manifest, b: Manifest): ManifestDiff['safes'] {
  const safes: ManifestDiff['safes'] = { added: [], removed: [], changed: [] }
  const safesA: Record<string, ManifestSafe> = { ...a.safes }
  const safesB: Record<string, ManifestSafe> = { ...b.safes }
  for (const [name, safe] of Object.entries(safesB)) {
    const old = safesA[name]
    if (!old) safes.added.push({ name, safe })
    else {
      const change = diffSafe(name, old, safe)
      if (change) safes.changed.push(change)
    }
  }
  for (const [name, safe] of Object.entries(safesA))
    if (!safesB[name]) safes.removed.push({ name, safe })
  return safes
}

function diffUpgrades(a: Manifest, b: Manifest): ManifestDiff['upgrades'] {
  const upgrades: ManifestDiff['upgrades'] = {
    added: [],
    removed: [],
    changed: [],
  }
  const upgradesA = new Map((a.upgrades ?? []).map((u) => [u.id, u]))
  const upgradesB = new Map((b.upgrades ?? []).map((u) => [u.id, u]))
  for (const [id, upgrade] of upgradesB) {
    const old = upgradesA.get(id)
    if (!old) upgrades.added.push(upgrade)
    else {
      const changes = changesOf(old, upgrade)
      if (changes.length > 0)
        upgrades.changed.push({ id, target: upgrade.target, changes })
    }
  }
  for (const [id, upgrade] of upgradesA)
    if (!upgradesB.has(id)) upgrades.removed.push(upgrade)
  return upgrades
}

function isSectionEmpty(section: ManifestDiffSection<unknown, unknown>) {
  return (
    section.added.length === 0 &&
    section.removed.length === 0 &&
    section.changed.length === 0
  )
}

export type DiffManifestsParameters = {
  /** The manifest before. */
  before: Manifest
  /** The manifest after. */
  after: Manifest
}

export type DiffManifestsReturnType = ManifestDiff

export type DiffManifestsErrorType = MissingParameterErrorType

/**
 * Compares two manifests: added, removed and changed contracts, effective
 * implementations (a beacon proxy changes when its beacon's implementation
 * does), roles, Safes (address, threshold, owners) and upgrades (matched by
 * id). Render it for a change record with {@link renderManifestDiff}.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#diffmanifests
 *
 * @example
 * ```ts
 * import { diffManifests, loadManifest, renderManifestDiff } from '@storydao/core'
 *
 * const before = await loadManifest('deployments/archive/2026-11-26-local-pre.json')
 * const after = await loadManifest('local')
 * console.log(renderManifestDiff({ diff: diffManifests({ before, after }) }))
 * ```
 *
 * @param parameters - {@link DiffManifestsParameters}
 * @returns The differences.
 */
export function diffManifests(
  parameters: DiffManifestsParameters,
): DiffManifestsReturnType {
  assertParameters('diffManifests', parameters, ['before', 'after'], {
    version,
  })
  const { before: a, after: b } = parameters
  const network = {
    name: b.network.name,
    chainId: b.network.chainId,
    changes: changesOf(a.network, b.network).map((change) => ({
      ...change,
      path: `network.${change.path}`,
    })),
  }
  const contracts = diffContracts(a, b)
  const implementations = diffImplementations(a, b)
  const roles = diffRoles(a, b)
  const safes = diffSafes(a, b)
  const upgrades = diffUpgrades(a, b)
  return {
    network,
    contracts,
    implementations,
    roles,
    safes,
    upgrades,
    isEmpty:
      network.changes.length === 0 &&
      implementations.length === 0 &&
      [contracts, roles, safes, upgrades].every(isSectionEmpty),
  }
}
