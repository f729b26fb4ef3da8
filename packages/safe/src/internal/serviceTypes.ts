/**
 * @internal What the Safe Transaction Service answers, as far as this
 * package reads it (docs/safe-transaction-service.md#reading-transactions,
 * docs/safe-transaction-service.md#safe-and-service-info).
 */

/** @internal `GET /v1/safes/{address}/`. */
export type ServiceSafeInfo = {
  readonly address: string
  readonly nonce: string
  readonly threshold: number
  readonly owners: string[]
  readonly version: string
}

/** @internal A paginated service response. */
export type ServiceList<item> = {
  readonly count: number
  readonly results: item[]
}

/**
 * @internal The body of `POST /v2/safes/{address}/multisig-transactions/`,
 * keys in api-kit 4's order: numbers as decimal strings (the nonce as a
 * number), addresses checksummed, `origin` left out when unset.
 */
export type ServiceProposal = {
  to: string
  value: string
  data: string
  operation: number
  safeTxGas: string
  baseGas: string
  gasPrice: string
  gasToken: string
  refundReceiver: string
  nonce: number
  contractTransactionHash: string
  sender: string
  signature: string
  origin?: string | undefined
}
