import { contractKinds, manifestRoleKinds } from '../manifestConstants.js'
import { asRecord, closest, type IssueDraft } from './jsonPath.js'
import { patterns } from './manifestStructure.js'

type Entry = {
  name: string
  kind: string | undefined
  address: string | undefined
}

const knownKinds: readonly string[] = contractKinds
const upgradeableKinds: readonly string[] = [
  'uups-proxy',
  'transparent-proxy',
  'beacon',
]

function asAddress(value: unknown): string | undefined {
  return typeof value === 'string' && patterns.address.test(value)
    ? value
    : undefined
}

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

function names(entries: readonly Entry[]): string {
  return entries.map(({ name }) => name).join(', ')
}

function quoteKinds(kinds: readonly string[]): string {
  return kinds.map((kind) => `"${kind}"`).join(' or ')
}

/**
 * @internal Checks that need more than one entry: unique names and addresses,
 * Safe owners and threshold, beacon and role references, upgrade targets.
 *
 * Works on unvalidated input and only judges values that are well-formed, so a
 * shape error is not reported twice.
 */
export function collectReferenceIssues(input: unknown): IssueDraft[] {
  const issues: IssueDraft[] = []
  const manifest = asRecord(input)
  if (!manifest) return issues

  const contracts = asRecord(manifest.contracts) ?? {}
  const entries: Entry[] = Object.entries(contracts).map(([name, value]) => {
    const entry = asRecord(value)
    return {
      name,
      kind: typeof entry?.kind === 'string' ? entry.kind : undefined,
      address: asAddress(entry?.address),
    }
  })

  // Names that differ only in case are easy to confuse and collide on
  // case-insensitive file systems (artifacts, archives).
  const byLowerName = new Map<string, string>()
  for (const { name } of entries) {
    const first = byLowerName.get(name.toLowerCase())
    if (first === undefined) byLowerName.set(name.toLowerCase(), name)
    else
      issues.push({
        code: 'duplicate_name',
        path: ['contracts', name],
        message: `Contract name "${name}" differs from "${first}" only in case.`,
        hint: 'Give every contract a distinct name.',
      })
  }

  const byAddress = new Map<string, string>()
  for (const { name, address } of entries) {
    if (!address) continue
    const first = byAddress.get(address.toLowerCase())
    if (first === undefined) byAddress.set(address.toLowerCase(), name)
    else
      issues.push({
        code: 'duplicate_address',
        path: ['contracts', name, 'address'],
        message: `${name} has the same address as ${first} (${address}).`,
        hint: 'Each contract entry is one deployed contract: fix the address, or remove the duplicate and use roles to give it another meaning.',
      })
  }

  for (const { name } of entries) {
    const entry = asRecord(contracts[name])!
    const address = asAddress(entry.address)
    const implementation = asAddress(entry.implementation)
    if (address && implementation && same(address, implementation))
      issues.push({
        code: 'implementation_is_self',
        path: ['contracts', name, 'implementation'],
        message: `${name}'s implementation is its own address.`,
        hint: 'Set `implementation` to the implementation contract (the EIP-1967 implementation slot, or the beacon’s implementation()).',
      })

    if (entry.kind !== 'beacon-proxy') continue
    const beacon = asAddress(entry.beacon)
    if (!beacon) continue
    const beacons = entries.filter((other) => other.kind === 'beacon')
    const target = entries.find(
      (other) => other.address && same(other.address, beacon),
    )
    if (!target)
      issues.push({
        code: 'beacon_not_found',
        path: ['contracts', name, 'beacon'],
        message: `Beacon ${beacon} is not the address of any contract in this manifest.`,
        hint:
          beacons.length > 0
            ? `Use the address of a contract of kind "beacon" (${names(beacons)}), or add the UpgradeableBeacon to contracts.`
            : 'Add the UpgradeableBeacon to contracts as a contract of kind "beacon", or fix the address.',
      })
    else if (target.kind !== 'beacon' && knownKinds.includes(target.kind ?? ''))
      issues.push({
        code: 'beacon_wrong_kind',
        path: ['contracts', name, 'beacon'],
        message: `Beacon ${beacon} is ${target.name}, which has kind "${target.kind}", not "beacon".`,
        hint:
          beacons.length > 0
            ? `Point "beacon" at a contract of kind "beacon": ${names(beacons)}.`
            : 'Add the UpgradeableBeacon to contracts as a contract of kind "beacon" and point "beacon" at it.',
      })
  }

  const roles = asRecord(manifest.roles) ?? {}
  for (const [role, allowed] of Object.entries(manifestRoleKinds)) {
    const name = roles[role]
    if (typeof name !== 'string' || !patterns.contractName.test(name)) continue
    const kinds: readonly string[] = allowed
    const candidates = entries.filter((entry) =>
      kinds.includes(entry.kind ?? ''),
    )
    const target = entries.find((entry) => entry.name === name)
    if (!target) {
      const suggestion = closest(
        name,
        entries.map((entry) => entry.name),
      )
      issues.push({
        code: 'role_unknown_contract',
        path: ['roles', role],
        message: `roles.${role} names "${name}", which is not a contract in this manifest.`,
        hint: `${suggestion ? `Did you mean "${suggestion}"? ` : ''}${
          candidates.length > 0
            ? `Use the name of a contract of kind ${quoteKinds(kinds)}: ${names(candidates)}.`
            : `No contract of kind ${quoteKinds(kinds)} is listed: add it to contracts, or remove roles.${role}.`
        }`,
      })
    } else if (
      target.kind !== undefined &&
      knownKinds.includes(target.kind) &&
      !kinds.includes(target.kind)
    )
      issues.push({
        code: 'role_wrong_kind',
        path: ['roles', role],
        message: `roles.${role} names ${name}, which has kind "${target.kind}"; the ${role} must have kind ${quoteKinds(kinds)}.`,
        hint:
          candidates.length > 0
            ? `Use one of: ${names(candidates)}.`
            : `No contract of kind ${quoteKinds(kinds)} is listed: add it to contracts, or remove roles.${role}.`,
      })
  }

  const safes = asRecord(manifest.safes) ?? {}
  for (const [safeName, value] of Object.entries(safes)) {
    const safe = asRecord(value)
    if (!safe || !Array.isArray(safe.owners)) continue
    const owners: unknown[] = safe.owners
    const seen = new Map<string, number>()
    owners.forEach((owner, index) => {
      const address = asAddress(owner)
      if (!address) return
      const first = seen.get(address.toLowerCase())
      if (first === undefined) seen.set(address.toLowerCase(), index)
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
  }

  if (Array.isArray(manifest.upgrades)) {
    const ids = new Map<string, number>()
    const upgradeable = entries.filter((entry) =>
      upgradeableKinds.includes(entry.kind ?? ''),
    )
    manifest.upgrades.forEach((value: unknown, index: number) => {
      const upgrade = asRecord(value)
      if (!upgrade) return
      if (typeof upgrade.id === 'string') {
        const first = ids.get(upgrade.id)
        if (first === undefined) ids.set(upgrade.id, index)
        else
          issues.push({
            code: 'duplicate_upgrade_id',
            path: ['upgrades', index, 'id'],
            message: `Upgrade id "${upgrade.id}" is already used by upgrades[${first}].`,
            hint: 'Give every upgrade a unique id, e.g. <YYYY-MM-DD>-<contract>-<version>.',
          })
      }
      const targetName = upgrade.target
      if (
        typeof targetName === 'string' &&
        patterns.contractName.test(targetName)
      ) {
        const target = entries.find((entry) => entry.name === targetName)
        if (!target) {
          const suggestion = closest(
            targetName,
            entries.map((entry) => entry.name),
          )
          issues.push({
            code: 'upgrade_unknown_target',
            path: ['upgrades', index, 'target'],
            message: `Upgrade target "${targetName}" is not a contract in this manifest.`,
            hint: `${suggestion ? `Did you mean "${suggestion}"? ` : ''}${
              upgradeable.length > 0
                ? `Upgradeable contracts: ${names(upgradeable)}.`
                : 'No upgradeable contract is listed.'
            }`,
          })
        } else if (
          target.kind !== undefined &&
          knownKinds.includes(target.kind) &&
          !upgradeableKinds.includes(target.kind)
        ) {
          const beacon =
            target.kind === 'beacon-proxy'
              ? entries.find(
                  (entry) =>
                    entry.kind === 'beacon' &&
                    entry.address !== undefined &&
                    typeof asRecord(contracts[target.name])?.beacon ===
                      'string' &&
                    same(
                      entry.address,
                      asRecord(contracts[target.name])!.beacon as string,
                    ),
                )
              : undefined
          issues.push({
            code: 'upgrade_target_not_upgradeable',
            path: ['upgrades', index, 'target'],
            message: `Upgrade target ${targetName} has kind "${target.kind}", which cannot be upgraded directly.`,
            hint: beacon
              ? `A beacon proxy is upgraded through its beacon: target "${beacon.name}".`
              : `Target a contract of kind "uups-proxy", "transparent-proxy" or "beacon"${upgradeable.length > 0 ? `: ${names(upgradeable)}` : ''}.`,
          })
        }
      }
      const from = asAddress(upgrade.fromImplementation)
      const to = asAddress(upgrade.toImplementation)
      if (from && to && same(from, to))
        issues.push({
          code: 'upgrade_same_implementation',
          path: ['upgrades', index, 'toImplementation'],
          message: 'toImplementation equals fromImplementation.',
          hint: 'An upgrade must change the implementation: set toImplementation to the new implementation’s address.',
        })
    })
  }

  return issues
}
