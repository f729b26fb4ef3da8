import { relative } from 'node:path'
import type { SafeTransactionOutcome } from '../types/safeTransactionOutcome.js'
import type { Output } from './output.js'

/**
 * @internal The closing summary of every command that builds a Safe
 * transaction: the Safe, the nonce, the three hashes a hardware wallet shows,
 * the rehearsal, and where to approve.
 */
export function renderSafeTransaction(
  outcome: SafeTransactionOutcome,
  {
    output,
    root,
    networkName,
  }: { output: Output; root: string; networkName: string },
): string[] {
  const file = relative(root, outcome.files.transactionBuilder)
  const rehearsal = outcome.rehearsal.ok
    ? output.green(`passed: ${outcome.rehearsal.invariants} invariants hold`)
    : output.red(`FAILED: ${outcome.rehearsal.failed.join('; ')}`)
  const lines = [
    output.bold(`${outcome.title}: Safe transaction ready`),
    `  Safe          ${outcome.safeName} ${outcome.safe} (${outcome.threshold} signatures needed)`,
    `  Nonce         ${outcome.nonce}`,
    `  Domain hash   ${outcome.domainHash}`,
    `  Message hash  ${outcome.messageHash}`,
    `  safeTxHash    ${outcome.safeTxHash}`,
    ...outcome.calls.map(
      (call, index) =>
        `  Call ${String(index + 1).padEnd(9)}${call.label || call.to}${call.value > 0n ? ` (value ${call.value} wei)` : ''}`,
    ),
    `  Rehearsal     ${rehearsal}`,
    ...outcome.rehearsal.warnings.map(
      (warning) => `  Warning       ${warning.message}`,
    ),
    `  Report        ${relative(root, outcome.files.report)}`,
    `  File          ${file} (Safe{Wallet} → Transaction Builder → drag the file in)`,
  ]
  if (outcome.proposed)
    lines.push(
      `  Proposed      to the Safe Transaction Service by ${outcome.proposed.sender}`,
      ...(outcome.approveUrl ? [`  Approve       ${outcome.approveUrl}`] : []),
      '',
      `Next: each other owner checks the three hashes on their wallet and signs (Safe{Wallet}, or`,
      `  storydao-ops safe confirm ${outcome.safeTxHash} --network ${networkName} --signer-env <VAR>),`,
      `  then anyone executes: storydao-ops safe execute ${outcome.safeTxHash} --network ${networkName}`,
    )
  else if (outcome.rehearsal.ok)
    lines.push(
      '',
      'Next: import the file in Safe{Wallet} (or rerun with --propose --signer-env <VAR> to queue it',
      '  on the Safe Transaction Service); owners compare the three hashes before signing.',
    )
  else
    lines.push(
      '',
      'Nothing was proposed: read the report, fix the cause, and run the command again.',
    )
  return lines
}

/** @internal The `--json` object of a Safe-transaction command: the hashes at the top level. */
export function toSafeTransactionJson(
  outcome: SafeTransactionOutcome,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    ok: outcome.rehearsal.ok,
    safe: outcome.safe,
    safeName: outcome.safeName,
    nonce: outcome.nonce,
    safeTxHash: outcome.safeTxHash,
    domainHash: outcome.domainHash,
    messageHash: outcome.messageHash,
    ...extra,
    calls: outcome.calls,
    rehearsal: outcome.rehearsal,
    files: outcome.files,
    proposed: outcome.proposed ?? null,
    approveUrl: outcome.approveUrl ?? null,
  }
}
