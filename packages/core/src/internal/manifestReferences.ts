import { contractKinds, manifestRoleKinds } from '../manifestConstants.js'
import { asRecord, closest, type IssueDraft } from './jsonPath.js'
import { patterns } from './manifestStructure.js'

type Entry = {
  name: string
  kind: string | undefined
  address: string | undefined
  /** The raw entry, when it is an object. */
  value: Record<string, unknown> | undefined
}

/**
 * The manifest's contracts, indexed once so every reference check is a map
 * lookup: a manifest with 100k contracts and as many problems must not be
 * validated in quadratic time.
 */
type Contracts = {
  entries: readonly Entry[]
  byName: ReadonlyMap<string, Entry>
  /** First entry per address; keys are {@link addressKey}. */
  byAddress: ReadonlyMap<string, Entry>
  /** Entries by kind, in manifest order. */
  byKind: ReadonlyMap<string, readonly Entry[]>
  /** "Did you mean" suggestions still allowed (see {@link suggestName}). */
  suggestionBudget: { left: number }
}

const knownKinds: readonly string[] = contractKinds
const upgradeableKinds: readonly string[] = [
  'uups-proxy',
  'transparent-proxy',
  'beacon',
]

/**
 * Each suggestion compares against every contract name; past this many, the
 * remaining problems are reported without one, so a file with thousands of
 * unknown names stays linear.
 */
const maxSuggestions = 100

/** Hints list at most this many contract names. */
const maxListedNames = 10

function asAddress(value: unknown): string | undefined {
  return typeof value === 'string' && patterns.address.test(value)
    ? value
    : undefined
}

/**
 * A map key for an address regardless of its checksum (a lookup key, not a
 * comparison: only well-formed addresses reach it).
 */
function addressKey(address: string): string {
  return address.toLowerCase()
}

function names(entries: readonly Entry[]): string {
  const listed = entries.slice(0, maxListedNames).map(({ name }) => name)
  const more = entries.length - listed.length
  return more > 0 ? `${listed.join(', ')} and ${more} more` : listed.join(', ')
}

function quoteKinds(kinds: readonly string[]): string {
  return kinds.map((kind) => `"${kind}"`).join(' or ')
}

function ofKinds(contracts: Contracts, kinds: readonly string[]): Entry[] {
  return kinds.flatMap((kind) => contracts.byKind.get(kind) ?? [])
}

function suggestName(contracts: Contracts, name: string): string | undefined {
  if (contracts.suggestionBudget.left <= 0) return undefined
  contracts.suggestionBudget.left--
  return closest(
    name,
    contracts.entries.map((entry) => entry.name),
  )
}

function indexContracts(manifest: Record<string, unknown>): Contracts {
  const entries = Object.entries(asRecord(manifest.contracts) ?? {}).map(
    ([name, raw]): Entry => {
      const value = asRecord(raw)
      return {
        name,
        kind: typeof value?.kind === 'string' ? value.kind : undefined,
        address: asAddress(value?.address),
        value,
      }
    },
  )
  const byName = new Map<string, Entry>()
  const byAddress = new Map<string, Entry>()
  const byKind = new Map<string, Entry[]>()
  for (const entry of entries) {
    byName.set(entry.name, entry)
    if (entry.address && !byAddress.has(addressKey(entry.address)))
      byAddress.set(addressKey(entry.address), entry)
    if (entry.kind === undefined) continue
    const ofKind = byKind.get(entry.kind)
    if (ofKind) ofKind.push(entry)
    else byKind.set(entry.kind, [entry])
  }
  return {
    entries,
    byName,
    byAddress,
    byKind,
    suggestionBudget: { left: maxSuggestions },
  }
}

/**
 * Names that differ only in case are easy to confuse and collide on
 * case-insensitive file systems (artifacts, archives).
 */
function duplicateNames(contracts: Contracts): IssueDraft[] {
  const byFoldedName = new Map<string, string>()
  return contracts.entries.flatMap(({ name }) => {
    const first = byFoldedName.get(name.toLowerCase())
    if (first === undefined) {
      byFoldedName.set(name.toLowerCase(), name)
      return []
    }
    return [
      {
        code: 'duplicate_name',
        path: ['contracts', name],
        message: `Contract name "${name}" differs from "${first}" only in case.`,
        hint: 'Give every contract a distinct name.',
      },
    ]
  })
}

function duplicateAddresses(contracts: Contracts): IssueDraft[] {
  return contracts.entries.flatMap((entry) => {
    if (!entry.address) return []
    const first = contracts.byAddress.get(addressKey(entry.address))
    if (!first || first === entry) return []
    return [
      {
        code: 'duplicate_address',
        path: ['contracts', entry.name, 'address'],
        message: `${entry.name} has the same address as ${first.name} (${entry.address}).`,
        hint: 'Each contract entry is one deployed contract: fix the address, or remove the duplicate and use roles to give it another meaning.',
      },
    ]
  })
}

