/**
 * A Safe Transaction Service endpoint. Plain data that is safe to print: the
 * API key is kept out of it.
 */
export type SafeService = {
  /** Chain whose service this is. */
  readonly chainId: number
  /** Base URL (ending in `/api`), or `undefined` for the hosted service of the chain (`https://api.safe.global/tx-service/<shortName>/api`). */
  readonly txServiceUrl: string | undefined
  /** Whether an API key is set (the key itself is never exposed). */
  readonly hasApiKey: boolean
  /** Milliseconds one request may take before it fails with `SafeServiceTimeoutError`. */
  readonly timeout: number
  /** Extra attempts for reads (never for proposals or confirmations) after a timeout, a network failure, a 429 or a 5xx. */
  readonly retryCount: number
  /** Milliseconds before the first retry; each further retry waits twice as long. */
  readonly retryDelay: number
}
