import {
  assertParameters,
  type InvalidAddressErrorType,
  isHexEqual,
  type MissingParameterErrorType,
} from '@storydao/core'
import {
  type Address,
  getAddress,
  type Hex,
  isAddressEqual,
  zeroAddress,
} from 'viem'
import { decodeSafeTransaction } from './decodeSafeTransaction.js'
import {
  type SafeServiceConfigErrorType,
  type SafeServiceErrorType,
  SafeServiceResponseError,
  type SafeServiceResponseErrorType,
  type SafeServiceTimeoutErrorType,
  type SafeServiceUnreachableErrorType,
} from './errors/service.js'
import { version } from './errors/version.js'
import { hashSafeTransaction } from './hashSafeTransaction.js'
import { callService } from './internal/callService.js'
import { fetchServiceQueue } from './internal/serviceQueue.js'
import { assertService } from './internal/serviceState.js'
import type { ServiceSafeInfo } from './internal/serviceTypes.js'
import { checkAddress, checkSafeTransaction } from './internal/validate.js'
import type {
  SafePlan,
  SafePlanCall,
  SafeSignature,
  SafeSignatureType,
  SafeTransaction,
} from './types/safe.js'
import type { SafeService, SafeServiceTransaction } from './types/service.js'

/** An owner's confirmation as stored by the service; usable as a signature for executeSafePlan. */
export type SafeConfirmation = SafeSignature & {
  /** When the service received it (ISO 8601). */
  submissionDate: string
}

/** A transaction waiting in the service queue, as a plan plus its confirmations. */
export type QueuedSafePlan = SafePlan & {
  /** Confirmations collected so far (one per owner). */
  confirmations: SafeConfirmation[]
  /** Signatures needed (the Safe's threshold). */
  confirmationsRequired: number
  /** Who proposed it. */
  proposer: Address | undefined
  /** When it was proposed (ISO 8601). */
  submissionDate: string
  /** The proposal's `origin` text, if any. */
  origin: string | undefined
}

export type GetQueuedSafePlansParameters = {
  /** The Safe whose queue to read. */
  safe: Address
}

export type GetQueuedSafePlansReturnType = QueuedSafePlan[]

export type GetQueuedSafePlansErrorType =
  | InvalidAddressErrorType
  | MissingParameterErrorType
  | SafeServiceTimeoutErrorType
  | SafeServiceErrorType
  | SafeServiceResponseErrorType
  | SafeServiceConfigErrorType
  | SafeServiceUnreachableErrorType

const signatureTypes: Record<string, SafeSignatureType> = {
  EOA: 'EOA',
  ETH_SIGN: 'ETH_SIGN',
  APPROVED_HASH: 'APPROVED_HASH',
  CONTRACT_SIGNATURE: 'CONTRACT_SIGNATURE',
}

/**
 * The Safe's pending transactions on the Transaction Service (not executed,
 * nonce ≥ the Safe's current nonce), lowest nonce first, each turned back
 * into a plan with its confirmations. Every transaction's fields are hashed
 * again here: one whose safeTxHash does not match is refused, never shown.
 * Batches through MultiSendCallOnly are decoded into their calls.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#getqueuedsafeplans
 *
 * @example
 * ```ts
 * import { executeSafePlan, getQueuedSafePlans } from '@storydao/safe'
 *
 * const [next] = await getQueuedSafePlans(service, { safe })
 * if (next && next.confirmations.length >= next.confirmationsRequired)
 *   await executeSafePlan(walletClient, {
 *     plan: next,
 *     signatures: next.confirmations,
 *   })
 * ```
 *
 * @param service - The Transaction Service.
 * @param parameters - {@link GetQueuedSafePlansParameters}
 * @returns The queue, by nonce then submission time.
 */
export async function getQueuedSafePlans(
  service: SafeService,
  parameters: GetQueuedSafePlansParameters,
): Promise<GetQueuedSafePlansReturnType> {
  assertService('getQueuedSafePlans', service)
  assertParameters('getQueuedSafePlans', parameters, ['safe'], { version })
  const safe = checkAddress(parameters.safe, 'safe')
  const info = await readSafeInfo(service, safe)
  const queued = await fetchServiceQueue(service, safe, {
    minNonce: info.nonce,
  })
  const plans = queued
    .filter((tx) => !tx.isExecuted)
    .map((tx) =>
      toQueuedPlan(tx, {
        chainId: service.chainId,
        safe,
        safeVersion: info.version,
        threshold: info.threshold,
      }),
    )
  warnSharedNonces(plans)
  return plans.sort((a, b) =>
    a.nonce === b.nonce
      ? a.submissionDate.localeCompare(b.submissionDate)
      : a.nonce < b.nonce
        ? -1
        : 1,
  )
}

