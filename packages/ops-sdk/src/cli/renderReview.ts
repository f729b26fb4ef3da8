import type { ReviewSafeTransactionReturnType } from '../playbooks/review/reviewSafeTransaction.js'
import type { Output } from './output.js'

/**
 * @internal The review as Markdown: in the terminal for `review`, and saved
 * beside the cancel that `watch` prepares (plain `style` there: a file has
 * no colour).
 */
export function renderReview(
  review: ReviewSafeTransactionReturnType,
  output: Pick<Output, 'bold' | 'red'>,
): string[] {
  const mark = (ok: boolean) => (ok ? 'ok' : output.red('MISMATCH'))
  return [
    output.bold(
      `# Review: ${review.safeName} ${review.safe}, nonce ${review.nonce.nonce}`,
    ),
    '',
    '## Hashes (computed here; compare with your wallet)',
    '',
    `- Domain hash:  \`${review.domainHash}\``,
    `- Message hash: \`${review.messageHash}\``,
    `- safeTxHash:   \`${review.safeTxHash}\``,
    ...review.hashChecks.map(
      (check) =>
        `- claimed by ${check.by}: \`${check.claimed}\` ${mark(check.matches)}`,
    ),
    `- Nonce ${review.nonce.nonce} (Safe at ${review.nonce.chainNonce}, next free ${review.nonce.nextFree})`,
    '',
    '## Calls',
    '',
    ...review.calls.map((line) => `${'  '.repeat(line.depth)}- ${line.text}`),
    '',
    `## Rehearsal on a fork: ${review.rehearsal.status}${review.rehearsal.revertReason ? ` (${review.rehearsal.revertReason})` : ''}`,
    '',
    review.action
      ? `Default invariants of "${review.action}":`
      : 'No playbook action recognised: no invariants ran.',
    ...review.rehearsal.invariants.map(
      (result) =>
        `- ${result.ok ? 'pass' : output.red('FAIL')} ${result.name}: ${result.message}`,
    ),
    '',
    '## State changes',
    '',
    ...(review.stateChanges.length > 0
      ? review.stateChanges.map((line) => `- ${line}`)
      : ['- none read']),
    '',
    '## Warnings',
    '',
    ...(review.warnings.length > 0
      ? review.warnings.map(
          (warning) =>
            `- ${warning.severity === 'critical' ? output.red('CRITICAL') : warning.severity} (${warning.code}): ${warning.message}`,
        )
      : ['- none']),
    '',
    review.ok
      ? output.bold(
          'Nothing critical: compare the hashes above with your wallet before signing.',
        )
      : output.red(
          'Do NOT sign: a hash differs, a warning is critical or the rehearsal failed.',
        ),
  ]
}
