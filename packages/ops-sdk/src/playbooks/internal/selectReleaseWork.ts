import type { Release, ReleaseCall } from '@storydao/governance'
import type { ReleaseFile } from '../../types/releaseFile.js'

/**
 * @internal What a release still has to do on a manifest that already holds
 * `present`. An entry the manifest never records (an implementation) is
 * deployed only for the entries that need it, so it is skipped when all of
 * them are. A call runs only when it touches an entry being deployed: the
 * wiring of contracts that exist was done by the deployment that made them.
 */
export function selectReleaseWork({
  file,
  present,
}: {
  file: ReleaseFile
  present: readonly string[]
}): { release: Release; skipped: string[]; skippedCalls: number } {
  const skipped = new Set(present)
  for (let changed = true; changed; ) {
    changed = false
    for (const entry of file.entries) {
      if (entry.manifest || skipped.has(entry.name)) continue
      const users = file.entries.filter(({ references }) =>
        references.includes(entry.name),
      )
      if (users.every(({ name }) => skipped.has(name))) {
        skipped.add(entry.name)
        changed = true
      }
    }
  }
  const deployed = (name: string) =>
    file.entries.some((entry) => entry.name === name) && !skipped.has(name)
  const calls = (file.release.calls ?? []).filter((call) =>
    referencesOf(call).some(deployed),
  )
  return {
    release: {
      contracts: file.release.contracts.filter(
        ({ name }) => !skipped.has(name),
      ),
      calls,
    },
    skipped: file.entries
      .map(({ name }) => name)
      .filter((name) => skipped.has(name)),
    skippedCalls: (file.release.calls ?? []).length - calls.length,
  }
}

function referencesOf(call: ReleaseCall): string[] {
  const found: string[] = []
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk)
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>
      if (typeof record.ref === 'string') found.push(record.ref)
      else if (record.encode && typeof record.encode === 'object')
        walk((record.encode as { args?: unknown }).args)
      else Object.values(record).forEach(walk)
    }
  }
  walk(call.to)
  walk(call.args)
  return found
}
