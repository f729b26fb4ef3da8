import { relative } from 'node:path'
import { recordDeployment } from '../../playbooks/deployment/recordDeployment.js'
import { describeComparison } from '../../playbooks/internal/renderDeploymentRecord.js'
import { CliUsageError } from '../cliUsageError.js'
import { openContext } from '../openContext.js'
import { createOutput } from '../output.js'
import { recordForIncident } from '../recordForIncident.js'
import { requiredOption } from '../requiredOption.js'
import type { CommandInvocation } from '../types.js'
import { stringOption } from '../values.js'

/** `storydao-ops record --safe-tx <safeTxHash> [--frontend <path>]`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const safeTxHash = requiredOption(
    invocation,
    'safe-tx',
    'the safeTxHash storydao-ops deploy printed',
  )
  if (!/^0x[0-9a-fA-F]{64}$/.test(safeTxHash))
    throw new CliUsageError({
      message: `--safe-tx must be a safeTxHash (0x and 64 hex digits), got "${safeTxHash}".`,
      command: invocation.words.join(' '),
    })
  output.step(`Load the ${invocation.values.network ?? 'local'} network`)
  const context = await openContext(invocation)
  const recorded = await recordDeployment(context, {
    safeTxHash: safeTxHash as `0x${string}`,
    frontend: stringOption(invocation, 'frontend'),
    contracts: stringOption(invocation, 'contracts'),
    onStep: output.step,
  })
  const shown = (path: string) => relative(context.root, path)
  const { standardJsonInputs, archive, ...written } = recorded.files
  const files = {
    ...Object.fromEntries(
      Object.entries(written).map(([key, path]) => [key, shown(path)]),
    ),
    archive: archive ? shown(archive) : null,
    standardJsonInputs: standardJsonInputs.map(shown),
  } as Record<keyof typeof written, string> & {
    archive: string | null
    standardJsonInputs: string[]
  }
  output.result({ ...recorded, files }, [
    output.bold(
      `Recorded ${recorded.release} on ${context.networkName}${recorded.ok ? '' : ' (runtime bytecode MISMATCH)'}`,
    ),
    `  Block         ${recorded.blockNumber}`,
    `  Transaction   ${recorded.transactionHash}${recorded.explorerUrl ? ` ${recorded.explorerUrl}` : ''}`,
    `  safeTxHash    ${recorded.safeTxHash}`,
    ...recorded.contracts.map((contract) => {
      const status = describeComparison(contract.bytecode)
      return `  ${contract.name.padEnd(26)} ${contract.address}  ${contract.bytecode.status === 'match' ? output.green(status) : output.red(status)}`
    }),
    `  Manifest      ${files.manifest}${files.archive ? ` (previous: ${files.archive})` : ''}`,
    `  Frontend      ${files.frontend}`,
    `  Verification  ${files.verification} (and ${files.standardJsonInputs.length} standard-JSON inputs beside it)`,
    `  Change record ${files.changeRecord}`,
    '',
    'Explorer verification (run from the Foundry project):',
    ...recorded.contracts.map(
      ({ verification }) => `  ${verification.command}`,
    ),
    '',
    `Next: storydao-ops validate --network ${context.networkName}`,
  ])
  await recordForIncident(invocation, output, {
    summary: `Recorded ${recorded.release}: block ${recorded.blockNumber}${recorded.ok ? '' : ' (bytecode mismatch)'}`,
    details: [
      `Transaction ${recorded.transactionHash}`,
      `Change record ${files.changeRecord}`,
    ],
  })
  return recorded.ok ? 0 : 1
}
