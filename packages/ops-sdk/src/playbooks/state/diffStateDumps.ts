import { readFile } from 'node:fs/promises'
import {
  diffStateSnapshots,
  type InvariantValue,
  type StateChange,
  type StateSnapshot,
} from '@storydao/invariants'
import {
  StateDumpChainMismatchError,
  type StateDumpChainMismatchErrorType,
  StateDumpInvalidError,
  type StateDumpInvalidErrorType,
} from '../../errors/stateDump.js'
import { stateDumpFormat } from './stateDump.js'

export type DiffStateDumpsParameters = {
  /** The earlier `dump-state` file. */
  before: string
  /** The later `dump-state` file. */
  after: string
}

/** Where one dump was taken. */
export type StateDumpInfo = {
  path: string
  network: string
  takenAt: string
  blockNumber: bigint
}

export type DiffStateDumpsReturnType = {
  before: StateDumpInfo
  after: StateDumpInfo
  /** Every difference, sorted by path, with a plain-words description. */
  changes: (StateChange & {
    /** `AuthorCoin paused false → true`. */
    description: string
  })[]
}

export type DiffStateDumpsErrorType =
  | StateDumpInvalidErrorType
  | StateDumpChainMismatchErrorType

/**
 * Compares two `dump-state` files and says what changed in plain words
 * (`AuthorCoin paused false → true`, `emergency Safe nonce 0 → 1`, a new or
 * vanished timelock operation), for the incident log and the postmortem.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/incident-response.md#5-record-dump-state-and-diff-state
 *
 * @example
 * ```ts
 * import { diffStateDumps } from '@storydao/ops-sdk'
 *
 * const { changes } = await diffStateDumps({ before: 'before.json', after: 'after.json' })
 * for (const change of changes) console.log(change.description)
 * ```
 */
export async function diffStateDumps(
  parameters: DiffStateDumpsParameters,
): Promise<DiffStateDumpsReturnType> {
  const [before, after] = await Promise.all([
    readStateDump(parameters.before),
    readStateDump(parameters.after),
  ])
  if (before.snapshot.chainId !== after.snapshot.chainId)
    throw new StateDumpChainMismatchError({
      before: { path: before.info.path, chainId: before.snapshot.chainId },
      after: { path: after.info.path, chainId: after.snapshot.chainId },
    })
  const { changes } = diffStateSnapshots({
    before: before.snapshot,
    after: after.snapshot,
  })
  return {
    before: before.info,
    after: after.info,
    changes: changes.map((change) => ({
      ...change,
      description: describeChange(change),
    })),
  }
}

const snapshotKeys = [
  'contracts',
  'safes',
  'balances',
  'roles',
  'timelockOperations',
] as const

async function readStateDump(
  path: string,
): Promise<{ info: StateDumpInfo; snapshot: StateSnapshot }> {
  let value: unknown
  try {
    value = JSON.parse(await readFile(path, 'utf8'))
  } catch (cause) {
    const missing = (cause as { code?: unknown }).code === 'ENOENT'
    throw new StateDumpInvalidError({
      path,
      reason: missing ? 'no such file.' : 'it is not readable JSON.',
      cause,
    })
  }
  const dump = value as {
    format?: unknown
    network?: unknown
    takenAt?: unknown
    snapshot?: Record<string, unknown>
  }
  if (dump?.format !== stateDumpFormat)
    throw new StateDumpInvalidError({
      path,
      reason: `its "format" is not "${stateDumpFormat}".`,
    })
  const snapshot = dump.snapshot
  const blockNumber = snapshot?.blockNumber
  if (
    !snapshot ||
    typeof snapshot.chainId !== 'number' ||
    typeof blockNumber !== 'string' ||
    !/^\d+$/.test(blockNumber) ||
    snapshotKeys.some(
      (key) => typeof snapshot[key] !== 'object' || snapshot[key] === null,
    )
  )
    throw new StateDumpInvalidError({
      path,
      reason: `its "snapshot" lacks chainId, blockNumber or one of ${snapshotKeys.join(', ')}.`,
    })
  // Values other than the block stay as written (bigints as decimal strings):
  // both sides of the comparison are read the same way.
  return {
    info: {
      path,
      network: String(dump.network),
      takenAt: String(dump.takenAt),
      blockNumber: BigInt(blockNumber),
    },
    snapshot: {
      ...(snapshot as unknown as StateSnapshot),
      blockNumber: BigInt(blockNumber),
    },
  }
}

/** `contracts.AuthorCoin.values.paused` false → true: `AuthorCoin paused false → true`. */
function describeChange({ path, before, after }: StateChange): string {
  const [area, owner, ...rest] = path.split('.')
  const change = `${show(before)} → ${show(after)}`
  switch (area) {
    case 'contracts':
      return `${owner} ${rest.filter((part) => part !== 'values').join('.')} ${change}`
    case 'safes':
      return `${owner} Safe ${rest.join('.')} ${change}`
    case 'balances':
      return `${owner} ${rest.join('.')} balance ${change}`
    case 'roles':
      return `${owner} ${rest.join('.')} members ${change}`
    case 'timelockOperations':
      return `${owner} operation ${rest.join('.')} ${before === null ? `scheduled (${show(after)})` : after === null ? `no longer pending (was ${show(before)})` : change}`
    default:
      return `${path} ${change}`
  }
}

function show(value: InvariantValue): string {
  if (value === null) return '(none)'
  if (Array.isArray(value))
    return value.length === 0 ? '[]' : `[${value.map(show).join(', ')}]`
  if (typeof value === 'object') {
    const operation = value as { state?: unknown; readyAt?: unknown }
    if (typeof operation.state === 'string')
      return `${operation.state}, ready at ${operation.readyAt}`
    return JSON.stringify(value)
  }
  return String(value)
}
