import type { IncidentEntry } from '../playbooks/incident/incidentLog.js'
import { recordIncidentEntry } from '../playbooks/incident/recordIncidentEntry.js'
import type { Output } from './output.js'
import type { CommandInvocation } from './types.js'
import { stringOption } from './values.js'

/** @internal Appends what the command did to the `--incident` log, when one was named. */
export async function recordForIncident(
  invocation: CommandInvocation,
  output: Output,
  entry: Omit<IncidentEntry, 'at' | 'command'>,
): Promise<void> {
  const slug = stringOption(invocation, 'incident')
  if (!slug) return
  const { path } = await recordIncidentEntry(
    { root: invocation.cwd },
    {
      slug,
      entry: { ...entry, command: `storydao-ops ${invocation.argv.join(' ')}` },
    },
  )
  output.info(`Logged to ${path}`)
}
