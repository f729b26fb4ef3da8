import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import {
  SafeServiceConfigError,
  type SafeServiceConfigErrorType,
} from './errors/service.js'
import { version } from './errors/version.js'
import { hostedServiceRoot } from './internal/hostedService.js'
import { registerService } from './internal/serviceState.js'
import type { SafeService } from './types/service.js'

export type CreateSafeServiceParameters = {
  /** Chain id of the Safe(s). */
  chainId: number
  /** Custom service base URL including `/api` (e.g. the local stack's `txServiceUrl`). Default: the hosted service for the chain. */
  txServiceUrl?: string | undefined
  /**
   * API key, sent as `Authorization: Bearer` with every request. Default:
   * `process.env.SAFE_API_KEY`, but only for the hosted service (no
   * `txServiceUrl`, or one on `api.safe.global` / `api.5afe.dev`); a custom
   * URL only ever gets a key passed here.
   */
  apiKey?: string | undefined
  /** Milliseconds one request may take (default 30 000). */
  timeout?: number | undefined
  /** Extra attempts for reads after a timeout, a network failure, a 429 or a 5xx (default 2; proposals and confirmations are never retried). */
  retryCount?: number | undefined
  /** Milliseconds before the first retry, doubled for each further one (default 500). */
  retryDelay?: number | undefined
}

export type CreateSafeServiceReturnType = SafeService

export type CreateSafeServiceErrorType =
  | MissingParameterErrorType
  | SafeServiceConfigErrorType

const hostedDomains = ['api.safe.global', 'api.5afe.dev']

/**
 * Selects a Safe Transaction Service: a custom `txServiceUrl` (local stack,
 * self-hosted) or the hosted service for the chain, which needs an API key
 * (`apiKey`, else `SAFE_API_KEY` from the environment). `SAFE_API_KEY` is
 * never sent to a custom URL. Does not touch the network.
 *
 * The hosted service's URL is `https://api.safe.global/tx-service/<shortName>/api`
 * for the chains api-kit 4.2.0 lists (`eth`, `sep`, `base`, …). The
 * `STORYDAO_HOSTED_TX_SERVICE` environment variable, when set, replaces its
 * root `https://api.safe.global/tx-service` (a proxy in front of the hosted
 * service, or a test); the API key then goes there.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#createsafeservice
 *
 * @example
 * ```ts
 * import { createSafeService } from '@storydao/safe'
 *
 * // Local stack / self-hosted:
 * const local = createSafeService({ chainId: 31337, txServiceUrl: 'http://127.0.0.1:8000/api' })
 * // Hosted (reads SAFE_API_KEY):
 * const mainnet = createSafeService({ chainId: 1 })
 * ```
 *
 * @param parameters - {@link CreateSafeServiceParameters}
 * @returns A {@link SafeService} for buildSafePlan, proposeSafePlan, confirmSafePlan and getQueuedSafePlans.
 * @throws {SafeServiceConfigError} When the URL is malformed or the hosted service has no API key.
 */
