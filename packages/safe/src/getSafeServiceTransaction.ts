import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { Hex } from 'viem'
import {
  SafePlanInputError,
  type SafePlanInputErrorType,
} from './errors/plan.js'
import {
  type SafeServiceConfigErrorType,
  type SafeServiceErrorType,
  SafeServiceResponseError,
  type SafeServiceResponseErrorType,
  type SafeServiceTimeoutErrorType,
  type SafeServiceUnreachableErrorType,
} from './errors/service.js'
import { version } from './errors/version.js'
import { callService } from './internal/callService.js'
import { assertService } from './internal/serviceState.js'
import type { SafeService, SafeServiceTransaction } from './types/service.js'

export type GetSafeServiceTransactionParameters = {
  /** The transaction's safeTxHash. */
  safeTxHash: Hex
}

export type GetSafeServiceTransactionReturnType = SafeServiceTransaction

export type GetSafeServiceTransactionErrorType =
  | MissingParameterErrorType
  | SafePlanInputErrorType
  | SafeServiceErrorType
  | SafeServiceResponseErrorType
  | SafeServiceTimeoutErrorType
  | SafeServiceConfigErrorType
  | SafeServiceUnreachableErrorType

/**
 * One transaction as the Transaction Service stores it, queued or executed,
 * fields and claimed safeTxHash as sent: nothing is hashed again, so a
 * reviewer can show where a service's record and its hash disagree (use
 * getQueuedSafePlans for plans whose hashes were checked). An unknown hash is
 * a {@link SafeServiceError} with status 404 (reason `not-found`); reads are
 * retried like getQueuedSafePlans'.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#getsafeservicetransaction
 *
 * @example
 * ```ts
 * import { createSafeService, getSafeServiceTransaction } from '@storydao/safe'
 *
 * const service = createSafeService({ chainId: 11155111 }) // reads SAFE_API_KEY
 * const record = await getSafeServiceTransaction(service, { safeTxHash })
 * console.log(record.safe, record.nonce, record.isExecuted)
 * ```
 *
 * @param service - The Transaction Service (createSafeService).
 * @param parameters - {@link GetSafeServiceTransactionParameters}
 * @returns The service's record.
 * @throws {SafePlanInputError} When `safeTxHash` is not 32 bytes of hex.
 * @throws {SafeServiceError} When the service refuses (404: it has no such transaction).
 */
export async function getSafeServiceTransaction(
  service: SafeService,
  parameters: GetSafeServiceTransactionParameters,
): Promise<GetSafeServiceTransactionReturnType> {
  assertService('getSafeServiceTransaction', service)
  assertParameters('getSafeServiceTransaction', parameters, ['safeTxHash'], {
    version,
  })
  const { safeTxHash } = parameters
  if (typeof safeTxHash !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(safeTxHash))
    throw new SafePlanInputError({
      path: 'safeTxHash',
      message: 'expected 0x followed by 64 hex digits.',
    })
  const record = await callService<SafeServiceTransaction | undefined>(
    service,
    {
      operation: `read Safe transaction ${safeTxHash}`,
      method: 'GET',
      path: `/v2/multisig-transactions/${safeTxHash}/`,
    },
  )
  if (!record || typeof record !== 'object' || Array.isArray(record))
    throw new SafeServiceResponseError({
      message: `The service answered the read of ${safeTxHash} with no transaction.`,
    })
  return record
}
