import type { Address, Hex } from 'viem'
import type { DecodedLog, ReportedCall } from '../types.js'

/** An ETH balance change (from the prestate trace) or a token balance change (from `Transfer` logs). */
export type BalanceChange = {
  /** Whose balance. */
  holder: Address
  /** Manifest name of the holder, if listed. */
  holderName?: string | undefined
  /** `'ETH'` or the token. */
  asset: Address | 'ETH'
  /** Manifest name of the token, if listed. */
  assetName?: string | undefined
  /** Balance before (ETH only). */
  before?: bigint | undefined
  /** Balance after (ETH only). */
  after?: bigint | undefined
  /** Signed change. */
  delta: bigint
}

/** A storage slot the transaction changed. */
export type StorageChange = {
  /** Contract. */
  address: Address
  /** Manifest name, if listed. */
  contract?: string | undefined
  /** Slot. */
  slot: Hex
  /** Value before. */
  before: Hex
  /** Value after. */
  after: Hex
}

/** Why the Safe transaction failed. */
export type SimulationRevert = {
  /** `Error(string)` text (Safe codes expanded), `Panic(0x11)` or `CustomError(args)`. */
  reason: string
  /** Custom error name, `Error` or `Panic`, when decoded. */
  errorName?: string | undefined
  /** Raw revert data. */
  data: Hex
  /** Index of the failing call in the batch (0 for a single call), when one failed. */
  callIndex?: number | undefined
  /** The failing call, decoded. */
  call?: ReportedCall | undefined
  /** The Safe's own revert (e.g. `GS013: …`), when it differs from the call's. */
  safeReason?: string | undefined
}

/** The outcome of running a Safe plan through `execTransaction` on a fork. */
export type SafePlanSimulation = {
  /** `success`: mined and the Safe emitted `ExecutionSuccess`. */
  status: 'success' | 'reverted'
  /** Fork transaction that ran `execTransaction`. */
  transactionHash: Hex
  /** Fork block it was mined in. */
  blockNumber: bigint
  /** Gas used by `execTransaction`. */
  gasUsed: bigint
  /** The safeTxHash the Safe computed on the fork (equals the plan's). */
  safeTxHash: Hex
  /** Owner that sent `execTransaction` (its own approval counts as `msg.sender`). */
  executor: Address
  /** Owners that called `approveHash` first. */
  approvers: Address[]
  /** Inner calls decoded from the Safe transaction itself (not from the plan's `calls`). */
  calls: ReportedCall[]
  /** Logs, decoded with the manifest's ABIs. */
  logs: DecodedLog[]
  /** ETH and token balance changes. */
  balanceChanges: BalanceChange[]
  /** Storage changes, by contract then slot. */
  storageChanges: StorageChange[]
  /** Set when the transaction failed. */
  revert?: SimulationRevert | undefined
  /** Things the simulation had to adjust (e.g. a queued nonce). */
  notes: string[]
}
