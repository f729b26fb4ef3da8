import {
  assertParameters,
  type InvalidAddressErrorType,
  type MissingParameterErrorType,
} from '@storydao/core'
import { type Address, type Hex, isAddressEqual, size } from 'viem'
import {
  SafePlanInputError,
  type SafePlanInputErrorType,
  type SafePlanIntegrityErrorType,
} from './errors/plan.js'
import {
  SafeChainMismatchError,
  type SafeChainMismatchErrorType,
} from './errors/safeIdentity.js'
import type {
  SafeServiceConfigErrorType,
  SafeServiceErrorType,
  SafeServiceResponseErrorType,
  SafeServiceTimeoutErrorType,
  SafeServiceUnreachableErrorType,
} from './errors/service.js'
import {
  SafeSignatureError,
  type SafeSignatureErrorType,
} from './errors/signature.js'
import { version } from './errors/version.js'
import { assertPlanIntegrity } from './internal/assertPlanIntegrity.js'
import { callService } from './internal/callService.js'
import { recoverSafeSigners } from './internal/recoverSafeSigner.js'
import { assertService } from './internal/serviceState.js'
import type { ServiceProposal } from './internal/serviceTypes.js'
import { toSignatureHex } from './internal/toSignatureHex.js'
import { checkAddress } from './internal/validate.js'
import type { SafePlan, SafeSignature } from './types/safe.js'
import type { SafeService } from './types/service.js'

export type ProposeSafePlanParameters = {
  /** The plan to propose. */
  plan: SafePlan
  /** The proposing owner (or delegate); must be the signer of `signature`. */
  sender: Address
  /** The sender's signature of the plan (signSafePlan's result, or its hex). */
  signature: Hex | SafeSignature
  /** Free text or JSON shown as the origin in Safe{Wallet}: not blank, ≤ 200 characters (as the service counts them, after trimming). */
  origin?: string | undefined
}

export type ProposeSafePlanReturnType = {
  /** The proposed transaction's hash (the service's key for it). */
  safeTxHash: Hex
}

export type ProposeSafePlanErrorType =
  | InvalidAddressErrorType
  | MissingParameterErrorType
  | SafeServiceTimeoutErrorType
  | SafeChainMismatchErrorType
  | SafePlanInputErrorType
  | SafePlanIntegrityErrorType
  | SafeServiceErrorType
  | SafeServiceResponseErrorType
  | SafeServiceConfigErrorType
  | SafeServiceUnreachableErrorType
  | SafeSignatureErrorType

/**
 * Proposes a plan to the Safe Transaction Service
 * (`POST /v2/safes/{safe}/multisig-transactions/`), so the other owners find it in Safe{Wallet}'s queue.
 * Checked locally first, before any request: the plan's hashes, the chain,
 * that the signature is the sender's (the service refuses a proposal whose
 * signatures do not include its sender) and that `origin` is one the service
 * accepts. The service then recomputes the safeTxHash with the Safe's on-chain
 * version and checks the sender is an owner or delegate. Its refusals become
 * {@link SafeServiceError}s with the status code and a hint.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#proposesafeplan
 *
 * @example
 * ```ts
 * import { createSafeService, proposeSafePlan, signSafePlan } from '@storydao/safe'
 *
 * const service = createSafeService({ chainId: 31337, txServiceUrl })
 * const signature = await signSafePlan({ plan, account: ownerKey })
 * await proposeSafePlan(service, {
 *   plan,
 *   sender: signature.signer,
 *   signature,
 * })
 * ```
 *
 * @param service - The Transaction Service (createSafeService).
 * @param parameters - {@link ProposeSafePlanParameters}
 * @returns The safeTxHash.
 * @throws {SafePlanIntegrityError} When the plan's hashes do not match its fields.
 * @throws {SafeSignatureError} When the signature is malformed or not the sender's.
 * @throws {SafePlanInputError} When `origin` is blank or longer than 200 characters.
 */
