// The seed's scripts/emergency-pause.ts as a Safe flow: the emergency council
// Safe pauses AuthorCoin. The pause is planned on the Safe, rehearsed on a fork
// with the pause invariants, written as a Transaction Builder file and
// proposed to the Safe Transaction Service for the other owners to confirm.
//
// Run from a repository root holding deployments/ (e.g. with `storydao-ops
// local` running): npx tsx examples/emergency-pause/index.ts
// CLI equivalent: storydao-ops pause --propose
import { createOpsContext, pauseContracts } from '@storydao/ops-sdk'
import { exampleContext, printResult } from '../exampleContext.js'

const context = await createOpsContext(exampleContext())
const pause = await pauseContracts(context, {
  targets: ['AuthorCoin'],
  propose: true,
  onStep: (message) => process.stderr.write(`→ ${message}\n`),
})
printResult({
  ok: pause.rehearsal.ok,
  safe: pause.safe,
  nonce: pause.nonce,
  safeTxHash: pause.safeTxHash,
  domainHash: pause.domainHash,
  messageHash: pause.messageHash,
  paused: pause.paused,
  transactionBuilderFile: pause.files.transactionBuilder,
})
