import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import {
  type ExecuteSafePlanErrorType,
  executeSafePlan,
  type GetQueuedSafePlansErrorType,
} from '@storydao/safe'
import { type Address, createWalletClient, type Hex, http } from 'viem'
import {
  ExecutorMissingError,
  type ExecutorMissingErrorType,
  SafeThresholdNotMetError,
  type SafeThresholdNotMetErrorType,
  type SafeTransactionNotQueuedErrorType,
} from '../../errors/safeQueue.js'
import { version } from '../../errors/version.js'
import type { OpsContext } from '../createOpsContext.js'
import { findQueuedTransaction } from '../internal/findQueuedTransaction.js'
import type { SafeName } from '../internal/safeOf.js'

export type ExecuteSafeTransactionParameters = {
  /** A transaction in the queue of a manifest Safe with enough confirmations. */
  safeTxHash: Hex
  /** Progress callback for long steps. */
  onStep?: ((message: string) => void) | undefined
}

export type ExecuteSafeTransactionReturnType = {
  safe: Address
  safeName: SafeName
  nonce: bigint
  safeTxHash: Hex
  domainHash: Hex
  messageHash: Hex
  /** The Ethereum transaction that executed it, and its block. */
  transactionHash: Hex
  blockNumber: bigint
  /** Who sent (and paid for) it. */
  executor: Address
  /** The owners whose signatures were used. */
  signers: Address[]
}

export type ExecuteSafeTransactionErrorType =
  | MissingParameterErrorType
  | ExecuteSafePlanErrorType
  | ExecutorMissingErrorType
  | GetQueuedSafePlansErrorType
  | SafeThresholdNotMetErrorType
  | SafeTransactionNotQueuedErrorType

/**
 * Executes a queued Safe transaction with the confirmations the Safe
 * Transaction Service collected: refuses below the threshold (naming how many
 * signatures are missing), then sends `execTransaction` from the context's
 * first signer, which need not be an owner, only funded.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/safe-queue.md
 *
 * @example
 * ```ts
 * import { createOpsContext, executeSafeTransaction } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'sepolia', signerEnv: 'RELAYER_KEY' })
 * const { transactionHash, blockNumber } = await executeSafeTransaction(context, {
 *   safeTxHash: '0x…',
 * })
 * ```
 */
export async function executeSafeTransaction(
  context: OpsContext,
  parameters: ExecuteSafeTransactionParameters,
): Promise<ExecuteSafeTransactionReturnType> {
  assertParameters('executeSafeTransaction', { context }, ['context'], {
    version,
  })
  assertParameters('executeSafeTransaction', parameters, ['safeTxHash'], {
    version,
  })
  const step = parameters.onStep ?? (() => {})
  const { safeName, plan } = await findQueuedTransaction(
    context,
    parameters.safeTxHash,
  )
  const signers = plan.confirmations.map(({ signer }) => signer)
  if (plan.confirmations.length < plan.confirmationsRequired)
    throw new SafeThresholdNotMetError({
      safeTxHash: plan.safeTxHash,
      confirmed: plan.confirmations.length,
      required: plan.confirmationsRequired,
      signers,
    })
  const [account] = context.signers
  if (!account) throw new ExecutorMissingError({ network: context.networkName })
  const wallet = createWalletClient({
    account,
    transport: http(context.rpcUrl, { timeout: 60_000, retryCount: 0 }),
  })
  step(`Execute it from ${account.address} and wait for the receipt`)
  const { transactionHash, receipt } = await executeSafePlan(wallet, {
    plan,
    signatures: plan.confirmations,
  })
  return {
    safe: plan.safe,
    safeName,
    nonce: plan.nonce,
    safeTxHash: plan.safeTxHash,
    domainHash: plan.domainHash,
    messageHash: plan.messageHash,
    transactionHash,
    blockNumber: receipt.blockNumber,
    executor: account.address,
    signers,
  }
}
