// The seed's scripts/prepare-upgrade.ts: checks the storage layout of the new
// implementation against the current one (OpenZeppelin upgrades-core), computes
// its CREATE2 address from forge's build and writes the `upgrades[]` entry
// (status prepared, expected implementation, calldata) to the manifest.
//
// Run from a repository root holding deployments/ and contracts/ (forge build):
//   npx tsx examples/prepare-upgrade/index.ts [Target] [NewImplementation]
// CLI equivalent: storydao-ops upgrade prepare --target AuthorCoin --to AuthorCoinV2
import { createOpsContext, prepareUpgrade } from '@storydao/ops-sdk'
import { exampleContext, printResult } from '../exampleContext.js'

const context = await createOpsContext(exampleContext())
const prepared = await prepareUpgrade(context, {
  target: process.argv[2] ?? 'AuthorCoin',
  to: process.argv[3] ?? 'AuthorCoinV2',
  call: 'initializeV2(1000000000000000000000000)',
  onStep: (message) => process.stderr.write(`→ ${message}\n`),
})
printResult({
  ok: true,
  id: prepared.upgrade.id,
  implementation: prepared.implementation,
  warnings: prepared.warnings,
})
