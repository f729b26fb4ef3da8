import type { Network } from '@storydao/core'
import type { Hex } from 'viem'
import type {
  PendingDeployment,
  RecordedContract,
  VerificationInput,
} from '../../types/releaseFile.js'
import type { RuntimeBytecodeComparison } from './compareRuntimeBytecode.js'

/** @internal */
export function explorerLink(
  network: Network,
  kind: 'tx' | 'address' | 'block',
  value: string,
): string | undefined {
  return network.explorer
    ? `${network.explorer.replace(/\/$/, '')}/${kind}/${value}`
    : undefined
}

const link = (
  network: Network,
  kind: 'tx' | 'address' | 'block',
  value: string,
) => {
  const url = explorerLink(network, kind, value)
  return url ? `[\`${value}\`](${url})` : `\`${value}\``
}

/** @internal How a bytecode comparison reads in a table cell. */
export function describeComparison(
  comparison: RuntimeBytecodeComparison,
): string {
  switch (comparison.status) {
    case 'match':
      return 'matches the local build'
    case 'mismatch':
      return `MISMATCH (first difference at byte ${comparison.firstDifference})`
    case 'length-mismatch':
      return `MISMATCH (${comparison.chainLength} bytes on chain, ${comparison.buildLength} in the build)`
    case 'no-code':
      return 'NO CODE'
  }
}

/**
 * @internal The change-management record of a deployment: where and when it
 * ran, the Safe transaction, what was deployed and checked, the manifest
 * diff and the rehearsal report the owners approved.
 */
export function renderDeploymentRecord({
  pending,
  network,
  networkName,
  blockNumber,
  transactionHash,
  contracts,
  manifestDiff,
  report,
  files,
}: {
  pending: PendingDeployment
  network: Network
  networkName: string
  blockNumber: bigint
  transactionHash: Hex
  contracts: readonly RecordedContract[]
  manifestDiff: string
  report: string | undefined
  files: { manifest: string; frontend: string; verification: string }
}): string {
  const lines = [
    `# Deployment: ${pending.release} on ${networkName}`,
    '',
    `- Release file: \`${pending.releaseFile}\``,
    `- Network: ${networkName} (chain ${pending.chainId})${network.explorer ? '' : ', no block explorer'}`,
    `- Block: ${link(network, 'block', blockNumber.toString())}`,
    `- Execution transaction: ${link(network, 'tx', transactionHash)}`,
    `- Safe: ops ${link(network, 'address', pending.safe)}, nonce ${pending.nonce}`,
    `- safeTxHash: \`${pending.safeTxHash}\``,
    `- Transaction Builder file: \`${pending.files.transactionBuilder}\``,
    `- Planned: ${pending.createdAt}; recorded: ${new Date().toISOString()}`,
    ...(pending.skipped.length > 0
      ? [`- Already in the manifest, skipped: ${pending.skipped.join(', ')}`]
      : []),
    '',
    '## Contracts',
    '',
    '| Name | Address | Kind | Artifact | Runtime bytecode |',
    '| --- | --- | --- | --- | --- |',
    ...contracts.map(
      (contract) =>
        `| ${contract.name} | ${link(network, 'address', contract.address)} | ${contract.kind ?? 'implementation'} | \`${contract.artifactId}\` | ${describeComparison(contract.bytecode)} |`,
    ),
    '',
    '## Files',
    '',
    `- Manifest: \`${files.manifest}\` (the previous version is in \`deployments/archive/\`)`,
    `- Frontend artefacts: \`${files.frontend}\``,
    `- Explorer verification: \`${files.verification}\``,
    '',
    manifestDiff.trim(),
    '',
    '## Rehearsal report',
    '',
    report
      ? report.trim().replace(/^#/gm, '###')
      : `The report \`${pending.files.report}\` was not found.`,
    '',
  ]
  return lines.join('\n')
}

/** @internal The explorer verification notes of a deployment. */
export function renderVerificationNotes({
  pending,
  networkName,
  inputs,
  standardJsonInputs,
  contractsDir,
}: {
  pending: PendingDeployment
  networkName: string
  inputs: readonly VerificationInput[]
  /** Paths relative to the notes, in `inputs` order. */
  standardJsonInputs: readonly string[]
  contractsDir: string
}): string {
  return [
    `# Explorer verification: ${pending.release} on ${networkName}`,
    '',
    `Run from \`${contractsDir}\` with the explorer's API key in \`ETHERSCAN_API_KEY\`.`,
    'Each command names the compiler and optimizer settings of the build the runtime bytecode was compared with.',
    'Explorers that take a solc standard-JSON input (Etherscan\'s "Standard-Json-Input") get the file listed per contract: the build\'s settings and sources, which solc compiles to the same runtime bytecode.',
    '',
    ...inputs.flatMap((input, index) => [
      `## ${input.name}`,
      '',
      `- Address: \`${input.address}\``,
      `- Contract: \`${input.contract}\``,
      `- Compiler: ${input.compilerVersion}, optimizer ${input.optimizerRuns === undefined ? 'off' : `${input.optimizerRuns} runs`}${input.evmVersion ? `, EVM ${input.evmVersion}` : ''}`,
      `- Constructor arguments: \`${input.constructorArgs}\``,
      `- Standard-JSON input: [\`${standardJsonInputs[index]}\`](${standardJsonInputs[index]})`,
      '',
      '```sh',
      input.command,
      '```',
      '',
    ]),
  ].join('\n')
}