function implementationIsSelf(entry: Entry): IssueDraft[] {
  const implementation = asAddress(entry.value?.implementation)
  if (
    !entry.address ||
    !implementation ||
    addressKey(entry.address) !== addressKey(implementation)
  )
    return []
  return [
    {
      code: 'implementation_is_self',
      path: ['contracts', entry.name, 'implementation'],
      message: `${entry.name}'s implementation is its own address.`,
      hint: 'Set `implementation` to the implementation contract (the EIP-1967 implementation slot, or the beacon’s implementation()).',
    },
  ]
}

/** A beacon proxy's `beacon` must be a listed contract of kind `beacon`. */
function beaconReference(contracts: Contracts, entry: Entry): IssueDraft[] {
  if (entry.kind !== 'beacon-proxy') return []
  const beacon = asAddress(entry.value?.beacon)
  if (!beacon) return []
  const beacons = contracts.byKind.get('beacon') ?? []
  const target = contracts.byAddress.get(addressKey(beacon))
  const path = ['contracts', entry.name, 'beacon']
  if (!target)
    return [
      {
        code: 'beacon_not_found',
        path,
        message: `Beacon ${beacon} is not the address of any contract in this manifest.`,
        hint:
          beacons.length > 0
            ? `Use the address of a contract of kind "beacon" (${names(beacons)}), or add the UpgradeableBeacon to contracts.`
            : 'Add the UpgradeableBeacon to contracts as a contract of kind "beacon", or fix the address.',
      },
    ]
  if (target.kind === 'beacon' || !knownKinds.includes(target.kind ?? ''))
    return []
  return [
    {
      code: 'beacon_wrong_kind',
      path,
      message: `Beacon ${beacon} is ${target.name}, which has kind "${target.kind}", not "beacon".`,
      hint:
        beacons.length > 0
          ? `Point "beacon" at a contract of kind "beacon": ${names(beacons)}.`
          : 'Add the UpgradeableBeacon to contracts as a contract of kind "beacon" and point "beacon" at it.',
    },
  ]
}

/** `roles.<role>` must name a listed contract of an allowed kind. */
function roleReference(
  contracts: Contracts,
  role: string,
  name: unknown,
  kinds: readonly string[],
): IssueDraft[] {
  if (typeof name !== 'string' || !patterns.contractName.test(name)) return []
  const candidates = ofKinds(contracts, kinds)
  const noCandidate = `No contract of kind ${quoteKinds(kinds)} is listed: add it to contracts, or remove roles.${role}.`
  const target = contracts.byName.get(name)
  if (!target) {
    const suggestion = suggestName(contracts, name)
    return [
      {
        code: 'role_unknown_contract',
        path: ['roles', role],
        message: `roles.${role} names "${name}", which is not a contract in this manifest.`,
        hint: `${suggestion ? `Did you mean "${suggestion}"? ` : ''}${
          candidates.length > 0
            ? `Use the name of a contract of kind ${quoteKinds(kinds)}: ${names(candidates)}.`
            : noCandidate
        }`,
      },
    ]
  }
  if (
    target.kind === undefined ||
    !knownKinds.includes(target.kind) ||
    kinds.includes(target.kind)
  )
    return []
  return [
    {
      code: 'role_wrong_kind',
      path: ['roles', role],
      message: `roles.${role} names ${name}, which has kind "${target.kind}"; the ${role} must have kind ${quoteKinds(kinds)}.`,
      hint:
        candidates.length > 0
          ? `Use one of: ${names(candidates)}.`
          : noCandidate,
    },
  ]
}

function roleReferences(
  contracts: Contracts,
  manifest: Record<string, unknown>,
): IssueDraft[] {
  const roles = asRecord(manifest.roles) ?? {}
  return Object.entries(manifestRoleKinds).flatMap(([role, kinds]) =>
    roleReference(contracts, role, roles[role], kinds),
  )
}

/** Owners listed once, and a threshold the owners can reach. */
function safeIssues(safeName: string, value: unknown): IssueDraft[] {
  const safe = asRecord(value)
  if (!safe || !Array.isArray(safe.owners)) return []
  const owners: unknown[] = safe.owners
  const issues: IssueDraft[] = []
  const seen = new Map<string, number>()
  owners.forEach((owner, index) => {
    const address = asAddress(owner)
    if (!address) return
    const first = seen.get(addressKey(address))
    if (first === undefined) seen.set(addressKey(address), index)
    else
      issues.push({
        code: 'duplicate_owner',
        path: ['safes', safeName, 'owners', index],
        message: `Owner ${address} is listed twice (also at owners[${first}]).`,
        hint: 'A Safe owner counts once: remove the duplicate.',
      })
  })
  const threshold = safe.threshold
  if (
    typeof threshold === 'number' &&
    Number.isInteger(threshold) &&
    threshold > owners.length
  )
    issues.push({
      code: 'threshold_too_high',
      path: ['safes', safeName, 'threshold'],
      message: `Threshold ${threshold} is higher than the number of owners (${owners.length}).`,
      hint: `Use a threshold between 1 and ${owners.length}, or list every owner.`,
    })
  return issues
}

