import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { DecodedCall } from '@storydao/governance'
import {
  type GetQueuedSafePlansErrorType,
  getQueuedSafePlans,
} from '@storydao/safe'
import type { Address, Hex } from 'viem'
import type { SafeNotInManifestErrorType } from '../../errors/playbook.js'
import { version } from '../../errors/version.js'
import type { OpsContext } from '../createOpsContext.js'
import { describeCall } from '../internal/describeCall.js'
import { type SafeName, safeOf } from '../internal/safeOf.js'

export type GetSafeQueueParameters = {
  /** Which manifest Safe. Default `'ops'`. */
  safe?: SafeName | undefined
}

/** One queued transaction, with what a signer checks before approving it. */
export type SafeQueueEntry = {
  nonce: bigint
  /** The three hashes a hardware wallet shows, recomputed from the service's fields. */
  safeTxHash: Hex
  domainHash: Hex
  messageHash: Hex
  /** Owners who signed, in the order the service received them. */
  confirmations: Address[]
  confirmationsRequired: number
  proposer: Address | undefined
  submissionDate: string
  origin: string | undefined
  /** The calls the Safe makes, decoded with the StoryDAO ABIs. */
  calls: { to: Address; value: bigint; text: string; decoded: DecodedCall }[]
  /** Things a signer must know (shared nonces, delegatecalls, unusable confirmations). */
  warnings: string[]
}

export type GetSafeQueueReturnType = {
  safe: Address
  safeName: SafeName
  threshold: number
  /** Lowest nonce first; several entries may share a nonce (only one can execute). */
  transactions: SafeQueueEntry[]
}

export type GetSafeQueueErrorType =
  | MissingParameterErrorType
  | GetQueuedSafePlansErrorType
  | SafeNotInManifestErrorType

/**
 * The transactions waiting on a manifest Safe, as the Safe Transaction Service
 * holds them: each one's fields hashed again (a transaction whose fields do
 * not hash to its safeTxHash is refused, never shown), its confirmations
 * against the threshold, and its calls decoded against the StoryDAO ABIs.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/safe-queue.md
 *
 * @example
 * ```ts
 * import { createOpsContext, getSafeQueue } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'sepolia' })
 * const { transactions } = await getSafeQueue(context, { safe: 'emergency' })
 * for (const tx of transactions) console.log(tx.nonce, tx.safeTxHash)
 * ```
 */
export async function getSafeQueue(
  context: OpsContext,
  parameters: GetSafeQueueParameters = {},
): Promise<GetSafeQueueReturnType> {
  assertParameters('getSafeQueue', { context }, ['context'], { version })
  const safe = safeOf(context.manifest, parameters.safe ?? 'ops')
  const plans = await getQueuedSafePlans(context.service, {
    safe: safe.address,
  })
  return {
    safe: safe.address,
    safeName: safe.name,
    threshold: safe.threshold,
    transactions: plans.map((plan) => ({
      nonce: plan.nonce,
      safeTxHash: plan.safeTxHash,
      domainHash: plan.domainHash,
      messageHash: plan.messageHash,
      confirmations: plan.confirmations.map(({ signer }) => signer),
      confirmationsRequired: plan.confirmationsRequired,
      proposer: plan.proposer,
      submissionDate: plan.submissionDate,
      origin: plan.origin,
      calls: plan.calls.map((call) => ({
        to: call.to,
        value: call.value,
        ...describeCall(context.manifest, call),
      })),
      warnings: [...plan.warnings],
    })),
  }
}
