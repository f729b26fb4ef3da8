import type { Report } from '@storydao/invariants'
import type { Address, Hex } from 'viem'
import type { SafeName } from '../playbooks/internal/safeOf.js'

/** What every playbook step that builds a Safe transaction returns. */
export type SafeTransactionOutcome = {
  /** One line naming the action (`Pause AuthorCoin`). */
  title: string
  safe: Address
  safeName: SafeName
  threshold: number
  nonce: bigint
  /** The three hashes a hardware wallet shows. */
  safeTxHash: Hex
  domainHash: Hex
  messageHash: Hex
  /** The calls, in execution order, with their labels. */
  calls: { to: Address; value: bigint; label: string }[]
  /** The fork rehearsal: `ok` when the transaction succeeds and every invariant holds. */
  rehearsal: {
    ok: boolean
    invariants: number
    failed: string[]
    warnings: Report['warnings']
  }
  files: { transactionBuilder: string; report: string }
  /** Set when the transaction was sent to the Safe Transaction Service. */
  proposed: { sender: Address } | undefined
  /** The Safe{Wallet} page of the queued transaction (networks with a short name). */
  approveUrl: string | undefined
}
