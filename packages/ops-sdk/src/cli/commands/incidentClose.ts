import { resolve } from 'node:path'
import { closeIncident } from '../../playbooks/incident/closeIncident.js'
import { CliUsageError } from '../cliUsageError.js'
import { createOutput } from '../output.js'
import type { CommandInvocation } from '../types.js'
import { stringOption } from '../values.js'

/** `storydao-ops incident close <slug>`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const slug = invocation.positionals[0] ?? stringOption(invocation, 'incident')
  if (!slug)
    throw new CliUsageError({
      message: 'incident close needs the incident slug.',
      command: 'incident close',
    })
  const result = await closeIncident(
    { root: resolve(invocation.cwd) },
    { slug, summary: stringOption(invocation, 'summary') },
  )
  output.result({ ok: true, slug, ...result }, [
    `Incident closed: ${slug}`,
    `  Log      ${result.path}`,
    `  Actions  ${result.actions}`,
    '',
    'Next: write the postmortem within 48 hours from the closing summary in the log.',
  ])
  return 0
}
