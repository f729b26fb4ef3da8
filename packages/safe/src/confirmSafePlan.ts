import type { Hex } from 'viem'
import type { SafeService } from './createSafeService.js'
import {
  SafePlanInputError,
  type SafePlanInputErrorType,
} from './errors/plan.js'
import type {
  SafeServiceErrorType,
  SafeServiceResponseErrorType,
  SafeServiceUnreachableErrorType,
} from './errors/service.js'
import type { SafeSignatureErrorType } from './errors/signature.js'
import { callService } from './internal/callService.js'
import { toSignatureHex } from './internal/toSignatureHex.js'
import type { SafeSignature } from './types/safe.js'

export type ConfirmSafePlanReturnType = {
  /** The signature as the service stored it. */
  signature: Hex
}

export type ConfirmSafePlanErrorType =
  | SafePlanInputErrorType
  | SafeServiceErrorType
  | SafeServiceResponseErrorType
  | SafeServiceUnreachableErrorType
  | SafeSignatureErrorType

/**
 * Adds an owner's confirmation (signature) to a transaction already on the
 * Transaction Service (api-kit `confirmTransaction`). The service checks the
 * signer is an owner; refusals become {@link SafeServiceError}s.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#confirmsafeplan
 *
 * @example
 * ```ts
 * import { confirmSafePlan, signSafePlan } from '@storydao/safe'
 *
 * await confirmSafePlan(service, plan.safeTxHash, await signSafePlan(plan, secondOwnerKey))
 * ```
 *
 * @param service - The Transaction Service.
 * @param safeTxHash - The proposed transaction.
 * @param signature - The owner's signature (signSafePlan's result, or its hex).
 * @returns The stored signature.
 */
export async function confirmSafePlan(
  service: SafeService,
  safeTxHash: Hex,
  signature: Hex | SafeSignature,
): Promise<ConfirmSafePlanReturnType> {
  if (typeof safeTxHash !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(safeTxHash))
    throw new SafePlanInputError({
      path: 'safeTxHash',
      message: 'expected 0x followed by 64 hex digits.',
    })
  const hex = toSignatureHex(signature)
  const response = await callService(
    service,
    `confirm Safe transaction ${safeTxHash}`,
    (apiKit) => apiKit.confirmTransaction(safeTxHash.toLowerCase(), hex),
  )
  return { signature: (response?.signature as Hex | undefined) ?? hex }
}