export async function proposeSafePlan(
  service: SafeService,
  parameters: ProposeSafePlanParameters,
): Promise<ProposeSafePlanReturnType> {
  assertService('proposeSafePlan', service)
  assertParameters(
    'proposeSafePlan',
    parameters,
    ['plan', 'sender', 'signature'],
    { version },
  )
  const { plan } = parameters
  assertPlanIntegrity(plan)
  if (service.chainId !== plan.chainId)
    throw new SafeChainMismatchError({
      expected: plan.chainId,
      expectedFrom: 'the plan',
      actual: service.chainId,
      actualFrom: 'the Transaction Service',
    })
  const sender = checkAddress(parameters.sender, 'sender')
  const signature = toSignatureHex(parameters.signature)
  if (parameters.origin !== undefined) checkOrigin(parameters.origin)
  if (plan.nonce > BigInt(Number.MAX_SAFE_INTEGER))
    throw new SafePlanInputError({
      path: 'plan.nonce',
      message: `${plan.nonce} is above what the service API accepts.`,
    })
  await checkSender(plan.safeTxHash, signature, sender)
  const { safeTx } = plan
  const body: ServiceProposal = {
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
    contractTransactionHash: plan.safeTxHash,
    sender,
    signature,
    origin: parameters.origin,
  }
  await callService(service, {
    operation: `propose Safe transaction ${plan.safeTxHash}`,
    method: 'POST',
    path: `/v2/safes/${plan.safe}/multisig-transactions/`,
    body,
  })
  return { safeTxHash: plan.safeTxHash }
}

/** The service's `origin`: DRF `CharField(max_length=200)`, blank refused (docs/safe-transaction-service.md#proposing-a-transaction). */
const maxOriginLength = 200

function checkOrigin(origin: unknown): void {
  if (typeof origin !== 'string')
    throw new SafePlanInputError({
      path: 'origin',
      message: `expected a string, got ${origin === null ? 'null' : typeof origin}.`,
      hint: 'Omit `origin` to send none.',
    })
  // DRF trims whitespace, then counts code points.
  const trimmed = origin.trim()
  if (trimmed === '')
    throw new SafePlanInputError({
      path: 'origin',
      message: 'it is blank; the Transaction Service refuses a blank origin.',
      hint: 'Omit `origin` to send none, or describe the proposal (e.g. the tool and ticket).',
    })
  const length = [...trimmed].length
  if (length > maxOriginLength)
    throw new SafePlanInputError({
      path: 'origin',
      message: `it is ${length} characters long; the Transaction Service accepts at most ${maxOriginLength}.`,
      hint: 'Shorten it (put long descriptions in the linked ticket or the batch file instead).',
    })
}

/**
 * The service recovers every signature in the blob and refuses the proposal
 * when none is the sender's (docs/safe-transaction-service.md#validation-order): same reading here.
 */
async function checkSender(
  safeTxHash: Hex,
  signature: Hex,
  sender: Address,
): Promise<void> {
  const parsed = await recoverSafeSigners(safeTxHash, signature)
  if (parsed.length === 0)
    throw new SafeSignatureError({
      message: `The signature is ${size(signature)} bytes long; a Safe signature has at least 65.`,
      signer: sender,
    })
  const unrecovered = parsed.find(({ signer }) => signer === undefined)
  if (unrecovered)
    throw new SafeSignatureError({
      message: `Signature ${unrecovered.index} (v ${unrecovered.v}) does not recover to any address from safeTxHash ${safeTxHash}.`,
      signer: sender,
    })
  if (
    !parsed.some(
      ({ signer }) => signer !== undefined && isAddressEqual(signer, sender),
    )
  )
    throw new SafeSignatureError({
      message: `The signature is not from the sender ${sender}.`,
      signer: sender,
      metaMessages: parsed.map(
        ({ signer, type }) => `Signed by: ${signer} (${type})`,
      ),
      hint: 'The Transaction Service only accepts a proposal its sender signed: sign with the sender’s key (signSafePlan), or pass the signer as `sender`.',
    })
}
