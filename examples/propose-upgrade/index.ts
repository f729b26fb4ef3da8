// The seed's scripts/propose-upgrade.ts on the timelock route: one ops-Safe
// batch deploys the prepared implementation (CREATE2) and schedules the
// upgrade on the timelock; rehearsed with the upgrade invariants, written as a
// Transaction Builder file and proposed. (The governor route, a StoryDAO
// vote, is `storydao-ops upgrade propose --via governor`.)
//
// Run from a repository root holding deployments/ and contracts/:
//   npx tsx examples/propose-upgrade/index.ts <upgrade id>
// CLI equivalent: storydao-ops upgrade propose --id <id> --via timelock --propose
import { createOpsContext, proposeUpgrade } from '@storydao/ops-sdk'
import { exampleContext, printResult } from '../exampleContext.js'

const id = process.argv[2]
if (!id) throw new Error('usage: propose-upgrade/index.ts <upgrade id>')
const context = await createOpsContext(exampleContext())
const proposed = await proposeUpgrade(context, {
  id,
  via: 'timelock',
  propose: true,
  onStep: (message) => process.stderr.write(`→ ${message}\n`),
})
printResult({
  ok: proposed.rehearsal.ok,
  safe: proposed.safe,
  nonce: proposed.nonce,
  safeTxHash: proposed.safeTxHash,
  domainHash: proposed.domainHash,
  messageHash: proposed.messageHash,
  operationId: proposed.operationId,
})
