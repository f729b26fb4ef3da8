import { OpsError } from '@storydao/core'
import {
  SafeServiceError,
  type SafeServiceErrorReason,
  SafeServiceResponseError,
  SafeServiceTimeoutError,
  SafeServiceUnreachableError,
} from '../errors/service.js'
import type { SafeService } from '../types/service.js'
import { printableUrl, redact, redactText } from './redact.js'
import { serviceEndpoint, serviceSecrets } from './serviceState.js'

/** @internal One request to the service. */
export type ServiceRequest = {
  /** What the caller was doing, for messages (`read Safe 0x…`). */
  operation: string
  /** `GET` requests are idempotent and retried; `POST`s never are. */
  method: 'GET' | 'POST'
  /** The endpoint below the base URL (`/v1/safes/0x…/`), trailing slash included. */
  path: string
  /** Query parameters, in this order; `undefined` ones are left out. */
  query?: Record<string, string | number | boolean | undefined> | undefined
  /** JSON body (POST). */
  body?: unknown
}

const timedOut = Symbol('timed out')

/**
 * @internal Sends one request to the service the way api-kit 4 did (same
 * URLs, headers and bodies: docs/safe-transaction-service.md#how-api-kit-reaches-the-service)
 * and returns the parsed JSON answer (`undefined` for an empty one). Each
 * attempt is aborted after the service's timeout; reads are retried with
 * exponential backoff (timeouts, network failures, 429, 5xx). Failures become
 * typed errors: no answer in time → {@link SafeServiceTimeoutError} (URL and
 * elapsed time), an HTTP error → {@link SafeServiceError} (status, the
 * service's message, a hint per common case), network failures →
 * {@link SafeServiceUnreachableError}. Secrets are redacted from causes.
 */
export async function callService<T>(
  service: SafeService,
  request: ServiceRequest,
): Promise<T> {
  const endpoint = serviceEndpoint(service)
  const url = requestUrl(endpoint.baseUrl, request)
  const attempts = request.method === 'GET' ? 1 + service.retryCount : 1
  const started = Date.now()
  for (let attempt = 1; ; attempt++) {
    try {
      return (await send(url, request, endpoint.apiKey, service.timeout)) as T
    } catch (error) {
      if (error instanceof OpsError) throw error
      if (attempt < attempts && isTransient(error)) {
        await sleep(service.retryDelay * 2 ** (attempt - 1))
        continue
      }
      if (error === timedOut)
        throw new SafeServiceTimeoutError({
          operation: request.operation,
          url: `${request.method} ${printableUrl(endpoint.baseUrl)}${request.path}`,
          elapsed: Date.now() - started,
          timeout: service.timeout,
          attempts: attempt,
        })
      throw toServiceError(error, service, endpoint.baseUrl, request.operation)
    }
  }
}

/** api-kit's URL: the base verbatim, the path, then the query in key order. */
function requestUrl(baseUrl: string, request: ServiceRequest): string {
  const url = new URL(`${baseUrl}${request.path}`)
  for (const [key, value] of Object.entries(request.query ?? {}))
    if (value !== undefined) url.searchParams.set(key, String(value))
  return url.toString()
}

/**
 * One attempt, aborted (socket closed) when it takes longer than `timeout`,
 * reading of the answer included.
 */
async function send(
  url: string,
  request: ServiceRequest,
  apiKey: string | undefined,
  timeout: number,
): Promise<unknown> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeout)
  try {
    const response = await fetch(url, {
      method: request.method,
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}),
      },
      ...(request.body === undefined
        ? {}
        : { body: JSON.stringify(request.body) }),
      signal: controller.signal,
    })
    const text = await response.text()
    if (!response.ok) throw toHttpError(response, text)
    return text ? JSON.parse(text) : undefined
  } catch (error) {
    if (controller.signal.aborted) throw timedOut
    throw error
  } finally {
    clearTimeout(timer)
  }
}

/**
 * @internal A non-2xx answer, shaped as api-kit's `HttpError` (kept as the
 * typed error's `cause`, whose message shows as `Details:`).
 */
class ServiceHttpError extends Error {
  override name = 'HttpError'
  constructor(
    readonly statusCode: number,
    message: string,
    readonly data: unknown,
  ) {
    super(message)
  }
}

/** The message key api-kit picks from an error body, in its order. */
const messageKeys = [
  'data',
  'detail',
  'message',
  'nonFieldErrors',
  'delegate',
  'safe',
  'delegator',
] as const

function toHttpError(response: Response, text: string): ServiceHttpError {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return new ServiceHttpError(response.status, response.statusText, undefined)
  }
  const body = (data ?? {}) as Record<string, unknown>
  const key = messageKeys.find((name) => body[name])
  return new ServiceHttpError(
    response.status,
    key ? String(body[key]) : response.statusText,
    data,
  )
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds))
}

/** Failures a later attempt of the same read may not meet. */
function isTransient(error: unknown): boolean {
  if (error === timedOut || isNetworkError(error)) return true
  return (
    isHttpError(error) && (error.statusCode === 429 || error.statusCode >= 500)
  )
}

function toServiceError(
  error: unknown,
  service: SafeService,
  baseUrl: string,
  operation: string,
): Error {
  const secrets = serviceSecrets(service)
  const cause = redact(networkCause(error), secrets)
  if (isHttpError(error)) {
    const serviceMessage = redactText(serviceMessageOf(error), secrets)
    const reason = classify(error.statusCode, serviceMessage)
    return new SafeServiceError({
      operation,
      status: error.statusCode,
      serviceMessage,
      reason,
      hint: hintFor(reason, service, baseUrl),
      data: error.data,
      cause,
    })
  }
  if (isNetworkError(error))
    return new SafeServiceUnreachableError({
      operation,
      url: printableUrl(baseUrl),
      cause,
    })
  return new SafeServiceResponseError({
    message: `The Safe Transaction Service client failed to ${operation}.`,
    metaMessages: [`Service: ${printableUrl(baseUrl)}`],
    cause,
  })
}

/**
 * fetch's `TypeError: fetch failed` says nothing; its cause names what went
 * wrong (`connect ECONNREFUSED 127.0.0.1:8000`), so that is what is kept.
 */
function networkCause(error: unknown): unknown {
  const inner = (error as { cause?: unknown } | null)?.cause
  return error instanceof TypeError &&
    /fetch failed/i.test(error.message) &&
    inner instanceof Error
    ? inner
    : error
}

/** fetch's `TypeError: fetch failed`, socket errors. */
function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false
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
 * The service's own words. The `HttpError` message only has a few body keys
 * and falls back to the status text (e.g. `Bad Request` for
 * `{"signature": [...]}`), so field errors are read from the body.
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

function hintFor(
  reason: SafeServiceErrorReason,
  service: SafeService,
  baseUrl: string,
): string {
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
      return `The service does not know this Safe or transaction: check the safeTxHash, that it was proposed to this service (${printableUrl(baseUrl)}, chain ${service.chainId}) and, for a custom service, that txServiceUrl ends in /api.`
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
