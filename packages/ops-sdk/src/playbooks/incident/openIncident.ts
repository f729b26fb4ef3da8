import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '@storydao/core'
import {
  IncidentExistsError,
  type IncidentExistsErrorType,
  IncidentTitleInvalidError,
  type IncidentTitleInvalidErrorType,
} from '../../errors/incident.js'
import type { OpsContext } from '../createOpsContext.js'
import { incidentLogDir, renderIncidentOpening, toSlug } from './incidentLog.js'

export type OpenIncidentParameters = {
  /** What happened, in a few words (`AuthorCoin bridge drain`). */
  title: string
  /** Who leads the response (shown in the log). */
  commander?: string | undefined
  /** When the incident was opened. Default: now. */
  openedAt?: Date | undefined
}

export type OpenIncidentReturnType = {
  /** The id later commands pass as `--incident <slug>`: `<date>-<title slug>`. */
  slug: string
  /** The incident log written (absolute path). */
  path: string
}

export type OpenIncidentErrorType =
  | IncidentExistsErrorType
  | IncidentTitleInvalidErrorType

/**
 * Opens an incident: writes `docs/operations/incident-log/<date>-<slug>.md`
 * with the title, network and an open timeline that every command run with
 * `--incident <slug>` appends to.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/incident-response.md
 *
 * @example
 * ```ts
 * import { openIncident } from '@storydao/ops-sdk'
 *
 * const { slug } = await openIncident(
 *   { root: process.cwd(), networkName: 'mainnet' },
 *   { title: 'Rogue timelock operation' },
 * )
 * ```
 */
export async function openIncident(
  context: Pick<OpsContext, 'root' | 'networkName'>,
  parameters: OpenIncidentParameters,
): Promise<OpenIncidentReturnType> {
  const title = parameters.title?.trim() ?? ''
  const titleSlug = toSlug(title)
  if (!titleSlug) throw new IncidentTitleInvalidError({ title })
  const openedAt = parameters.openedAt ?? new Date()
  const slug = `${openedAt.toISOString().slice(0, 10)}-${titleSlug}`
  const path = join(context.root, incidentLogDir, `${slug}.md`)
  const existing = await readFile(path, 'utf8').catch(() => undefined)
  if (existing !== undefined) throw new IncidentExistsError({ slug, path })
  await writeFileAtomic({
    path,
    data: renderIncidentOpening({
      title,
      network: context.networkName,
      openedAt,
      commander: parameters.commander,
    }),
  })
  return { slug, path }
}
