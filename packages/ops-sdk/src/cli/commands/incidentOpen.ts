import { resolve } from 'node:path'
import { openIncident } from '../../playbooks/incident/openIncident.js'
import { CliUsageError } from '../cliUsageError.js'
import { createOutput } from '../output.js'
import type { CommandInvocation } from '../types.js'
import { stringOption } from '../values.js'

/** `storydao-ops incident open "<title>"`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const title = invocation.positionals.join(' ').trim()
  if (!title)
    throw new CliUsageError({
      message: 'incident open needs a title.',
      command: 'incident open',
    })
  const networkName = stringOption(invocation, 'network') ?? 'local'
  const { slug, path } = await openIncident(
    { root: resolve(invocation.cwd), networkName },
    { title, commander: stringOption(invocation, 'commander') },
  )
  output.result({ ok: true, slug, path }, [
    `Incident opened: ${title}`,
    `  Log   ${path}`,
    `  Slug  ${slug}`,
    '',
    `Next: run each response command with --incident ${slug} so it is logged, e.g.`,
    `  storydao-ops timelock list --network ${networkName} --incident ${slug}`,
  ])
  return 0
}
