import {
  assertParameters,
  type MissingParameterErrorType,
  safeAbi,
} from '@storydao/core'
import {
  type ConfirmSafePlanErrorType,
  confirmSafePlan,
  type GetQueuedSafePlansErrorType,
  type SignSafePlanErrorType,
  signSafePlan,
} from '@storydao/safe'
import { type Address, type Hex, isAddressEqual } from 'viem'
import type { LocalAccount } from 'viem/accounts'
import { readContract } from 'viem/actions'
import {
  SignerNotOwnerError,
  type SignerNotOwnerErrorType,
} from '../../errors/playbook.js'
import {
  SafeTransactionConfirmedError,
  type SafeTransactionConfirmedErrorType,
  type SafeTransactionNotQueuedErrorType,
} from '../../errors/safeQueue.js'
import { version } from '../../errors/version.js'
import type { OpsContext } from '../createOpsContext.js'
import { findQueuedTransaction } from '../internal/findQueuedTransaction.js'
import type { SafeName } from '../internal/safeOf.js'

export type ConfirmSafeTransactionParameters = {
  /** A transaction in the queue of a manifest Safe. */
  safeTxHash: Hex
  /**
   * Called with the three hashes before anything is signed, so a person can
   * compare them with their hardware wallet's screen.
   */
  onHashes?:
    | ((hashes: { safeTxHash: Hex; domainHash: Hex; messageHash: Hex }) => void)
    | undefined
}

export type ConfirmSafeTransactionReturnType = {
  safe: Address
  safeName: SafeName
  nonce: bigint
  safeTxHash: Hex
  domainHash: Hex
  messageHash: Hex
  /** The owner who signed now. */
  signer: Address
  /** Confirmations after this one, and how many the Safe needs. */
  confirmations: number
  confirmationsRequired: number
}

export type ConfirmSafeTransactionErrorType =
  | MissingParameterErrorType
  | ConfirmSafePlanErrorType
  | GetQueuedSafePlansErrorType
  | SafeTransactionConfirmedErrorType
  | SafeTransactionNotQueuedErrorType
  | SignerNotOwnerErrorType
  | SignSafePlanErrorType

/**
 * Adds an owner's signature to a queued Safe transaction: finds it in a
 * manifest Safe's queue (a hash that is not queued is refused), shows the
 * three hashes, signs the plan recomputed from the service's fields with the
 * first available owner key that has not signed yet, and sends the
 * confirmation to the Safe Transaction Service.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/safe-queue.md
 *
 * @example
 * ```ts
 * import { confirmSafeTransaction, createOpsContext } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'sepolia', signerEnv: 'OWNER_KEY' })
 * const { confirmations, confirmationsRequired } = await confirmSafeTransaction(
 *   context,
 *   { safeTxHash: '0x…' },
 * )
 * ```
 */
export async function confirmSafeTransaction(
  context: OpsContext,
  parameters: ConfirmSafeTransactionParameters,
): Promise<ConfirmSafeTransactionReturnType> {
  assertParameters('confirmSafeTransaction', { context }, ['context'], {
    version,
  })
  assertParameters('confirmSafeTransaction', parameters, ['safeTxHash'], {
    version,
  })
  const { safeName, plan } = await findQueuedTransaction(
    context,
    parameters.safeTxHash,
  )
  parameters.onHashes?.({
    safeTxHash: plan.safeTxHash,
    domainHash: plan.domainHash,
    messageHash: plan.messageHash,
  })
  const signed = plan.confirmations.map(({ signer }) => signer)
  const owner = await pickUnsignedOwner(context, {
    safe: plan.safe,
    safeName,
    signed,
    safeTxHash: plan.safeTxHash,
  })
  const signature = await signSafePlan({ plan, account: owner })
  await confirmSafePlan(context.service, {
    safeTxHash: plan.safeTxHash,
    signature,
  })
  return {
    safe: plan.safe,
    safeName,
    nonce: plan.nonce,
    safeTxHash: plan.safeTxHash,
    domainHash: plan.domainHash,
    messageHash: plan.messageHash,
    signer: owner.address,
    confirmations: signed.length + 1,
    confirmationsRequired: plan.confirmationsRequired,
  }
}

/** The first of the context's keys that owns the Safe and has not signed. */
async function pickUnsignedOwner(
  context: OpsContext,
  {
    safe,
    safeName,
    signed,
    safeTxHash,
  }: { safe: Address; safeName: SafeName; signed: Address[]; safeTxHash: Hex },
): Promise<LocalAccount> {
  const owners = await readContract(context.client, {
    address: safe,
    abi: safeAbi,
    functionName: 'getOwners',
  })
  const isOwner = (account: LocalAccount) =>
    owners.some((owner) => isAddressEqual(owner, account.address))
  const candidates = context.signers.filter(isOwner)
  if (candidates.length === 0)
    throw new SignerNotOwnerError({
      safe: `${safeName} Safe ${safe}`,
      signers:
        context.signerSource === 'env'
          ? context.signers.map((account) => account.address)
          : [],
    })
  const unsigned = candidates.find(
    (account) =>
      !signed.some((signer) => isAddressEqual(signer, account.address)),
  )
  if (!unsigned)
    throw new SafeTransactionConfirmedError({
      safeTxHash,
      signers: candidates.map((account) => account.address),
    })
  return unsigned
}
