import { OpsError } from '@storydao/core'
import type { SafeService } from '../createSafeService.js'
import {
  SafeServiceError,
  type SafeServiceErrorReason,
  SafeServiceResponseError,
  SafeServiceUnreachableError,
} from '../errors/service.js'
import type { SafeApiKit } from './apiKit.js'
import { printableUrl, redact, redactText } from './redact.js'
import { getApiKit, serviceSecrets } from './serviceState.js'

/**
 * @internal Runs one api-kit request and turns its failures into typed
 * errors: `HttpError` → {@link SafeServiceError} (status, the service's
 * message, a hint per common case), network failures →
 * {@link SafeServiceUnreachableError}. Secrets are redacted from causes.
 */
export async function callService<T>(
  service: SafeService,
  operation: string,
  request: (apiKit: SafeApiKit) => Promise<T>,
): Promise<T> {
  const apiKit = await getApiKit(service)
  const secrets = serviceSecrets(service)
  try {
    return await request(apiKit)
  } catch (error) {
    if (error instanceof OpsError) throw error
    const cause = redact(error, secrets)
    if (isHttpError(error)) {
      const serviceMessage = redactText(serviceMessageOf(error), secrets)
      const reason = classify(error.statusCode, serviceMessage)
      throw new SafeServiceError({
        operation,
        status: error.statusCode,
        serviceMessage,
        reason,
        hint: hintFor(reason, service),
        data: error.data,
        cause,
      })
    }
    if (isNetworkError(error))
      throw new SafeServiceUnreachableError({
        operation,
        url: printableUrl(service.txServiceUrl),
        cause,
      })
    throw new SafeServiceResponseError({
      message: `The Safe Transaction Service client failed to ${operation}.`,
      metaMessages: [`Service: ${printableUrl(service.txServiceUrl)}`],
      cause,
    })
  }
}

/** node-fetch's `FetchError`, fetch's `TypeError: fetch failed`, socket errors. */
function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  if (error.name === 'FetchError' || error.name === 'AbortError') return true
  if (error instanceof TypeError && /fetch/i.test(error.message)) return true
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' && /^(E[A-Z]+|UND_ERR)/.test(code)
}

type HttpErrorLike = Error & { statusCode: number; data: unknown }

function isHttpError(error: unknown): error is HttpErrorLike {
  return (
    error instanceof Error &&
    error.name === 'HttpError' &&
    typeof (error as { statusCode?: unknown }).statusCode === 'number'
  )
}

/**
 * The service's own words. api-kit only surfaces a few body keys and falls
 * back to the status text (e.g. `Bad Request` for `{"signature": [...]}`), so
 * field errors are read from the body.
 */
function serviceMessageOf(error: HttpErrorLike): string {
  const data = error.data
  const lines: string[] = []
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    for (const [key, value] of Object.entries(data)) {
      const text = flatten(value)
      if (!text) continue
      if (['detail', 'message', 'nonFieldErrors', 'data'].includes(key))
        lines.push(text)
      else if (key !== 'code' && key !== 'arguments' && key !== 'trace')
        lines.push(`${key}: ${text}`)
    }
  } else if (Array.isArray(data)) {
    const text = flatten(data)
    if (text) lines.push(text)
  }
  return lines.length > 0 ? lines.join('; ') : String(error.message)
}

function flatten(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value)
  if (Array.isArray(value)) return value.map(flatten).filter(Boolean).join('; ')
  if (value && typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${flatten(v)}`)
      .join('; ')
  return ''
}

const patterns: readonly [RegExp, SafeServiceErrorReason][] = [
  [/does not match provided contract-tx-hash/i, 'hash-mismatch'],
  [/signature does not match sender/i, 'signature-mismatch'],
  [/is not an owner/i, 'not-owner'],
  [/is duplicated/i, 'duplicate-signature'],
  [/is not valid/i, 'invalid-signature'],
  [
    /already executed in tx-hash|was already executed in tx-hash/i,
    'nonce-executed',
  ],
  [/was already executed/i, 'already-executed'],
  [/checksum address validation failed|is not checksumed/i, 'checksum'],
]

function classify(status: number, message: string): SafeServiceErrorReason {
  for (const [pattern, reason] of patterns)
    if (pattern.test(message)) return reason
  if (status === 404) return 'not-found'
  if (status === 401 || status === 403) return 'unauthorized'
  if (status === 429) return 'rate-limited'
  if (status >= 500) return 'server-error'
  if (status === 400 || status === 422) return 'invalid-field'
  return 'unknown'
}

function hintFor(reason: SafeServiceErrorReason, service: SafeService): string {
  switch (reason) {
    case 'hash-mismatch':
      return 'The service recomputed the safeTxHash from the fields with the Safe’s on-chain VERSION() and the chain id, and got another hash: the plan was built for another Safe version or chain, or edited after hashing. Rebuild it with buildSafePlan against this chain.'
    case 'signature-mismatch':
      return 'The signature was made by another account than `sender`: propose with the signer’s own address as sender.'
    case 'not-owner':
      return 'Only current owners (or their delegates) may propose or confirm: sign with an owner key (check getOwners() on the Safe).'
    case 'duplicate-signature':
      return 'The same owner’s signature was sent more than once: send each owner’s signature once.'
    case 'invalid-signature':
      return 'The signature does not verify for that owner: sign the plan again with signSafePlan.'
    case 'nonce-executed':
      return 'A transaction with this nonce was already executed: rebuild the plan to get the next free nonce (buildSafePlan without `nonce`).'
    case 'already-executed':
      return 'This Safe transaction was already executed; there is nothing left to confirm.'
    case 'checksum':
      return 'The service only accepts EIP-55 checksummed addresses.'
    case 'not-found':
      return `The service does not know this Safe or transaction: check the safeTxHash, that it was proposed to this service (${printableUrl(service.txServiceUrl)}, chain ${service.chainId}) and, for a custom service, that txServiceUrl ends in /api.`
    case 'unauthorized':
      return 'The hosted service refused the API key: check SAFE_API_KEY (the key is never printed).'
    case 'rate-limited':
      return 'Too many requests: wait and retry, or use an API key with a higher quota.'
    case 'server-error':
      return 'The service failed internally (often its node connection): retry later.'
    case 'invalid-field':
      return 'The service rejected a field of the request; the message names it.'
    case 'unknown':
      return 'See the service message.'
  }
}
