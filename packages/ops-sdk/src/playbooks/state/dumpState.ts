import { join, resolve } from 'node:path'
import {
  type ChainReadErrorType,
  type FileWriteErrorType,
  writeFileAtomic,
} from '@storydao/core'
import { getStateSnapshot, type StateSnapshot } from '@storydao/invariants'
import type { OpsContext } from '../createOpsContext.js'
import { type StateDump, stateDumpFormat } from './stateDump.js'

export type DumpStateParameters = {
  /**
   * The file to write (relative to the repository root, or absolute).
   * Default `docs/operations/state/<network>-<timestamp>.json`.
   */
  out?: string | undefined
  /** Block to snapshot. Default: the latest. */
  blockNumber?: bigint | undefined
  /** The time written into the dump and its default file name. Default: now. */
  now?: Date | undefined
}

export type DumpStateReturnType = {
  /** The file written (absolute). */
  path: string
  /** What was written, bigints as bigints. */
  snapshot: StateSnapshot
}

export type DumpStateErrorType = ChainReadErrorType | FileWriteErrorType

/**
 * The incident playbook's state dump: a snapshot of every manifest contract
 * (getters, proxy slots), Safe (owners, threshold, nonce, modules, guard),
 * balance, role member and pending timelock operation at one block, written
 * atomically as JSON (bigints as decimal strings) for the incident log and
 * for `diffStateDumps`.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/incident-response.md#5-record-dump-state-and-diff-state
 *
 * @example
 * ```ts
 * import { createOpsContext, dumpState } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'mainnet' })
 * const { path } = await dumpState(context, {})
 * ```
 */
export async function dumpState(
  context: OpsContext,
  parameters: DumpStateParameters = {},
): Promise<DumpStateReturnType> {
  const now = parameters.now ?? new Date()
  const snapshot = await getStateSnapshot(context.client, {
    manifest: context.manifest,
    ...(parameters.blockNumber === undefined
      ? {}
      : { blockNumber: parameters.blockNumber }),
  })
  const path = parameters.out
    ? resolve(context.root, parameters.out)
    : join(
        context.paths.operations,
        'state',
        `${context.networkName}-${toFileTimestamp(now)}.json`,
      )
  const dump: StateDump = {
    format: stateDumpFormat,
    network: context.networkName,
    takenAt: now.toISOString(),
    snapshot,
  }
  const written = await writeFileAtomic({
    path,
    data: `${JSON.stringify(dump, (_key, value) => (typeof value === 'bigint' ? value.toString() : value), 2)}\n`,
  })
  return { path: written.path, snapshot }
}

/** `2026-12-05T10:04:31.120Z` → `20261205T100431Z`: sortable, no colons (Windows). */
function toFileTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '')
}
