import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import { type BuildRejectionErrorType, buildRejection } from '@storydao/safe'
import type {
  SafeNotInManifestErrorType,
  SignerNotOwnerErrorType,
} from '../../errors/playbook.js'
import { version } from '../../errors/version.js'
import type { SafeTransactionOutcome } from '../../types/safeTransactionOutcome.js'
import type { OpsContext } from '../createOpsContext.js'
import { prepareSafeTransaction } from '../internal/prepareSafeTransaction.js'
import { type SafeName, safeOf } from '../internal/safeOf.js'

export type RejectSafeTransactionParameters = {
  /** The nonce whose queued transaction(s) to reject. */
  nonce: bigint
  /** Which manifest Safe. Default `'ops'`. */
  safe?: SafeName | undefined
  /** Send it to the Safe Transaction Service, signed by an owner. */
  propose?: boolean | undefined
  /** Progress callback for long steps. */
  onStep?: ((message: string) => void) | undefined
}

export type RejectSafeTransactionReturnType = SafeTransactionOutcome

export type RejectSafeTransactionErrorType =
  | MissingParameterErrorType
  | BuildRejectionErrorType
  | SafeNotInManifestErrorType
  | SignerNotOwnerErrorType

/**
 * Rejects whatever is queued at a Safe nonce the way Safe{Wallet}'s "Reject"
 * does: a zero-value call from the Safe to itself at that nonce. Once
 * executed, the nonce is consumed and nothing else queued there can ever
 * execute. Rehearsed on a fork (nothing may change: supply, balances, paused
 * flags, roles), written as a Transaction Builder file and, with `propose`,
 * queued on the Transaction Service.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/safe-queue.md
 *
 * @example
 * ```ts
 * import { createOpsContext, rejectSafeTransaction } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'mainnet', signerEnv: 'OPS_KEY' })
 * const { safeTxHash } = await rejectSafeTransaction(context, { nonce: 12n, propose: true })
 * ```
 */
export async function rejectSafeTransaction(
  context: OpsContext,
  parameters: RejectSafeTransactionParameters,
): Promise<RejectSafeTransactionReturnType> {
  assertParameters('rejectSafeTransaction', { context }, ['context'], {
    version,
  })
  assertParameters('rejectSafeTransaction', parameters, ['nonce'], { version })
  const safe = safeOf(context.manifest, parameters.safe ?? 'ops')
  const plan = await buildRejection(context.client, {
    safe: safe.address,
    nonce: parameters.nonce,
    chainId: context.chainId,
    service: context.service,
  })
  const title = `Reject nonce ${parameters.nonce}`
  const { outcome } = await prepareSafeTransaction(context, {
    safeName: safe.name,
    calls: { plan },
    title,
    description: `Rejects every ${safe.name} Safe transaction queued at nonce ${parameters.nonce}: a zero-value call from the Safe to itself consumes the nonce.`,
    // A rejection changes nothing: no role may move (an empty allow-list),
    // and supply, balances and paused flags stay as they are.
    invariants: { action: 'role-change', roleChanges: [] },
    propose: parameters.propose,
    onStep: parameters.onStep,
  })
  return outcome
}
