// The seed's scripts/deploy-timelock.ts ("if missing") as a Safe flow: the
// timelock's own release (deployments/releases/storydao-timelock.json) is
// deployed by an ops-Safe batch only when the manifest has no StoryTimelock
// yet; otherwise nothing is planned and the result says it was skipped.
//
// Run from a repository root holding deployments/ and contracts/:
//   npx tsx examples/deploy-timelock/index.ts
// CLI equivalent: storydao-ops deploy --release deployments/releases/storydao-timelock.json --propose
import { createOpsContext, deployRelease } from '@storydao/ops-sdk'
import { exampleContext, printResult } from '../exampleContext.js'

const context = await createOpsContext(exampleContext())
const deployment = await deployRelease(context, {
  release: 'deployments/releases/storydao-timelock.json',
  propose: true,
  onStep: (message) => process.stderr.write(`→ ${message}\n`),
})
if (deployment.status === 'nothing-to-deploy')
  printResult({
    ok: true,
    status: deployment.status,
    skipped: deployment.skipped,
  })
else
  printResult({
    ok: deployment.rehearsal.ok,
    status: deployment.status,
    safeTxHash: deployment.safeTxHash,
    nonce: deployment.nonce,
    safe: deployment.safe,
    timelock: deployment.deployments[0]?.address,
  })
