import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import { computeTransactionBuilderChecksum } from './computeTransactionBuilderChecksum.js'
import type {
  SafePlanInputErrorType,
  SafePlanIntegrityErrorType,
} from './errors/plan.js'
import {
  TransactionBuilderUnsupportedError,
  type TransactionBuilderUnsupportedErrorType,
} from './errors/transactionBuilder.js'
import { version } from './errors/version.js'
import { assertPlanIntegrity } from './internal/assertPlanIntegrity.js'
import { toContractInputs } from './internal/txBuilderInputs.js'
import { checkAddress } from './internal/validate.js'
import type { SafePlan } from './types/safe.js'
import type {
  TransactionBuilderBatch,
  TransactionBuilderTransaction,
} from './types/transactionBuilder.js'

export type ToTransactionBuilderBatchParameters = {
  /** The plan (its hashes are re-checked). */
  plan: SafePlan
  /** Batch name (file name in the app; not covered by the checksum). */
  name: string
  /** Description shown in the app. Default `''`. */
  description?: string | undefined
  /** Owner who prepared it. Default `''` (as the app writes). */
  createdFromOwnerAddress?: string | undefined
  /** Creation time in ms. Default `Date.now()`. */
  createdAt?: number | undefined
  /** `meta.txBuilderVersion` written. Default `'1.18.3'`. */
  txBuilderVersion?: string | undefined
}

export type ToTransactionBuilderBatchReturnType = TransactionBuilderBatch

export type ToTransactionBuilderBatchErrorType =
  | MissingParameterErrorType
  | SafePlanInputErrorType
  | SafePlanIntegrityErrorType
  | TransactionBuilderUnsupportedErrorType

/**
 * Exports a plan's calls as a Safe{Wallet} Transaction Builder batch file
 * (docs/safe-formats.md#transaction-builder-files), with a valid `meta.checksum`. Each call becomes one
 * transaction with `value` as a decimal string. When the call has an ABI
 * (`Call.abi`) and the app would encode the decoded arguments back to exactly
 * the call's calldata (docs/safe-formats.md#contract-inputs-values), the transaction carries
 * `contractMethod` and `contractInputsValues` with `data: null`, so signers
 * see the decoded call; otherwise the calldata goes in `data` (shown as
 * "Custom hex data") with `contractMethod`/`contractInputsValues` null.
 * Serialize with `JSON.stringify` (the object holds no `undefined`).
 *
 * The file carries no nonce: Safe{Wallet} picks it (and batches through
 * MultiSendCallOnly itself) when the file is imported.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#totransactionbuilderbatch
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises'
 * import { toTransactionBuilderBatch } from '@storydao/safe'
 *
 * const batch = toTransactionBuilderBatch({
 *   plan,
 *   name: 'Pause AuthorCoin',
 *   description: 'Incident 42',
 * })
 * await writeFile('pause.json', JSON.stringify(batch, null, 2))
 * ```
 *
 * @param parameters - {@link ToTransactionBuilderBatchParameters}
 * @returns The batch, checksum included.
 * @throws {TransactionBuilderUnsupportedError} For a delegatecall plan (the format only has calls).
 */
export function toTransactionBuilderBatch(
  parameters: ToTransactionBuilderBatchParameters,
): ToTransactionBuilderBatchReturnType {
  assertParameters('toTransactionBuilderBatch', parameters, ['plan', 'name'], {
    version,
  })
  const { plan } = parameters
  assertPlanIntegrity(plan)
  if (plan.calls.some((call) => call.operation !== 'call'))
    throw new TransactionBuilderUnsupportedError({
      message:
        'A delegatecall plan cannot be exported: Transaction Builder transactions are always plain calls.',
    })
  const owner = parameters.createdFromOwnerAddress
  const transactions = plan.calls.map((call): TransactionBuilderTransaction => {
    // The app uses a truthy `data` verbatim and shows it as "Custom hex data"
    // (docs/safe-formats.md#what-the-importer-does step 7): the decoded view only shows with `data: null`,
    // and only where its re-encoding is exactly `call.data`.
    const decoded = toContractInputs(call.abi, call.data)
    if (decoded)
      return {
        to: call.to,
        value: call.value.toString(),
        data: null,
        contractMethod: decoded.contractMethod,
        contractInputsValues: decoded.contractInputsValues,
      }
    return {
      to: call.to,
      value: call.value.toString(),
      data: call.data === '0x' ? null : call.data,
      contractMethod: null,
      contractInputsValues: null,
    }
  })
  const batch: TransactionBuilderBatch = {
    version: '1.0',
    chainId: String(plan.chainId),
    createdAt: parameters.createdAt ?? Date.now(),
    meta: {
      name: parameters.name,
      description: parameters.description ?? '',
      txBuilderVersion: parameters.txBuilderVersion ?? '1.18.3',
      createdFromSafeAddress: plan.safe,
      createdFromOwnerAddress:
        owner === undefined || owner === ''
          ? ''
          : checkAddress(owner, 'createdFromOwnerAddress'),
    },
    transactions,
  }
  batch.meta.checksum = computeTransactionBuilderChecksum(batch)
  return batch
}
