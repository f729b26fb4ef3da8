import { readFile } from 'node:fs/promises'
import { type UpgradeEntry, writeFileAtomic } from '@storydao/core'
import type { Hex } from 'viem'
import type { UpgradeCheck } from '../../types/upgrade.js'

const header = `# Upgrade log

One entry per upgrade executed on chain, appended by \`storydao-ops upgrade validate\`
once every check passed: the route, the proposal or operation, the execution
transaction and what was validated. Newest last.
`

/** @internal One entry of `docs/operations/upgrade-log.md`. */
export type UpgradeLogEntry = {
  upgrade: UpgradeEntry
  network: string
  proxy: string
  contract: string
  route: 'governor' | 'timelock'
  operationId: Hex
  execution: { transactionHash: Hex; blockNumber: bigint; timestamp: bigint }
  checks: readonly UpgradeCheck[]
}

/** @internal Appends an entry to the upgrade log, creating it with its header. */
export async function appendUpgradeLog(
  path: string,
  entry: UpgradeLogEntry,
): Promise<void> {
  const current = await readFile(path, 'utf8').catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return header
    throw error
  })
  await writeFileAtomic({
    path,
    data: `${current.trimEnd()}\n\n${renderEntry(entry)}`,
  })
}

function renderEntry(entry: UpgradeLogEntry): string {
  const { upgrade, execution } = entry
  const date = new Date(Number(execution.timestamp) * 1000)
    .toISOString()
    .replace('.000Z', 'Z')
  return [
    `## ${date.slice(0, 10)} ${upgrade.id} (${entry.network})`,
    '',
    `- Date: ${date} (block time of the execution)`,
    `- Target: ${upgrade.target} ${entry.proxy}`,
    `- Implementation: ${upgrade.fromImplementation} → ${upgrade.toImplementation} (${entry.contract})`,
    `- Route: ${entry.route === 'governor' ? `StoryDAO vote, proposal ${upgrade.proposalId}` : `ops Safe as timelock proposer${upgrade.safeTxHash ? `, propose Safe transaction ${upgrade.safeTxHash}` : ''}`}`,
    `- Timelock operation: ${entry.operationId}`,
    `- Execution: transaction ${execution.transactionHash}, block ${execution.blockNumber}`,
    '- Validation:',
    ...entry.checks.map((check) => `  - ${check.name}: ${check.detail}`),
    '',
  ].join('\n')
}
