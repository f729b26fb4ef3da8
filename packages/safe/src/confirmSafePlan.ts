import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { Hex } from 'viem'
import {
  SafePlanInputError,
  type SafePlanInputErrorType,
} from './errors/plan.js'
import type {
  SafeServiceConfigErrorType,
  SafeServiceErrorType,
  SafeServiceResponseErrorType,
  SafeServiceTimeoutErrorType,
  SafeServiceUnreachableErrorType,
} from './errors/service.js'
import type { SafeSignatureErrorType } from './errors/signature.js'
import { version } from './errors/version.js'
import { callService } from './internal/callService.js'
import { assertService } from './internal/serviceState.js'
import { toSignatureHex } from './internal/toSignatureHex.js'
import type { SafeSignature } from './types/safe.js'
import type { SafeService } from './types/service.js'

export type ConfirmSafePlanParameters = {
  /** The proposed transaction. */
  safeTxHash: Hex
  /** The owner's signature (signSafePlan's result, or its hex). */
  signature: Hex | SafeSignature
}

export type ConfirmSafePlanReturnType = {
  /** The signature as the service stored it. */
  signature: Hex
}

export type ConfirmSafePlanErrorType =
  | MissingParameterErrorType
  | SafePlanInputErrorType
  | SafeServiceErrorType
  | SafeServiceResponseErrorType
  | SafeServiceTimeoutErrorType
  | SafeServiceConfigErrorType
  | SafeServiceUnreachableErrorType
  | SafeSignatureErrorType

/**
 * Adds an owner's confirmation (signature) to a transaction already on the
 * Transaction Service (`POST /v1/multisig-transactions/{safeTxHash}/confirmations/`). The service checks the
 * signer is an owner; refusals become {@link SafeServiceError}s. Never
 * retried: a confirmation that timed out may have been stored.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#confirmsafeplan
 *
 * @example
 * ```ts
 * import { confirmSafePlan, signSafePlan } from '@storydao/safe'
 *
 * await confirmSafePlan(service, {
 *   safeTxHash: plan.safeTxHash,
 *   signature: await signSafePlan({ plan, account: secondOwnerKey }),
 * })
 * ```
 *
 * @param service - The Transaction Service.
 * @param parameters - {@link ConfirmSafePlanParameters}
 * @returns The stored signature.
 */
export async function confirmSafePlan(
  service: SafeService,
  parameters: ConfirmSafePlanParameters,
): Promise<ConfirmSafePlanReturnType> {
  assertService('confirmSafePlan', service)
  assertParameters('confirmSafePlan', parameters, ['safeTxHash', 'signature'], {
    version,
  })
  const { safeTxHash, signature } = parameters
  if (typeof safeTxHash !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(safeTxHash))
    throw new SafePlanInputError({
      path: 'safeTxHash',
      message: 'expected 0x followed by 64 hex digits.',
    })
  const hex = toSignatureHex(signature)
  const hash = safeTxHash.toLowerCase()
  const response = await callService<{ signature?: string } | undefined>(
    service,
    {
      operation: `confirm Safe transaction ${safeTxHash}`,
      method: 'POST',
      path: `/v1/multisig-transactions/${hash}/confirmations/`,
      body: { signature: hex },
    },
  )
  return { signature: (response?.signature as Hex | undefined) ?? hex }
}
