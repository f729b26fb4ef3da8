import { writeFileAtomic } from '@storydao/core'
import type { Hex } from 'viem'
import { DemoExpectationError } from '../errors/demo.js'
import type { OpsContext } from '../playbooks/createOpsContext.js'
import { refreshOpsContext } from '../playbooks/refreshOpsContext.js'
import { renderReviewHtml } from '../playbooks/review/renderReviewHtml.js'
import { reviewSafeTransaction } from '../playbooks/review/reviewSafeTransaction.js'
import { confirmSafeTransaction } from '../playbooks/safe/confirmSafeTransaction.js'
import {
  type ExecuteSafeTransactionReturnType,
  executeSafeTransaction,
} from '../playbooks/safe/executeSafeTransaction.js'
import type { DemoLog } from './demoLog.js'

/**
 * What every signer round of the demo does: the second owner reviews the
 * proposal (hashes recomputed, calls decoded, rehearsed; the offline page
 * written beside the Transaction Builder file), confirms it on the
 * Transaction Service, then anyone executes it from the queue (on a real
 * network: two people in Safe{Wallet}).
 */
export async function approveQueued(
  context: OpsContext,
  {
    safeTxHash,
    transactionBuilderFile,
    contracts,
    log,
  }: {
    safeTxHash: Hex
    /** The proposal's Transaction Builder file; the review page goes beside it. */
    transactionBuilderFile: string
    contracts?: string | undefined
    log: DemoLog
  },
): Promise<ExecuteSafeTransactionReturnType> {
  // The signer reviews against the manifest as the last step wrote it.
  const review = await reviewSafeTransaction(await refreshOpsContext(context), {
    safeTxHash,
    contracts,
  })
  const page = transactionBuilderFile.replace(/\.json$/, '.review.html')
  await writeFileAtomic({ path: page, data: renderReviewHtml({ review }) })
  const critical = review.warnings.filter(
    (warning) => warning.severity === 'critical',
  )
  if (!review.ok || critical.length > 0)
    throw new DemoExpectationError({
      expected: `the review of ${safeTxHash} to pass`,
      actual: [
        `rehearsal ${review.rehearsal.status}${review.rehearsal.revertReason ? `: ${review.rehearsal.revertReason}` : ''}`,
        ...review.rehearsal.invariants
          .filter((invariant) => !invariant.ok)
          .map((invariant) => `${invariant.name}: ${invariant.message}`),
        ...critical.map((warning) => warning.message),
      ].join('; '),
    })
  log.detail(
    `reviewed: hashes match, ${review.rehearsal.invariants.length} invariants hold, ${review.warnings.filter((warning) => warning.severity !== 'info').length} warning(s), none critical; page ${page.slice(context.root.length + 1)}`,
  )
  for (const warning of review.warnings)
    log.detail(`  ${warning.severity}: ${warning.message}`)
  const confirmed = await confirmSafeTransaction(context, { safeTxHash })
  log.detail(
    `confirmed by ${confirmed.signer} (${confirmed.confirmations}/${confirmed.confirmationsRequired})`,
  )
  const executed = await executeSafeTransaction(context, { safeTxHash })
  log.detail(
    `executed from the queue in block ${executed.blockNumber}: ${executed.transactionHash}`,
  )
  return executed
}
