import { resolve } from 'node:path'
import { diffStateDumps } from '../../playbooks/state/diffStateDumps.js'
import { CliUsageError } from '../cliUsageError.js'
import { createOutput } from '../output.js'
import type { CommandInvocation } from '../types.js'

/** `storydao-ops diff-state <before.json> <after.json>`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const [before, after, ...extra] = invocation.positionals
  if (!before || !after || extra.length > 0)
    throw new CliUsageError({
      message:
        'diff-state needs exactly two files: <before.json> <after.json>.',
      command: 'diff-state',
    })
  const diff = await diffStateDumps({
    before: resolve(invocation.cwd, before),
    after: resolve(invocation.cwd, after),
  })
  const span = `block ${diff.before.blockNumber} (${diff.before.takenAt}) → block ${diff.after.blockNumber} (${diff.after.takenAt})`
  output.result(
    {
      ok: true,
      before: diff.before,
      after: diff.after,
      changes: diff.changes,
    },
    diff.changes.length === 0
      ? [`No differences, ${span}.`]
      : [
          `${diff.changes.length} difference(s), ${span}:`,
          ...diff.changes.map((change) => `  ${change.description}`),
        ],
  )
  return 0
}
