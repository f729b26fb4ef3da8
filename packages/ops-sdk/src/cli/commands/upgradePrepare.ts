import { relative } from 'node:path'
import { prepareUpgrade } from '../../playbooks/upgrade/prepareUpgrade.js'
import { openContext } from '../openContext.js'
import { createOutput } from '../output.js'
import { recordForIncident } from '../recordForIncident.js'
import { requiredOption } from '../requiredOption.js'
import type { CommandInvocation } from '../types.js'
import { stringOption } from '../values.js'

/** `storydao-ops upgrade prepare --target <name> --to <contract> [--call '<fn(args)>']`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const target = requiredOption(
    invocation,
    'target',
    'the manifest contract to upgrade',
  )
  const to = requiredOption(invocation, 'to', 'the new implementation contract')
  output.step(`Load the ${invocation.values.network ?? 'local'} network`)
  const context = await openContext(invocation)
  const prepared = await prepareUpgrade(context, {
    target,
    to,
    call: stringOption(invocation, 'call'),
    from: stringOption(invocation, 'from'),
    id: stringOption(invocation, 'id'),
    contracts: stringOption(invocation, 'contracts'),
    onStep: output.step,
  })
  const { upgrade } = prepared
  const manifest = relative(context.root, prepared.manifestPath)
  output.result({ ok: true, ...prepared, manifestPath: manifest }, [
    output.bold(`Upgrade ${upgrade.id} prepared`),
    `  Target          ${upgrade.target} (${prepared.kind}) ${context.manifest.contracts[upgrade.target]!.address}`,
    `  From            ${upgrade.fromImplementation}`,
    `  Implementation  ${prepared.implementation} (CREATE2, salt ${prepared.salt})`,
    `  Deploy call     to ${prepared.deploy.to} (${(prepared.deploy.data.length - 2) / 2} bytes)`,
    `  Upgrade call    to ${prepared.upgradeCall.to} ${upgrade.calldata}`,
    `  Safety          ${output.green('storage layout compatible')}${prepared.warnings.length > 0 ? `, ${prepared.warnings.length} warning(s)` : ''}`,
    ...prepared.warnings.map((warning) => `  Warning         ${warning}`),
    `  Manifest        ${manifest} (status prepared; the previous version is archived)`,
    '',
    `Next: storydao-ops upgrade propose --id ${upgrade.id} --via timelock --network ${context.networkName}`,
  ])
  await recordForIncident(invocation, output, {
    summary: `Upgrade ${upgrade.id} prepared: ${upgrade.target} → ${prepared.implementation}`,
    details: [`calldata ${upgrade.calldata}`],
  })
  return 0
}