/** The Safe's version (needed to hash), nonce and threshold, as the service reports them. */
async function readSafeInfo(
  service: SafeService,
  safe: Address,
): Promise<{ version: string; nonce: bigint; threshold: number }> {
  const info = await callService<ServiceSafeInfo | undefined>(service, {
    operation: `read Safe ${safe}`,
    method: 'GET',
    path: `/v1/safes/${safe}/`,
  })
  const safeVersion = info?.version
  if (typeof safeVersion !== 'string' || safeVersion === '')
    throw new SafeServiceResponseError({
      message: `The service did not report the version of Safe ${safe}, so its transactions cannot be hashed.`,
    })
  try {
    return {
      version: safeVersion,
      nonce: BigInt(info!.nonce),
      threshold: Number(info!.threshold),
    }
  } catch (cause) {
    throw new SafeServiceResponseError({
      message: `The service reported an invalid nonce for Safe ${safe}.`,
      cause,
    })
  }
}

function warnSharedNonces(plans: readonly QueuedSafePlan[]): void {
  const byNonce = new Map<bigint, number>()
  for (const plan of plans)
    byNonce.set(plan.nonce, (byNonce.get(plan.nonce) ?? 0) + 1)
  for (const plan of plans) {
    const count = byNonce.get(plan.nonce)!
    if (count > 1)
      (plan.warnings as string[]).push(
        `${count} queued transactions share nonce ${plan.nonce}: only one can ever execute.`,
      )
  }
}

function toQueuedPlan(
  tx: SafeServiceTransaction,
  context: {
    chainId: number
    safe: Address
    safeVersion: string
    threshold: number
  },
): QueuedSafePlan {
  let safeTx: SafeTransaction
  try {
    safeTx = checkSafeTransaction({
      to: tx.to,
      value: BigInt(tx.value),
      data: tx.data ?? '0x',
      operation: tx.operation,
      safeTxGas: BigInt(tx.safeTxGas),
      baseGas: BigInt(tx.baseGas),
      gasPrice: BigInt(tx.gasPrice),
      gasToken: tx.gasToken ?? zeroAddress,
      refundReceiver: tx.refundReceiver ?? zeroAddress,
      nonce: BigInt(tx.nonce),
    })
  } catch (cause) {
    throw new SafeServiceResponseError({
      message: `The service returned a malformed transaction ${tx.safeTxHash}.`,
      cause,
    })
  }
  const hashes = hashSafeTransaction({ ...context, safeTx })
  if (
    typeof tx.safeTxHash !== 'string' ||
    !isHexEqual(hashes.safeTxHash, tx.safeTxHash as Hex)
  )
    throw new SafeServiceResponseError({
      message: `The service listed a transaction whose fields do not hash to its safeTxHash.`,
      metaMessages: [
        `Service safeTxHash:  ${tx.safeTxHash}`,
        `Computed safeTxHash: ${hashes.safeTxHash} (Safe ${context.safeVersion}, chain ${context.chainId})`,
      ],
    })

  const warnings: string[] = []
  const calls = toCalls(safeTx, context.safe, warnings)
  const confirmations: SafeConfirmation[] = []
  for (const confirmation of tx.confirmations ?? []) {
    const type = signatureTypes[confirmation.signatureType]
    if (!type) {
      warnings.push(
        `Confirmation by ${confirmation.owner} is a ${confirmation.signatureType} signature, which this package cannot use.`,
      )
      continue
    }
    confirmations.push({
      signer: getAddress(confirmation.owner),
      signature: confirmation.signature as Hex,
      type,
      submissionDate: confirmation.submissionDate,
    })
  }

  return {
    chainId: context.chainId,
    safe: context.safe,
    safeVersion: context.safeVersion,
    nonce: safeTx.nonce,
    safeTx,
    ...hashes,
    calls,
    warnings,
    confirmations,
    confirmationsRequired: tx.confirmationsRequired ?? context.threshold,
    proposer: tx.proposer ? getAddress(tx.proposer) : undefined,
    submissionDate: tx.submissionDate,
    origin: tx.origin || undefined,
  }
}

/** The plan's calls: what decodeSafeTransaction says the Safe executes. */
function toCalls(
  safeTx: SafeTransaction,
  safe: Address,
  warnings: string[],
): SafePlanCall[] {
  const { kind, calls } = decodeSafeTransaction(safeTx)
  if (kind === 'batch')
    return calls.map((call, index) => ({
      ...call,
      label: `Batch call ${index + 1} of ${calls.length}`,
    }))
  if (kind === 'delegatecall')
    warnings.push(
      `DELEGATECALL to ${safeTx.to}: its code runs as the Safe itself, with the Safe’s storage and funds. Verify the target’s code before signing.`,
    )
  const rejection =
    isAddressEqual(safeTx.to, safe) &&
    safeTx.value === 0n &&
    safeTx.data === '0x'
  return calls.map((call) => ({
    ...call,
    label: rejection
      ? `Reject the Safe transaction(s) queued at nonce ${safeTx.nonce}`
      : 'Queued Safe transaction',
  }))
}
