import { writeFileAtomic } from '@storydao/core'
import type { Hex } from 'viem'
import type { OpsContext } from '../playbooks/createOpsContext.js'
import { reviewSafeTransaction } from '../playbooks/review/reviewSafeTransaction.js'
import { cancelTimelockOperations } from '../playbooks/timelock/cancelTimelockOperations.js'
import { renderReview } from './renderReview.js'

const plain = { bold: (text: string) => text, red: (text: string) => text }

/** @internal What `watch` prepared against UNKNOWN operations (one emergency-Safe transaction). */
export type WatchCancel = {
  operations: Hex[]
  safe: string
  nonce: bigint
  safeTxHash: Hex
  /** The fork rehearsal passed (the operations end unset, nothing else moves). */
  rehearsed: boolean
  /** The review found no critical warning and no hash mismatch. */
  reviewed: boolean
  proposed: boolean
  files: { transactionBuilder: string; report: string; review: string }
  approveUrl: string | undefined
}

/**
 * @internal The incident playbook's answer, prepared the moment `watch`
 * flags an UNKNOWN operation: the emergency Safe's cancel (rehearsed,
 * Transaction Builder file and report), reviewed from the written file as a
 * signer would (`<file>.review.md` beside it), and proposed on the Safe
 * Transaction Service only when asked.
 */
export async function prepareWatchCancel(
  context: OpsContext,
  {
    operations,
    propose,
    onStep,
  }: {
    operations: readonly Hex[]
    propose: boolean
    onStep: (message: string) => void
  },
): Promise<WatchCancel> {
  const outcome = await cancelTimelockOperations(context, {
    operations,
    propose,
    onStep,
  })
  const review = await reviewSafeTransaction(context, {
    file: outcome.files.transactionBuilder,
    onStep,
  })
  const reviewPath = outcome.files.transactionBuilder.replace(
    /\.json$/,
    '.review.md',
  )
  await writeFileAtomic({
    path: reviewPath,
    data: `${renderReview(review, plain).join('\n')}\n`,
  })
  return {
    operations: outcome.cancelled,
    safe: outcome.safe,
    nonce: outcome.nonce,
    safeTxHash: outcome.safeTxHash,
    rehearsed: outcome.rehearsal.ok,
    reviewed: review.ok,
    proposed: outcome.proposed !== undefined,
    files: { ...outcome.files, review: reviewPath },
    approveUrl: outcome.approveUrl,
  }
}
