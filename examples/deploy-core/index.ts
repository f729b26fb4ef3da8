// The seed's scripts/deploy-core.ts as a Safe flow: the StoryDAO release
// (deployments/releases/storydao.json: AuthorCoin, the timelock, the governor,
// the Treasury and their wiring) becomes one ops-Safe batch of CREATE2
// deployments, rehearsed on a fork, written as a Transaction Builder file and
// proposed. Contracts already in the manifest are skipped. Once the owners
// have executed it, `storydao-ops record --safe-tx <safeTxHash>` writes the
// manifest, the frontend artefacts and the change record.
//
// Run from a repository root holding deployments/ and contracts/ (built with
// forge build): npx tsx examples/deploy-core/index.ts [release.json]
// CLI equivalent: storydao-ops deploy --release deployments/releases/storydao.json --propose
import { createOpsContext, deployRelease } from '@storydao/ops-sdk'
import { exampleContext, printResult } from '../exampleContext.js'

const context = await createOpsContext(exampleContext())
const deployment = await deployRelease(context, {
  release: process.argv[2] ?? 'deployments/releases/storydao.json',
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
    safe: deployment.safe,
    nonce: deployment.nonce,
    safeTxHash: deployment.safeTxHash,
    domainHash: deployment.domainHash,
    messageHash: deployment.messageHash,
    contracts: Object.fromEntries(
      deployment.deployments.map((entry) => [entry.name, entry.address]),
    ),
    skipped: deployment.skipped,
    next: `storydao-ops record --safe-tx ${deployment.safeTxHash}`,
  })
