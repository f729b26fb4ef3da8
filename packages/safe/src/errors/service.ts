import { OpsError } from '@storydao/core'
import { version } from './version.js'

const docsPath = 'packages/safe/README.md#errors'

/** Why the Transaction Service refused a request, as far as can be told. */
export type SafeServiceErrorReason =
  | 'hash-mismatch'
  | 'not-owner'
  | 'signature-mismatch'
  | 'invalid-signature'
  | 'duplicate-signature'
  | 'nonce-executed'
  | 'already-executed'
  | 'checksum'
  | 'invalid-field'
  | 'not-found'
  | 'unauthorized'
  | 'rate-limited'
  | 'server-error'
  | 'unknown'

export type SafeServiceErrorType = SafeServiceError & {
  name: 'SafeServiceError'
}

/**
 * The Safe Transaction Service answered with an HTTP error. `status` is the
 * status code, `serviceMessage` the service's own words, `reason` a coarse
 * classification with a matching `hint`.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors
 *
 * @example
 * ```ts
 * import { SafeServiceError, proposeSafePlan } from '@storydao/safe'
 *
 * try {
 *   await proposeSafePlan(service, { plan, sender, signature })
 * } catch (error) {
 *   if (error instanceof SafeServiceError) console.error(error.status, error.reason)
 * }
 * ```
 */
export class SafeServiceError extends OpsError {
  override name = 'SafeServiceError'
  /** HTTP status code. */
  status: number
  /** The service's message (field errors flattened as `field: message`). */
  serviceMessage: string
  /** Classification of the failure. */
  reason: SafeServiceErrorReason
  /** The parsed JSON body, when there was one. */
  data: unknown

  constructor({
    operation,
    status,
    serviceMessage,
    reason,
    hint,
    data,
    cause,
  }: {
    /** What was attempted (`propose 0x…`), shown first. */
    operation: string
    status: number
    serviceMessage: string
    reason: SafeServiceErrorReason
    hint: string
    data: unknown
    cause?: unknown
  }) {
    super(
      `Safe Transaction Service refused to ${operation} (HTTP ${status}): ${serviceMessage}`,
      { code: 'SAFE_SERVICE_ERROR', docsPath, cause, hint, version },
    )
    this.status = status
    this.serviceMessage = serviceMessage
    this.reason = reason
    this.data = data
  }
}

export type SafeServiceUnreachableErrorType = SafeServiceUnreachableError & {
  name: 'SafeServiceUnreachableError'
}

/**
 * The Transaction Service could not be reached (connection refused, DNS,
 * TLS…); no HTTP status was received.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors
 *
 * @example
 * ```ts
 * import { SafeServiceUnreachableError, getQueuedSafePlans } from '@storydao/safe'
 *
 * try {
 *   await getQueuedSafePlans(service, { safe })
 * } catch (error) {
 *   if (error instanceof SafeServiceUnreachableError) console.error(error.details)
 * }
 * ```
 */
export class SafeServiceUnreachableError extends OpsError {
  override name = 'SafeServiceUnreachableError'

  constructor({
    operation,
    url,
    cause,
  }: {
    operation: string
    url: string
    cause?: unknown
  }) {
    super(`Could not reach the Safe Transaction Service to ${operation}.`, {
      code: 'SAFE_SERVICE_UNREACHABLE',
      docsPath,
      version,
      cause,
      metaMessages: [`Service: ${url}`],
      hint: 'Check the network and `txServiceUrl` (it must include the `/api` suffix, e.g. http://127.0.0.1:8000/api).',
    })
  }
}

export type SafeServiceConfigErrorType = SafeServiceConfigError & {
  name: 'SafeServiceConfigError'
}

/**
 * The service selection is incomplete or invalid (no `txServiceUrl` and no
 * API key for the hosted service, a chain the hosted service does not know, a
 * malformed URL).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors
 *
 * @example
 * ```ts
 * import { SafeServiceConfigError, createSafeService } from '@storydao/safe'
 *
 * try {
 *   createSafeService({ chainId: 1 })
 * } catch (error) {
 *   if (error instanceof SafeServiceConfigError) console.error(error.hint)
 * }
 * ```
 */
export class SafeServiceConfigError extends OpsError {
  override name = 'SafeServiceConfigError'

  constructor({
    message,
    hint,
    cause,
  }: {
    message: string
    hint: string
    cause?: unknown
  }) {
    super(message, {
      code: 'SAFE_SERVICE_CONFIG',
      docsPath,
      cause,
      hint,
      version,
    })
  }
}

export type SafeServiceResponseErrorType = SafeServiceResponseError & {
  name: 'SafeServiceResponseError'
}

/**
 * The service answered 2xx but with data that cannot be trusted or used (a
 * transaction whose fields do not hash to its safeTxHash, a missing field…).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors
 *
 * @example
 * ```ts
 * import { SafeServiceResponseError, getQueuedSafePlans } from '@storydao/safe'
 *
 * try {
 *   await getQueuedSafePlans(service, { safe })
 * } catch (error) {
 *   if (error instanceof SafeServiceResponseError) console.error(error.shortMessage)
 * }
 * ```
 */
export class SafeServiceResponseError extends OpsError {
  override name = 'SafeServiceResponseError'

  constructor({
    message,
    metaMessages,
    cause,
  }: {
    message: string
    metaMessages?: string[] | undefined
    cause?: unknown
  }) {
    super(message, {
      code: 'SAFE_SERVICE_RESPONSE',
      docsPath,
      version,
      cause,
      metaMessages,
      hint: 'Do not sign or execute what this service returned; compare with the chain and with the proposer, and report it.',
    })
  }
}

export type SafeServiceTimeoutErrorType = SafeServiceTimeoutError & {
  name: 'SafeServiceTimeoutError'
}

/**
 * A request to the Safe Transaction Service got no answer within the
 * service's `timeout` (after the retries, for reads).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors
 *
 * @example
 * ```ts
 * import { SafeServiceTimeoutError, getQueuedSafePlans } from '@storydao/safe'
 *
 * try {
 *   await getQueuedSafePlans(service, { safe })
 * } catch (error) {
 *   if (error instanceof SafeServiceTimeoutError) console.error(error.url, error.elapsed)
 * }
 * ```
 */
export class SafeServiceTimeoutError extends OpsError {
  override name = 'SafeServiceTimeoutError'
  /** The request (method and URL, credentials removed). */
  url: string
  /** Milliseconds spent, over all attempts. */
  elapsed: number
  /** The per-request timeout, in milliseconds. */
  timeout: number
  /** Requests made. */
  attempts: number

  constructor({
    operation,
    url,
    elapsed,
    timeout,
    attempts,
  }: {
    operation: string
    url: string
    elapsed: number
    timeout: number
    attempts: number
  }) {
    super(
      `The Safe Transaction Service did not answer in time to ${operation} (${elapsed} ms).`,
      {
        code: 'SAFE_SERVICE_TIMEOUT',
        docsPath,
        version,
        metaMessages: [
          `Request:  ${url}`,
          `Elapsed:  ${elapsed} ms over ${attempts} attempt${attempts === 1 ? '' : 's'}`,
          `Timeout:  ${timeout} ms per request`,
        ],
        hint: 'The service accepted the connection but did not answer: check its health (or the proxy in front of it), or raise `timeout` in createSafeService. A proposal or confirmation that timed out may still have been stored: read the queue before sending it again.',
      },
    )
    this.url = url
    this.elapsed = elapsed
    this.timeout = timeout
    this.attempts = attempts
  }
}
