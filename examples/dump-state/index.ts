// The seed's scripts/dump-state.ts: every manifest contract (getters, proxy
// slots), Safe (owners, threshold, nonce, modules, guard), balance, role
// member and pending timelock operation at one block, written as JSON for the
// incident's forensics; compare two dumps with `storydao-ops diff-state`.
//
// Run from a repository root holding deployments/: npx tsx examples/dump-state/index.ts [out.json]
// CLI equivalent: storydao-ops dump-state --out <file>
import { createOpsContext, dumpState } from '@storydao/ops-sdk'
import { exampleContext, printResult } from '../exampleContext.js'

const context = await createOpsContext(exampleContext())
const { path, snapshot } = await dumpState(context, { out: process.argv[2] })
printResult({
  ok: true,
  path,
  blockNumber: snapshot.blockNumber,
  contracts: Object.keys(snapshot.contracts),
})
