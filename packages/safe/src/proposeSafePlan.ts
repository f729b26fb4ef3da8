import type { InvalidAddressErrorType } from '@storydao/core'
import type { Address, Hex } from 'viem'
import type { SafeService } from './createSafeService.js'
import {
  SafeChainMismatchError,
  type SafeChainMismatchErrorType,
  SafePlanInputError,
  type SafePlanInputErrorType,
  type SafePlanIntegrityErrorType,
} from './errors/plan.js'
import type {
  SafeServiceErrorType,
  SafeServiceResponseErrorType,
  SafeServiceUnreachableErrorType,
} from './errors/service.js'
import type { SafeSignatureErrorType } from './errors/signature.js'
import { assertPlanIntegrity } from './internal/assertPlanIntegrity.js'
import { callService } from './internal/callService.js'
import { toSignatureHex } from './internal/toSignatureHex.js'
import { checkAddress } from './internal/validate.js'
import type { SafePlan, SafeSignature } from './types/safe.js'

export type ProposeSafePlanParameters = {
  /** The Transaction Service (createSafeService). */
  service: SafeService
  /** The proposing owner (or delegate); must be the signer of `signature`. */
  sender: Address
  /** The sender's signature of the plan (signSafePlan's result, or its hex). */
  signature: Hex | SafeSignature
  /** Free text (≤ 200 chars) or JSON shown as the origin in Safe{Wallet}. */
  origin?: string | undefined
}

export type ProposeSafePlanReturnType = {
  /** The proposed transaction's hash (the service's key for it). */
  safeTxHash: Hex
}

export type ProposeSafePlanErrorType =
  | InvalidAddressErrorType
  | SafeChainMismatchErrorType
  | SafePlanInputErrorType
  | SafePlanIntegrityErrorType
  | SafeServiceErrorType
  | SafeServiceResponseErrorType
  | SafeServiceUnreachableErrorType
  | SafeSignatureErrorType

/**
 * Proposes a plan to the Safe Transaction Service (api-kit
 * `proposeTransaction`), so the other owners find it in Safe{Wallet}'s queue.
 * The plan's hashes are re-checked first; the service then recomputes the
 * safeTxHash with the Safe's on-chain version and checks the sender and
 * signature. Its refusals become {@link SafeServiceError}s with the status
 * code and a hint.
 *
 * - Docs: packages/safe/README.md#proposesafeplan
 *
 * @example
 * ```ts
 * import { createSafeService, proposeSafePlan, signSafePlan } from '@storydao/safe'
 *
 * const service = createSafeService({ chainId: 31337, txServiceUrl })
 * const signature = await signSafePlan(plan, ownerKey)
 * await proposeSafePlan(plan, { service, sender: signature.signer, signature })
 * ```
 *
 * @param plan - The plan.
 * @param parameters - {@link ProposeSafePlanParameters}
 * @returns The safeTxHash.
 */
export async function proposeSafePlan(
  plan: SafePlan,
  parameters: ProposeSafePlanParameters,
): Promise<ProposeSafePlanReturnType> {
  assertPlanIntegrity(plan)
  const { service } = parameters
  if (service.chainId !== plan.chainId)
    throw new SafeChainMismatchError({
      expected: plan.chainId,
      expectedFrom: 'the plan',
      actual: service.chainId,
      actualFrom: 'the Transaction Service',
    })
  const sender = checkAddress(parameters.sender, 'sender')
  const signature = toSignatureHex(parameters.signature)
  if (plan.nonce > BigInt(Number.MAX_SAFE_INTEGER))
    throw new SafePlanInputError({
      path: 'plan.nonce',
      message: `${plan.nonce} is above what the service API accepts.`,
    })
  const { safeTx } = plan
  await callService(
    service,
    `propose Safe transaction ${plan.safeTxHash}`,
    (apiKit) =>
      apiKit.proposeTransaction({
        safeAddress: plan.safe,
        safeTransactionData: {
          to: safeTx.to,
          value: safeTx.value.toString(),
          data: safeTx.data,
          operation: safeTx.operation,
          safeTxGas: safeTx.safeTxGas.toString(),
          baseGas: safeTx.baseGas.toString(),
          gasPrice: safeTx.gasPrice.toString(),
          gasToken: safeTx.gasToken,
          refundReceiver: safeTx.refundReceiver,
          nonce: Number(safeTx.nonce),
        },
        safeTxHash: plan.safeTxHash,
        senderAddress: sender,
        senderSignature: signature,
        ...(parameters.origin === undefined
          ? {}
          : { origin: parameters.origin }),
      }),
  )
  return { safeTxHash: plan.safeTxHash }
}
