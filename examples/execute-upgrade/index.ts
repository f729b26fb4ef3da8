// The seed's scripts/execute-upgrade.ts: after the timelock delay, one
// ops-Safe transaction executes the upgrade (the timelock's or the governor's
// `execute`), rehearsed with the upgrade invariants and proposed; refused
// before the delay with the time left. After it runs, `storydao-ops upgrade
// validate --id <id>` checks the Upgraded event, the slot, the code and the
// invariants and writes the upgrade log.
//
// Run from a repository root holding deployments/ and contracts/:
//   npx tsx examples/execute-upgrade/index.ts <upgrade id>
// CLI equivalent: storydao-ops upgrade execute --id <id> --propose
import { createOpsContext, executeUpgrade } from '@storydao/ops-sdk'
import { exampleContext, printResult } from '../exampleContext.js'

const id = process.argv[2]
if (!id) throw new Error('usage: execute-upgrade/index.ts <upgrade id>')
const context = await createOpsContext(exampleContext())
const executing = await executeUpgrade(context, {
  id,
  propose: true,
  onStep: (message) => process.stderr.write(`→ ${message}\n`),
})
printResult({
  ok: executing.rehearsal.ok,
  route: executing.route,
  safe: executing.safe,
  nonce: executing.nonce,
  safeTxHash: executing.safeTxHash,
  operationId: executing.operationId,
  next: `storydao-ops upgrade validate --id ${id}`,
})
