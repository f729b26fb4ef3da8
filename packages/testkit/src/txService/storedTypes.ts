import type { Address, Hex } from 'viem'
import type { SignatureType } from './signatures.js'

// What the local Transaction Service keeps (in memory and in its state file).

/** @internal A confirmation (one owner's signature) of a stored transaction. */
export type StoredConfirmation = {
  owner: Address
  /** ISO-8601 creation time. */
  created: string
  signature: Hex
  signatureType: SignatureType
}

/** @internal How and when a stored transaction was executed on chain. */
export type StoredExecution = {
  transactionHash: Hex
  blockHash: Hex
  blockNumber: string
  executionDate: string
  executor: Address
  success: boolean
  payment: string
  ethGasPrice: string | null
  maxFeePerGas: string | null
  maxPriorityFeePerGas: string | null
  gasUsed: string | null
  signatures: Hex | null
}

/** @internal A proposed multisig transaction (big numbers as decimal strings). */
export type StoredTransaction = {
  safe: Address
  to: Address
  value: string
  /** `null` when proposed with empty data. */
  data: Hex | null
  operation: number
  safeTxGas: string
  baseGas: string
  gasPrice: string
  gasToken: Address | null
  refundReceiver: Address | null
  nonce: string
  safeTxHash: Hex
  proposer: Address
  proposedByDelegate: Address | null
  /** Parsed JSON, or the raw string when it is not JSON (as the service's JSONField). */
  origin: unknown
  trusted: boolean
  created: string
  modified: string
  confirmations: StoredConfirmation[]
  execution: StoredExecution | null
}

/** @internal A delegate of an owner, for one Safe or (`safe: null`) all of them. */
export type StoredDelegate = {
  safe: Address | null
  delegate: Address
  delegator: Address
  label: string
  expiryDate: string | null
}

/** @internal Everything the service persists. */
export type TxServiceState = {
  version: 1
  chainId: number
  /** In creation order. */
  transactions: StoredTransaction[]
  /** In creation order. */
  delegates: StoredDelegate[]
}
