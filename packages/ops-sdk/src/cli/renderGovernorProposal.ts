import type { DraftGovernorUpgradeReturnType } from '../playbooks/upgrade/draftGovernorUpgrade.js'
import type { Output } from './output.js'
import { renderSafeTransaction } from './renderSafeTransaction.js'

/**
 * @internal The closing summary of a StoryDAO upgrade proposal (`upgrade
 * propose --via governor`, `upgrade rollback` on the governor route): the
 * proposal, its rehearsed rollback, the raw calldata for any proposer, then
 * the ops-Safe transaction that proposes it.
 */
export function renderGovernorProposal(
  drafted: DraftGovernorUpgradeReturnType,
  {
    output,
    id,
    draft,
    context,
  }: {
    output: Output
    /** The upgrade id, as the heading names it. */
    id: string
    draft: string
    context: { root: string; networkName: string }
  },
): string[] {
  const earliest = new Date(Number(drafted.earliestExecution) * 1000)
  const { rollback } = drafted
  return [
    output.bold(`Upgrade ${id}: StoryDAO proposal ready`),
    `  Proposal id     ${drafted.proposalId}`,
    `  propose() to    ${drafted.propose.to}`,
    `  Calldata        ${drafted.propose.data}`,
    `  Earliest run    ${earliest.toISOString()} (if proposed now)`,
    `  Rollback        ${rollback.ok ? output.green(`rehearsed: ${rollback.invariants} invariants hold after the reverse`) : output.red(`rehearsal FAILED: ${rollback.failed.join('; ')}`)}`,
    `  Reverse call    ${rollback.reverse.to} ${rollback.reverse.data}`,
    `  Forum draft     ${draft}`,
    '',
    ...renderSafeTransaction(drafted, {
      output,
      root: context.root,
      networkName: context.networkName,
    }),
    '',
    rollback.ok
      ? 'Or send the calldata from any account with enough votes; then vote. The proposal id is in the manifest.'
      : output.red(
          'The rollback did not rehearse: nothing was proposed. Fix the reverse upgrade before anyone proposes this.',
        ),
  ]
}
