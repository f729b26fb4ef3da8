import { relative } from 'node:path'
import type { SafeTransactionOutcome } from '../types/safeTransactionOutcome.js'

/** How the demo reports progress: a numbered step, then indented details. */
export type DemoLog = {
  step(message: string): void
  detail(message: string): void
}

/** The lines a signer checks for every Safe transaction the demo builds. */
export function logSafeTransaction(
  log: DemoLog,
  outcome: SafeTransactionOutcome,
  root: string,
): void {
  log.detail(
    `${outcome.safeName} Safe ${outcome.safe}, nonce ${outcome.nonce}: ${outcome.title}`,
  )
  log.detail(`safeTxHash  ${outcome.safeTxHash}`)
  log.detail(`domainHash  ${outcome.domainHash}`)
  log.detail(`messageHash ${outcome.messageHash}`)
  log.detail(
    `rehearsal ${outcome.rehearsal.ok ? 'passed' : 'FAILED'} (${outcome.rehearsal.invariants} invariants); file ${relative(root, outcome.files.transactionBuilder)}`,
  )
}