export function createSafeService(
  parameters: CreateSafeServiceParameters,
): CreateSafeServiceReturnType {
  assertParameters('createSafeService', parameters, ['chainId'], { version })
  const { chainId } = parameters
  if (
    typeof chainId !== 'number' ||
    !Number.isSafeInteger(chainId) ||
    chainId <= 0
  )
    throw new SafeServiceConfigError({
      message: `Invalid chainId ${String(chainId)} for the Safe Transaction Service.`,
      hint: 'Pass the numeric chain id of the Safe, e.g. 1 or 31337.',
    })
  let txServiceUrl: string | undefined
  let hosted = parameters.txServiceUrl === undefined
  if (parameters.txServiceUrl !== undefined) {
    let url: URL
    try {
      url = new URL(parameters.txServiceUrl)
    } catch {
      throw new SafeServiceConfigError({
        message: 'txServiceUrl is not a valid URL.',
        hint: 'Pass an absolute http(s) URL ending in /api, e.g. http://127.0.0.1:8000/api.',
      })
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new SafeServiceConfigError({
        message: `txServiceUrl must be http(s), got ${url.protocol}.`,
        hint: 'Pass an absolute http(s) URL ending in /api, e.g. http://127.0.0.1:8000/api.',
      })
    // Paths (`/v1/...`) are appended to the base verbatim: no trailing slash.
    txServiceUrl = parameters.txServiceUrl.replace(/\/+$/, '')
    hosted = hostedDomains.includes(url.hostname)
  }
  // The key goes as `Authorization: Bearer` to whatever URL the service
  // has, so the environment's key only goes to Safe's own hosts; any other
  // service gets a key only when the caller passes one.
  const apiKey =
    (parameters.apiKey ??
      (hosted && typeof process !== 'undefined'
        ? process.env.SAFE_API_KEY
        : undefined)) ||
    undefined
  if (!apiKey) {
    if (hosted) throw missingKey(chainId)
    // api-kit refused any URL that merely mentions a hosted domain without a
    // key (docs/safe-transaction-service.md#how-api-kit-reaches-the-service);
    // the same URLs are refused here, saying SAFE_API_KEY does not apply.
    const mentioned = hostedDomains.find((domain) =>
      txServiceUrl?.includes(domain),
    )
    if (mentioned)
      throw new SafeServiceConfigError({
        message: `txServiceUrl mentions ${mentioned} but is not on that host, and no apiKey was passed.`,
        hint: `api-kit requires an API key for such URLs. SAFE_API_KEY is only sent to ${hostedDomains.join(' / ')}: pass \`apiKey\` explicitly, or use the service's own URL.`,
      })
  }

  const service: SafeService = Object.freeze({
    chainId,
    txServiceUrl,
    hasApiKey: Boolean(apiKey),
    timeout: checkDuration(parameters.timeout, 'timeout', 30_000),
    retryCount: checkRetryCount(parameters.retryCount),
    retryDelay: checkDuration(parameters.retryDelay, 'retryDelay', 500),
  })
  registerService(service, { apiKey, hostedRoot: readHostedRoot() })
  return service
}

/** The hosted service's root: `STORYDAO_HOSTED_TX_SERVICE` when set. */
function readHostedRoot(): string {
  const override =
    typeof process === 'undefined'
      ? undefined
      : process.env.STORYDAO_HOSTED_TX_SERVICE
  if (!override) return hostedServiceRoot
  let url: URL | undefined
  try {
    url = new URL(override)
  } catch {}
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:')
    throw new SafeServiceConfigError({
      message: 'STORYDAO_HOSTED_TX_SERVICE is not an absolute http(s) URL.',
      hint: 'Set it to the root the chain’s `/<shortName>/api` is appended to (default https://api.safe.global/tx-service), or unset it.',
    })
  return override.replace(/\/+$/, '')
}

function checkDuration(
  value: number | undefined,
  name: string,
  fallback: number,
): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
    throw new SafeServiceConfigError({
      message: `Invalid ${name} ${String(value)}: expected a positive number of milliseconds.`,
      hint: `Omit \`${name}\` for the default (${fallback} ms).`,
    })
  return value
}

function checkRetryCount(value: number | undefined): number {
  if (value === undefined) return 2
  if (!Number.isSafeInteger(value) || value < 0 || value > 10)
    throw new SafeServiceConfigError({
      message: `Invalid retryCount ${String(value)}: expected an integer from 0 to 10.`,
      hint: 'Omit `retryCount` for the default (2).',
    })
  return value
}

function missingKey(chainId: number) {
  return new SafeServiceConfigError({
    message: `The hosted Safe Transaction Service (chain ${chainId}) needs an API key.`,
    hint: 'Set SAFE_API_KEY (from https://developer.safe.global) or pass `apiKey`; or pass `txServiceUrl` for a self-hosted or local service.',
  })
}
