/**
 * @internal The part of api-kit 4's client this package calls, typed here
 * rather than imported: api-kit 4 and types-kit 3 declare
 * `declare module 'abitype' { interface Register { AddressType: string } }`,
 * which widens viem's `Address` to `string` in every program that loads their
 * declarations (ours, and through our `.d.ts`, a consumer's). api-kit 4 is
 * pinned because api-kit 5 pulls safe-deployments >= 1.37.57, which requires
 * Node 22 (see the README's "Use it from your repository").
 */
export type SafeApiKit = {
  getSafeInfo(safeAddress: string): Promise<ServiceSafeInfo>
  proposeTransaction(parameters: ServiceProposal): Promise<void>
  confirmTransaction(
    safeTxHash: string,
    signature: string,
  ): Promise<{ signature: string }>
  getMultisigTransactions(
    safeAddress: string,
    options?: {
      executed?: boolean
      ordering?: string
      limit?: number
      offset?: number
      nonce__gte?: string
    },
  ): Promise<ServiceList<ServiceMultisigTransaction>>
  getTransaction(safeTxHash: string): Promise<ServiceMultisigTransaction>
}

/** @internal api-kit's client class. */
export type SafeApiKitClass = new (config: {
  chainId: bigint
  txServiceUrl?: string
  apiKey?: string
}) => SafeApiKit

/** @internal `GET /v1/safes/{address}/` as api-kit returns it. */
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

/** @internal The body api-kit posts for a proposal. */
export type ServiceProposal = {
  safeAddress: string
  safeTransactionData: {
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
  }
  safeTxHash: string
  senderAddress: string
  senderSignature: string
  origin?: string
}

/** @internal A multisig transaction as the service lists it. */
export type ServiceMultisigTransaction = {
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
  readonly confirmations?: ServiceConfirmation[]
}

/** @internal One owner's confirmation as the service lists it. */
export type ServiceConfirmation = {
  readonly owner: string
  readonly submissionDate: string
  readonly signature: string
  readonly signatureType: string
}
