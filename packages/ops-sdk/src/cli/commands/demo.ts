import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { runDemo } from '../../demo/runDemo.js'
import { createOutput } from '../output.js'
import type { CommandInvocation } from '../types.js'
import { stringOption } from '../values.js'

/** `storydao-ops demo [--out <dir>]`: the seed playbook on the local stack. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const chosen =
    stringOption(invocation, 'out') ?? invocation.env.DEMO_OUT_DIR ?? undefined
  const out = chosen
    ? resolve(invocation.cwd, chosen)
    : mkdtempSync(join(tmpdir(), 'storydao-demo-'))
  const started = Date.now()
  let steps = 0
  const result = await runDemo({
    out,
    contracts: resolve(
      invocation.cwd,
      stringOption(invocation, 'contracts') ?? 'contracts',
    ),
    release: resolve(
      invocation.cwd,
      stringOption(invocation, 'release') ??
        join('deployments', 'releases', 'storydao.json'),
    ),
    log: {
      step: (message) => output.step(`${++steps}. ${message}`),
      detail: (message) => output.info(`   ${message}`),
    },
  })
  const shown = (path: string) => relative(out, path)
  output.result(
    { ok: true, ...result, seconds: (Date.now() - started) / 1000 },
    [
      `Demo done in ${((Date.now() - started) / 1000).toFixed(1)} s; everything is in ${out}`,
      '',
      'Deployment',
      `  safeTxHash        ${result.deployment.safeTxHash}`,
      `  executed          ${result.deployment.transactionHash} (block ${result.deployment.blockNumber})`,
      ...Object.entries(result.deployment.contracts).map(
        ([name, address]) => `  ${name.padEnd(26)}${address}`,
      ),
      `  change record     ${shown(result.deployment.changeRecord)}`,
      `  frontend          ${shown(result.deployment.frontend)}`,
      '',
      'Upgrade (StoryDAO vote)',
      `  ${result.upgrade.id}: proposal ${result.upgrade.proposalId}`,
      `  implementation    ${result.upgrade.implementation}`,
      `  executed          safeTxHash ${result.upgrade.executed.safeTxHash}`,
      `  forum draft       ${shown(result.upgrade.proposalDraft)}`,
      `  upgrade log       ${shown(result.upgrade.upgradeLog)}`,
      '',
      'Incident',
      `  rogue operation   ${result.incident.rogueOperation} (cancelled)`,
      `  cancel            safeTxHash ${result.incident.cancel.safeTxHash}`,
      `  pause             safeTxHash ${result.incident.pause.safeTxHash}`,
      `  incident log      ${shown(result.incident.incidentLog)}`,
      `  state dump        ${shown(result.incident.stateDump)}`,
    ],
  )
  return 0
}
