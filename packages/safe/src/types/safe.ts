import type { Call } from '@storydao/core'
import type { Address, Hex } from 'viem'

/** Safe operation: `0` CALL, `1` DELEGATECALL. */
export type SafeOperation = 0 | 1

/**
 * The EIP-712 `SafeTx` message: the fields `execTransaction` takes (plus the
 * nonce), exactly as hashed by `getTransactionHash`.
 */
export type SafeTransaction = {
  /** Target of the Safe's call (MultiSendCallOnly for batches). */
  to: Address
  /** Wei sent. */
  value: bigint
  /** Calldata. */
  data: Hex
  /** `0` CALL, `1` DELEGATECALL. */
  operation: SafeOperation
  /** Gas for the inner call (`0` = all available; the Safe then reverts if the call fails). */
  safeTxGas: bigint
  /** Gas paid back to the relayer on top of the call (`0` without refunds). */
  baseGas: bigint
  /** Refund gas price (`0` = no refund). */
  gasPrice: bigint
  /** Refund token (zero address = ether). */
  gasToken: Address
  /** Refund receiver (zero address = `tx.origin`). */
  refundReceiver: Address
  /** The Safe nonce this transaction consumes. */
  nonce: bigint
}

/**
 * A call in a Safe plan: core's {@link Call}, or (only with
 * `allowDelegateCall: true`) a delegatecall.
 */
export type SafePlanCall = Omit<Call, 'operation'> & {
  /** `'call'`, or `'delegatecall'` for an explicitly allowed delegatecall. */
  operation: 'call' | 'delegatecall'
}

/**
 * A Safe transaction ready to sign, with the three hashes a hardware wallet
 * shows and the calls it is made of.
 */
export type SafePlan = {
  /** Chain the Safe lives on (part of the EIP-712 domain from Safe 1.3.0 on). */
  chainId: number
  /** The Safe (EIP-712 `verifyingContract`). */
  safe: Address
  /** The Safe's `VERSION()`. */
  safeVersion: string
  /** Nonce the transaction consumes (same as `safeTx.nonce`). */
  nonce: bigint
  /** The EIP-712 message. */
  safeTx: SafeTransaction
  /** `keccak256(0x1901 ‖ domainHash ‖ messageHash)`: what owners sign and `getTransactionHash` returns. */
  safeTxHash: Hex
  /** EIP-712 domain separator (the Safe's `domainSeparator()`). */
  domainHash: Hex
  /** EIP-712 struct hash of `safeTx`. */
  messageHash: Hex
  /** The calls, in execution order (one call, or the MultiSendCallOnly batch). */
  calls: readonly SafePlanCall[]
  /** Things a signer must know (delegatecall, nonce gaps, replaced transactions…). */
  warnings: readonly string[]
}

/**
 * Signature kinds this package encodes for `execTransaction`: `EOA` (EIP-712,
 * v 27/28), `ETH_SIGN` (v 31/32, `eth_sign` of the safeTxHash),
 * `APPROVED_HASH` (owner called `approveHash` or is the executor; v 1) and
 * `CONTRACT_SIGNATURE` (EIP-1271 owner; v 0).
 */
export type SafeSignatureType =
  | 'EOA'
  | 'ETH_SIGN'
  | 'APPROVED_HASH'
  | 'CONTRACT_SIGNATURE'

/** One owner's signature of a safeTxHash. */
export type SafeSignature = {
  /** The owner. */
  signer: Address
  /**
   * `EOA`/`ETH_SIGN`: 65 bytes `r ‖ s ‖ v`. `APPROVED_HASH`: ignored (derived
   * from `signer`; `0x` is fine). `CONTRACT_SIGNATURE`: the bytes passed to the
   * owner's `isValidSignature`, or the service's standalone form
   * `{owner}{65}{0}{length}{bytes}`.
   */
  signature: Hex
  /** Signature kind. */
  type: SafeSignatureType
}

/** A MultiSendCallOnly release with a canonical deployment. */
export type MultiSendCallOnlyVersion = '1.3.0' | '1.4.1' | '1.5.0'
