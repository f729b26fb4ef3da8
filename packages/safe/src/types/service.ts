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

/**
 * A multisig transaction exactly as the Transaction Service stores it
 * (`GET /v2/multisig-transactions/{safeTxHash}/`,
 * docs/safe-transaction-service.md#reading-transactions): numbers as decimal
 * strings, fields unverified. The fields this package reads are typed; the
 * service sends more (`transactionHash`, `executionDate`, …).
 */
export type SafeServiceTransaction = {
  readonly [field: string]: unknown
  readonly safe: string
  readonly to: string
  readonly value: string
  readonly data?: string | null
  readonly operation: number
  readonly gasToken: string
  readonly safeTxGas: string
  readonly baseGas: string
  readonly gasPrice: string
  readonly refundReceiver?: string
  readonly nonce: string
  readonly submissionDate: string
  readonly safeTxHash: string
  readonly isExecuted: boolean
  readonly isSuccessful: boolean | null
  readonly confirmationsRequired: number
  readonly proposer: string | null
  readonly origin: string
  readonly confirmations?: readonly SafeServiceConfirmation[]
}

/** One owner's confirmation as the Transaction Service stores it. */
export type SafeServiceConfirmation = {
  readonly owner: string
  readonly submissionDate: string
  readonly signature: string
  readonly signatureType: string
}
