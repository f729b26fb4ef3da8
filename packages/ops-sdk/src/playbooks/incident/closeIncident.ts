import { readFile } from 'node:fs/promises'
import { writeFileAtomic } from '@storydao/core'
import {
  IncidentClosedError,
  type IncidentClosedErrorType,
  type IncidentNotFoundErrorType,
} from '../../errors/incident.js'
import type { OpsContext } from '../createOpsContext.js'
import { formatDuration, readTimeline, toTimestamp } from './incidentLog.js'
import { findIncidentLog } from './recordIncidentEntry.js'

export type CloseIncidentParameters = {
  slug: string
  /** How it ended, for the postmortem (root cause, remediation). */
  summary?: string | undefined
  /** Default: now. */
  closedAt?: Date | undefined
}

export type CloseIncidentReturnType = {
  path: string
  /** Time from opening to closing, in milliseconds. */
  durationMs: number
  /** Number of timeline entries (actions) recorded. */
  actions: number
}

export type CloseIncidentErrorType =
  | IncidentNotFoundErrorType
  | IncidentClosedErrorType

/**
 * Closes an incident: marks the log closed and appends the timeline summary
 * the postmortem starts from (time to first action, total duration, every
 * action), atomically.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/incident-response.md
 *
 * @example
 * ```ts
 * import { closeIncident } from '@storydao/ops-sdk'
 *
 * await closeIncident(context, {
 *   slug: '2026-12-05-rogue-timelock-operation',
 *   summary: 'Operation cancelled, AuthorCoin paused; proposer key rotated.',
 * })
 * ```
 */
export async function closeIncident(
  context: Pick<OpsContext, 'root'>,
  parameters: CloseIncidentParameters,
): Promise<CloseIncidentReturnType> {
  const path = await findIncidentLog(context.root, parameters.slug)
  const text = await readFile(path, 'utf8')
  if (/^- Status: closed$/m.test(text))
    throw new IncidentClosedError({ slug: parameters.slug, path })
  const closedAt = parameters.closedAt ?? new Date()
  const timeline = readTimeline(text)
  const openedAt = timeline[0]?.at ?? closedAt
  const actions = timeline.slice(1)
  const firstAction = actions[0]
  const durationMs = closedAt.getTime() - openedAt.getTime()
  const closing = [
    '',
    '## Closing summary',
    '',
    `- Closed: ${toTimestamp(closedAt)}`,
    `- Duration: ${formatDuration(durationMs)}`,
    firstAction
      ? `- First action after opening: ${formatDuration(firstAction.at.getTime() - openedAt.getTime())}`
      : '- No action was recorded.',
    `- Actions recorded: ${actions.length}`,
    ...actions.map(({ at, line }) => `  - ${toTimestamp(at)}: ${line}`),
    ...(parameters.summary ? ['', parameters.summary.trim()] : []),
    '',
  ].join('\n')
  await writeFileAtomic({
    path,
    data: `${text.replace('- Status: open', '- Status: closed').replace(/\n*$/, '\n')}${closing}`,
  })
  return { path, durationMs, actions: actions.length }
}
