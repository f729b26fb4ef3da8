import { readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import {
  buildSafePlan,
  getSafeServiceTransaction,
  parseTransactionBuilderBatch,
  SafePlanInputError,
  SafeServiceConfigError,
  SafeServiceError,
  SafeServiceTimeoutError,
  SafeServiceUnreachableError,
  type SafeTransaction,
} from '@storydao/safe'
import { type Address, getAddress, type Hex, isAddress, isHex } from 'viem'
import {
  ReviewInputError,
  ReviewServiceError,
  ReviewTransactionNotFoundError,
} from '../../errors/review.js'
import type { OpsContext } from '../createOpsContext.js'

/** What to review: a queued safeTxHash, a Transaction Builder file or a raw Safe transaction. */
export type ReviewInput =
  | { safeTxHash: Hex }
  | { file: string }
  | {
      safe: Address
      safeTx: SafeTransaction
      /** Where it came from and the safeTxHash it claimed (an emergency lanes file). */
      claim?: { by: string; safeTxHash: Hex } | undefined
    }

/** @internal The Safe transaction under review and the hashes someone claimed for it. */
export type LoadedReviewInput = {
  source: 'service' | 'file' | 'transaction'
  safe: Address
  safeTx: SafeTransaction
  /** Hashes another party asserted (the service, the file's report, the user), by who asserted them. */
  claims: { by: string; safeTxHash: Hex }[]
}

/** @internal Reads the Safe transaction from wherever the user pointed. */
export async function loadReviewInput(
  context: OpsContext,
  input: ReviewInput,
): Promise<LoadedReviewInput> {
  if ('safeTxHash' in input) return loadFromService(context, input.safeTxHash)
  if ('file' in input) return loadFromFile(context, input.file)
  if (!input.safe || !input.safeTx)
    throw new ReviewInputError({
      message:
        'reviewSafeTransaction needs a safeTxHash, a file, or a safe and its safeTx.',
      details: [`Got the keys: ${Object.keys(input).join(', ') || '(none)'}`],
    })
  return {
    source: 'transaction',
    safe: getAddress(input.safe),
    safeTx: input.safeTx,
    claims: input.claim ? [input.claim] : [],
  }
}

type ServiceTransaction = Record<string, unknown>

/**
 * Reads the transaction exactly as the service stores it, fields and claimed
 * hash alike: safe's own readers refuse a transaction whose fields do not
 * hash to its safeTxHash, but a review must show that difference, not stop.
 */
async function loadFromService(
  context: OpsContext,
  safeTxHash: Hex,
): Promise<LoadedReviewInput> {
  const raw = await fetchServiceTransaction(context, safeTxHash)
  const safe = raw.safe
  if (typeof safe !== 'string' || !isAddress(safe))
    throw new ReviewServiceError({
      message: `The service's transaction ${safeTxHash} names no Safe.`,
      url: transactionUrl(context, safeTxHash),
      unreachable: false,
    })
  return {
    source: 'service',
    safe: getAddress(safe),
    safeTx: toSafeTransaction(context, safeTxHash, raw),
    claims: [
      { by: 'you (the hash you asked for)', safeTxHash },
      { by: 'the Safe Transaction Service', safeTxHash: raw.safeTxHash as Hex },
    ],
  }
}

/** For messages: the request, on the hosted service too (its key is never shown). */
function transactionUrl(context: OpsContext, safeTxHash: Hex): string {
  const base =
    context.service.txServiceUrl ??
    `(the hosted Safe Transaction Service for chain ${context.chainId})`
  return `${base}/v2/multisig-transactions/${safeTxHash}/`
}

/**
 * The service's record through safe's client (custom `txServiceUrl`, or the
 * hosted service with `SAFE_API_KEY`), its failures as review errors.
 */
async function fetchServiceTransaction(
  context: OpsContext,
  safeTxHash: Hex,
): Promise<ServiceTransaction> {
  try {
    return await getSafeServiceTransaction(context.service, { safeTxHash })
  } catch (cause) {
    if (
      cause instanceof SafeServiceConfigError ||
      cause instanceof SafePlanInputError
    )
      throw new ReviewInputError({
        message: `A safeTxHash cannot be looked up on the ${context.networkName} network: ${cause.shortMessage}`,
        details: [
          'Set txServiceUrl in deployments/networks.json (or SAFE_API_KEY for the hosted service), or review the Transaction Builder file.',
        ],
      })
    const url = transactionUrl(context, safeTxHash)
    if (cause instanceof SafeServiceError && cause.status === 404)
      throw new ReviewTransactionNotFoundError({ safeTxHash, url })
    const unreachable =
      cause instanceof SafeServiceUnreachableError ||
      cause instanceof SafeServiceTimeoutError
    throw new ReviewServiceError({
      message: unreachable
        ? `Could not read transaction ${safeTxHash} from the Safe Transaction Service.`
        : `The Safe Transaction Service answered the read of ${safeTxHash} with an error or no JSON.`,
      url,
      unreachable,
      cause,
    })
  }
}

function toSafeTransaction(
  context: OpsContext,
  safeTxHash: Hex,
  raw: ServiceTransaction,
): SafeTransaction {
  const zero = '0x0000000000000000000000000000000000000000'
  try {
    const data = raw.data ?? '0x'
    if (!isHex(data)) throw new TypeError('data is not hex')
    const operation = Number(raw.operation)
    if (operation !== 0 && operation !== 1)
      throw new TypeError(`operation ${String(raw.operation)}`)
    return {
      to: getAddress(String(raw.to)),
      value: BigInt(String(raw.value)),
      data,
      operation,
      safeTxGas: BigInt(String(raw.safeTxGas ?? 0)),
      baseGas: BigInt(String(raw.baseGas ?? 0)),
      gasPrice: BigInt(String(raw.gasPrice ?? 0)),
      gasToken: getAddress(String(raw.gasToken ?? zero)),
      refundReceiver: getAddress(String(raw.refundReceiver ?? zero)),
      nonce: BigInt(String(raw.nonce)),
    }
  } catch (cause) {
    throw new ReviewServiceError({
      message: `The service returned a malformed transaction ${safeTxHash}.`,
      url: transactionUrl(context, safeTxHash),
      unreachable: false,
      cause,
    })
  }
}

/**
 * A Transaction Builder file carries no nonce and no hash; the files this
 * CLI writes name the nonce (`<safe>-nonce-<n>-<title>.json`) and keep the
 * hashes in the `.report.md` beside them, which is the claim to check.
 */
async function loadFromFile(
  context: OpsContext,
  file: string,
): Promise<LoadedReviewInput> {
  const text = await readFile(file, 'utf8').catch((cause: unknown) => {
    throw new ReviewInputError({
      message: `Cannot read the Transaction Builder file ${file}.`,
      details: [String((cause as Error).message ?? cause)],
    })
  })
  const parsed = parseTransactionBuilderBatch({
    json: text,
    chainId: context.chainId,
  })
  if (!parsed.safe)
    throw new ReviewInputError({
      message: `${file} does not say which Safe it is for (meta.createdFromSafeAddress).`,
      details: ['Export the batch from the Transaction Builder of that Safe.'],
    })
  const nonce = nonceFromName(file)
  const plan = await buildSafePlan(context.client, {
    safe: parsed.safe,
    calls: parsed.calls,
    ...(nonce === undefined
      ? { service: context.service }
      : { nonce, replace: true }),
  })
  const claimed = await reportClaim(file)
  return {
    source: 'file',
    safe: parsed.safe,
    safeTx: plan.safeTx,
    claims: claimed
      ? [{ by: `the report beside the file (${claimed.path})`, ...claimed }]
      : [],
  }
}

function nonceFromName(file: string): bigint | undefined {
  const match = /-nonce-(\d+)-/.exec(basename(file))
  return match ? BigInt(match[1]!) : undefined
}

async function reportClaim(
  file: string,
): Promise<{ path: string; safeTxHash: Hex } | undefined> {
  const path = join(dirname(file), `${basename(file, '.json')}.report.md`)
  const report = await readFile(path, 'utf8').catch(() => undefined)
  const match = report && /safeTxHash \| `(0x[0-9a-fA-F]{64})`/.exec(report)
  return match ? { path, safeTxHash: match[1] as Hex } : undefined
}
