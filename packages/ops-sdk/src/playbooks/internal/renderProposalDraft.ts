import type { UpgradeEntry } from '@storydao/core'
import type { Address, Hex } from 'viem'
import type { RollbackRehearsal } from '../../types/upgrade.js'
import type { GovernorTiming } from './governorTiming.js'

/** @internal What the forum draft of an upgrade proposal shows. */
export type ProposalDraft = {
  upgrade: UpgradeEntry
  contract: string
  proxy: Address
  governor: { name: string; address: Address }
  proposalId: bigint
  description: string
  actions: readonly { to: Address; label: string; data: Hex }[]
  timing: GovernorTiming
  rollback: RollbackRehearsal
  invariants: readonly string[]
  network: string
}

const iso = (seconds: bigint) =>
  new Date(Number(seconds) * 1000).toISOString().replace('.000Z', 'Z')

/**
 * @internal The forum draft `docs/operations/proposals/<id>.md`: what voters
 * need to judge the upgrade (the implementation, the actions, the delay
 * window, the rollback and the checks) in one page.
 */
export function renderProposalDraft(draft: ProposalDraft): string {
  const { upgrade, timing } = draft
  const unit = timing.clock === 'timestamp' ? 'seconds' : 'blocks'
  return [
    `# Proposal: upgrade ${upgrade.target} to ${draft.contract}`,
    '',
    `Upgrade \`${upgrade.id}\` on ${draft.network}, voted on by ${draft.governor.name} (${draft.governor.address}).`,
    '',
    '## What changes',
    '',
    `- Proxy: ${upgrade.target} ${draft.proxy}`,
    `- Current implementation: ${upgrade.fromImplementation}`,
    `- New implementation: ${draft.contract} at ${upgrade.toImplementation} (CREATE2; the address follows from the reviewed bytecode)`,
    `- Upgrade calldata: \`${upgrade.calldata}\``,
    '',
    '## Actions (executed by the timelock)',
    '',
    ...draft.actions.map(
      (action, index) =>
        `${index + 1}. ${action.label} — to ${action.to}, ${(action.data.length - 2) / 2} bytes of calldata`,
    ),
    '',
    `Proposal id: \`${draft.proposalId}\``,
    '',
    '## Timeline',
    '',
    `- Voting delay: ${timing.votingDelay} ${unit}; voting period: ${timing.votingPeriod} ${unit}.`,
    `- Timelock delay after queueing: ${timing.minDelay} seconds.`,
    `- Earliest execution if proposed now (${iso(timing.now)}): ${iso(timing.earliestExecution)}${timing.clock === 'blocknumber' ? ' (blocks estimated at 12 s)' : ''}.`,
    '',
    ...renderRollback(draft),
    '## Checks after execution',
    '',
    ...draft.invariants.map((line) => `- ${line}`),
    '',
    '## Proposal description (hashed into the proposal id; submit it verbatim)',
    '',
    '```text',
    draft.description,
    '```',
    '',
  ].join('\n')
}

/**
 * The rollback section: the reverse call and what its rehearsal on a fork
 * showed, so voters know the way back works before they vote.
 */
function renderRollback({ upgrade, rollback }: ProposalDraft): string[] {
  const result = rollback.ok
    ? `**Rehearsal: passed.** On a fork of the current chain, the upgrade's actions ran as the timelock, then the reverse upgrade, then ${rollback.invariants} invariants held for the old implementation ${rollback.implementation}.`
    : `**Rehearsal: FAILED. The rollback does not work as built; do not vote for this upgrade until it does.**`
  return [
    '## Rollback',
    '',
    `If the upgrade misbehaves, a new proposal (\`storydao-ops upgrade rollback --id ${upgrade.id}\`) upgrades ${upgrade.target} back to ${rollback.implementation}:`,
    `the timelock calls ${rollback.reverse.to} with \`${rollback.reverse.data}\`.`,
    '',
    result,
    ...(rollback.ok ? [] : ['']),
    ...rollback.failed.map((failure) => `- ${failure}`),
    '',
  ]
}