/** An upgrade targets a listed contract that can be upgraded directly. */
function upgradeTarget(
  contracts: Contracts,
  upgradeable: readonly Entry[],
  index: number,
  targetName: unknown,
): IssueDraft[] {
  if (typeof targetName !== 'string' || !patterns.contractName.test(targetName))
    return []
  const path = ['upgrades', index, 'target']
  const target = contracts.byName.get(targetName)
  if (!target) {
    const suggestion = suggestName(contracts, targetName)
    return [
      {
        code: 'upgrade_unknown_target',
        path,
        message: `Upgrade target "${targetName}" is not a contract in this manifest.`,
        hint: `${suggestion ? `Did you mean "${suggestion}"? ` : ''}${
          upgradeable.length > 0
            ? `Upgradeable contracts: ${names(upgradeable)}.`
            : 'No upgradeable contract is listed.'
        }`,
      },
    ]
  }
  if (
    target.kind === undefined ||
    !knownKinds.includes(target.kind) ||
    upgradeableKinds.includes(target.kind)
  )
    return []
  const beacon = beaconOf(contracts, target)
  return [
    {
      code: 'upgrade_target_not_upgradeable',
      path,
      message: `Upgrade target ${targetName} has kind "${target.kind}", which cannot be upgraded directly.`,
      hint: beacon
        ? `A beacon proxy is upgraded through its beacon: target "${beacon.name}".`
        : `Target a contract of kind "uups-proxy", "transparent-proxy" or "beacon"${upgradeable.length > 0 ? `: ${names(upgradeable)}` : ''}.`,
    },
  ]
}

/** The listed beacon a beacon proxy reads, if any. */
function beaconOf(contracts: Contracts, proxy: Entry): Entry | undefined {
  if (proxy.kind !== 'beacon-proxy') return undefined
  const beacon = asAddress(proxy.value?.beacon)
  const entry = beacon && contracts.byAddress.get(addressKey(beacon))
  return entry && entry.kind === 'beacon' ? entry : undefined
}

function upgradeIssues(
  contracts: Contracts,
  upgrades: readonly unknown[],
): IssueDraft[] {
  const ids = new Map<string, number>()
  const upgradeable = ofKinds(contracts, upgradeableKinds)
  return upgrades.flatMap((value, index): IssueDraft[] => {
    const upgrade = asRecord(value)
    if (!upgrade) return []
    const issues = upgradeTarget(contracts, upgradeable, index, upgrade.target)
    if (typeof upgrade.id === 'string') {
      const first = ids.get(upgrade.id)
      if (first === undefined) ids.set(upgrade.id, index)
      else
        issues.unshift({
          code: 'duplicate_upgrade_id',
          path: ['upgrades', index, 'id'],
          message: `Upgrade id "${upgrade.id}" is already used by upgrades[${first}].`,
          hint: 'Give every upgrade a unique id, e.g. <YYYY-MM-DD>-<contract>-<version>.',
        })
    }
    const from = asAddress(upgrade.fromImplementation)
    const to = asAddress(upgrade.toImplementation)
    if (from && to && addressKey(from) === addressKey(to))
      issues.push({
        code: 'upgrade_same_implementation',
        path: ['upgrades', index, 'toImplementation'],
        message: 'toImplementation equals fromImplementation.',
        hint: 'An upgrade must change the implementation: set toImplementation to the new implementation’s address.',
      })
    return issues
  })
}

/**
 * @internal Checks that need more than one entry: unique names and addresses,
 * Safe owners and threshold, beacon and role references, upgrade targets.
 *
 * Works on unvalidated input and only judges values that are well-formed, so a
 * shape error is not reported twice. Runs in O(n) map lookups over the
 * entries (plus a bounded number of "did you mean" searches).
 */
export function collectReferenceIssues(input: unknown): IssueDraft[] {
  const manifest = asRecord(input)
  if (!manifest) return []
  const contracts = indexContracts(manifest)
  return [
    ...duplicateNames(contracts),
    ...duplicateAddresses(contracts),
    ...contracts.entries.flatMap((entry) => [
      ...implementationIsSelf(entry),
      ...beaconReference(contracts, entry),
    ]),
    ...roleReferences(contracts, manifest),
    ...Object.entries(asRecord(manifest.safes) ?? {}).flatMap(([name, safe]) =>
      safeIssues(name, safe),
    ),
    ...(Array.isArray(manifest.upgrades)
      ? upgradeIssues(contracts, manifest.upgrades)
      : []),
  ]
}
