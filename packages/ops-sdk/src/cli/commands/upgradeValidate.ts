import { relative } from 'node:path'
import { validateUpgrade } from '../../playbooks/upgrade/validateUpgrade.js'
import { openContext } from '../openContext.js'
import { createOutput } from '../output.js'
import { recordForIncident } from '../recordForIncident.js'
import { requiredOption } from '../requiredOption.js'
import type { CommandInvocation } from '../types.js'
import { stringOption } from '../values.js'

/** `storydao-ops upgrade validate --id <upgrade>`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const id = requiredOption(invocation, 'id', 'the upgrade id')
  output.step(`Load the ${invocation.values.network ?? 'local'} network`)
  const context = await openContext(invocation)
  const validated = await validateUpgrade(context, {
    id,
    contracts: stringOption(invocation, 'contracts'),
    onStep: output.step,
  })
  const files = validated.files && {
    upgradeLog: relative(context.root, validated.files.upgradeLog),
    manifest: relative(context.root, validated.files.manifest),
  }
  const mark = (ok: boolean) => (ok ? output.green('ok  ') : output.red('FAIL'))
  output.result({ ...validated, files: files ?? null }, [
    output.bold(
      `Upgrade ${id}: ${validated.ok ? 'validated on chain' : 'validation FAILED'}`,
    ),
    ...validated.checks.map(
      (check) => `  ${mark(check.ok)} ${check.name.padEnd(15)}${check.detail}`,
    ),
    ...validated.invariants
      .filter((result) => !result.ok)
      .map(
        (result) => `       ${result.description}: ${String(result.actual)}`,
      ),
    '',
    ...(files
      ? [
          `Appended to ${files.upgradeLog}; ${files.manifest} marks it executed.`,
        ]
      : validated.ok
        ? ['Already recorded as executed: nothing written.']
        : [
            'Nothing written: fix the cause, or wait for the execution, and run it again.',
          ]),
  ])
  if (validated.ok)
    await recordForIncident(invocation, output, {
      summary: `Upgrade ${id} validated on chain`,
      details: validated.checks.map((check) => check.detail),
    })
  return validated.ok ? 0 : 1
}
