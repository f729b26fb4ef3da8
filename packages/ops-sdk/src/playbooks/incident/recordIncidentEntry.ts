import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '@storydao/core'
import {
  IncidentClosedError,
  type IncidentClosedErrorType,
  IncidentNotFoundError,
  type IncidentNotFoundErrorType,
} from '../../errors/incident.js'
import type { OpsContext } from '../createOpsContext.js'
import {
  appendTimelineEntry,
  type IncidentEntry,
  incidentLogDir,
} from './incidentLog.js'

export type RecordIncidentEntryParameters = {
  /** The incident's slug (`openIncident`'s result, `--incident <slug>`). */
  slug: string
  /** What was done. `at` defaults to now. */
  entry: Omit<IncidentEntry, 'at'> & { at?: Date | undefined }
}

export type RecordIncidentEntryReturnType = { path: string }

export type RecordIncidentEntryErrorType =
  | IncidentNotFoundErrorType
  | IncidentClosedErrorType

/**
 * Appends one timeline entry (the command, what it did, its hashes and
 * links) to an open incident's log, atomically.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/incident-response.md
 *
 * @example
 * ```ts
 * import { recordIncidentEntry } from '@storydao/ops-sdk'
 *
 * await recordIncidentEntry(context, {
 *   slug: '2026-12-05-rogue-timelock-operation',
 *   entry: { command: 'storydao-ops pause', summary: 'AuthorCoin paused' },
 * })
 * ```
 */
export async function recordIncidentEntry(
  context: Pick<OpsContext, 'root'>,
  parameters: RecordIncidentEntryParameters,
): Promise<RecordIncidentEntryReturnType> {
  const path = await findIncidentLog(context.root, parameters.slug)
  const text = await readFile(path, 'utf8')
  if (/^- Status: closed$/m.test(text))
    throw new IncidentClosedError({ slug: parameters.slug, path })
  await writeFileAtomic({
    path,
    data: appendTimelineEntry(text, {
      ...parameters.entry,
      at: parameters.entry.at ?? new Date(),
    }),
  })
  return { path }
}

/** @internal The log of `slug`, or a typed error naming the folder. */
export async function findIncidentLog(
  root: string,
  slug: string,
): Promise<string> {
  const path = join(root, incidentLogDir, `${slug}.md`)
  if (
    !/^[a-z0-9-]+$/.test(slug) ||
    (await readFile(path, 'utf8').catch(() => undefined)) === undefined
  )
    throw new IncidentNotFoundError({
      slug,
      dir: join(root, incidentLogDir),
    })
  return path
}
