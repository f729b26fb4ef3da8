import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import { version } from './errors/version.js'
import { stableJson, toInvariantValue } from './internal/values.js'
import type { InvariantValue, StateSnapshot } from './types.js'

/** One value that differs between two snapshots. */
export type StateChange = {
  /** Dotted path: `contracts.AuthorCoin.values.paused`, `balances.Treasury.ETH`, `roles.AuthorCoin.MINTER_ROLE`, … */
  path: string
  /** Value in the first snapshot (`null`: absent). */
  before: InvariantValue
  /** Value in the second snapshot (`null`: absent). */
  after: InvariantValue
}

export type DiffStateSnapshotsParameters = {
  /** The earlier snapshot. */
  before: StateSnapshot
  /** The later snapshot. */
  after: StateSnapshot
}

export type DiffStateSnapshotsErrorType = MissingParameterErrorType

export type DiffStateSnapshotsReturnType = {
  /** Blocks compared. */
  blocks: { before: bigint; after: bigint }
  /** Every difference, sorted by path. */
  changes: StateChange[]
}

/**
 * Compares two {@link StateSnapshot}s (e.g. before and after an incident, or
 * a fork before and after a rehearsal) and lists every value that differs,
 * sorted by path. Lists (owners, role members, modules, operation calls) are
 * compared whole; pending timelock operations are keyed by id, so a new or
 * vanished operation is one change.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#diffstatesnapshots
 *
 * @example
 * ```ts
 * import { diffStateSnapshots, getStateSnapshot } from '@storydao/invariants'
 *
 * const before = await getStateSnapshot(client, { manifest, blockNumber: incidentBlock - 1n })
 * const after = await getStateSnapshot(client, { manifest, blockNumber: incidentBlock })
 * for (const change of diffStateSnapshots({ before, after }).changes)
 *   console.log(change.path, change.before, '→', change.after)
 * ```
 *
 * @param parameters - {@link DiffStateSnapshotsParameters}
 * @returns The differences.
 */
export function diffStateSnapshots(
  parameters: DiffStateSnapshotsParameters,
): DiffStateSnapshotsReturnType {
  assertParameters('diffStateSnapshots', parameters, ['before', 'after'], {
    version,
  })
  const { before, after } = parameters
  const a = flatten(before)
  const b = flatten(after)
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort()
  const changes: StateChange[] = []
  for (const path of paths) {
    const from = a.get(path) ?? null
    const to = b.get(path) ?? null
    if (stableJson(from) !== stableJson(to))
      changes.push({ path, before: from, after: to })
  }
  return {
    blocks: { before: before.blockNumber, after: after.blockNumber },
    changes,
  }
}

/** Pending operations are compared whole: one change per new or vanished operation. */
const operationPath = /^timelockOperations\.[^.]+\.[^.]+$/

function flatten(snapshot: StateSnapshot): Map<string, InvariantValue> {
  const out = new Map<string, InvariantValue>()
  const walk = (value: unknown, path: string) => {
    if (
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      !operationPath.test(path)
    ) {
      for (const [key, item] of Object.entries(value))
        walk(item, path ? `${path}.${key}` : key)
      return
    }
    out.set(path, toInvariantValue(value))
  }
  walk(
    {
      contracts: snapshot.contracts,
      safes: snapshot.safes,
      balances: snapshot.balances,
      roles: snapshot.roles,
      timelockOperations: snapshot.timelockOperations,
    },
    '',
  )
  return out
}
