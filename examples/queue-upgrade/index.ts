// The seed's scripts/queue-upgrade.ts: on the governor route, an ops-Safe
// transaction that queues the passed StoryDAO proposal on the timelock
// (refused unless the proposal Succeeded); on the timelock route the propose
// batch already scheduled it, and the entry is marked queued once the chain
// shows it. Either way it says when the upgrade becomes executable.
//
// Run from a repository root holding deployments/: npx tsx examples/queue-upgrade/index.ts <upgrade id>
// CLI equivalent: storydao-ops upgrade queue --id <id> --propose
import { createOpsContext, queueUpgrade } from '@storydao/ops-sdk'
import { exampleContext, printResult } from '../exampleContext.js'

const id = process.argv[2]
if (!id) throw new Error('usage: queue-upgrade/index.ts <upgrade id>')
const context = await createOpsContext(exampleContext())
const queued = await queueUpgrade(context, {
  id,
  propose: true,
  onStep: (message) => process.stderr.write(`→ ${message}\n`),
})
printResult({
  ok: true,
  route: queued.route,
  status: queued.upgrade.status,
  operationId: queued.operationId,
  readyAt: queued.readyAt,
  safeTxHash: queued.transaction?.safeTxHash,
})
