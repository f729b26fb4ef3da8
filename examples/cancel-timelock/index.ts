// The seed's scripts/cancel-timelock.ts as a Safe flow: every pending timelock
// operation nobody proposed (UNKNOWN: no manifest upgrade entry, no queued
// Safe proposal) is cancelled by one emergency-Safe transaction, rehearsed on
// a fork and proposed to the Safe Transaction Service.
//
// Run from a repository root holding deployments/: npx tsx examples/cancel-timelock/index.ts
// CLI equivalent: storydao-ops timelock list && storydao-ops timelock cancel <id> --propose
import {
  cancelTimelockOperations,
  createOpsContext,
  listTimelockOperations,
} from '@storydao/ops-sdk'
import { exampleContext, printResult } from '../exampleContext.js'

const context = await createOpsContext(exampleContext())
const { operations } = await listTimelockOperations(context, {
  states: ['pending', 'ready'],
})
const unknown = operations.filter((operation) => !operation.known)
for (const operation of operations)
  process.stderr.write(
    `${operation.known ? 'known  ' : 'UNKNOWN'} ${operation.id} ${operation.state}\n`,
  )
if (unknown.length === 0) {
  printResult({ ok: true, cancelled: [] })
} else {
  const cancel = await cancelTimelockOperations(context, {
    operations: unknown.map((operation) => operation.id),
    propose: true,
    onStep: (message) => process.stderr.write(`→ ${message}\n`),
  })
  printResult({
    ok: cancel.rehearsal.ok,
    cancelled: cancel.cancelled,
    safe: cancel.safe,
    nonce: cancel.nonce,
    safeTxHash: cancel.safeTxHash,
    domainHash: cancel.domainHash,
    messageHash: cancel.messageHash,
  })
}
