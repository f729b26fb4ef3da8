// Incident playbook, "if funds are at risk, pause AuthorCoin": the emergency
// council Safe pauses the token. Built, rehearsed with the pause invariants
// (supply, cap and balances unchanged, paused() true), exported as a
// Transaction Builder file, approved through the Transaction Service and
// executed. Only the timelock can unpause afterwards.
//
// Run: cd examples && npx tsx --conditions=source incident_pause/index.ts
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  assertSafePlan,
  authorCoinAbi,
  buildPause,
  buildSafePlan,
  createFork,
  createSafeService,
  getDefaultInvariants,
  renderReport,
  toTransactionBuilderBatch,
} from '@storydao/ops-sdk'
import { startLocalStack } from '@storydao/testkit'
import { approveAndExecute } from '../shared/approveAndExecute.js'
import { createStepLog } from '../shared/step.js'

const out =
  process.env.DEMO_OUT_DIR ?? mkdtempSync(join(tmpdir(), 'storydao-pause-'))
const { step, log, done } = createStepLog(
  'Incident: emergency pause of AuthorCoin',
)

step('Start the local stack')
const stack = await startLocalStack({ txService: true })
try {
  const { client, manifest } = stack
  const emergency = manifest.safes.emergency
  const coin = manifest.contracts.AuthorCoin
  if (!emergency || !coin) throw new Error('unexpected manifest')
  const service = createSafeService({
    chainId: stack.chainId,
    txServiceUrl: stack.txServiceUrl,
  })

  step('Build the pause as an emergency-Safe transaction')
  const plan = await buildSafePlan(client, {
    safe: emergency.address,
    calls: [buildPause({ target: coin.address })],
    service,
  })
  log(
    `safeTxHash ${plan.safeTxHash} (domain ${plan.domainHash}, message ${plan.messageHash})`,
  )

  step('Rehearse on a fork with the pause invariants')
  const fork = await createFork({ rpcUrl: stack.rpcUrl })
  try {
    const report = await assertSafePlan(fork, {
      plan,
      manifest,
      invariants: getDefaultInvariants({ manifest, action: 'pause' }),
    })
    writeFileSync(
      join(out, 'pause-report.md'),
      renderReport({ report, format: 'markdown' }),
    )
    log(`${report.invariants.length} invariants hold`)
  } finally {
    await fork.stop()
  }

  step('Export the Transaction Builder file')
  const batch = toTransactionBuilderBatch({
    plan,
    name: 'Emergency pause: AuthorCoin',
    description: 'Incident response: pause AuthorCoin transfers.',
  })
  writeFileSync(
    join(out, 'pause-batch.json'),
    `${JSON.stringify(batch, null, 2)}\n`,
  )
  log(join(out, 'pause-batch.json'))

  step('Council signers approve; execute from the queue')
  const transactionHash = await approveAndExecute({
    plan,
    service,
    owners: stack.accounts.emergencyOwners.slice(0, emergency.threshold),
    executor: client,
    origin: 'storydao-ops incident: pause',
    log,
  })
  const paused = await client.readContract({
    address: coin.address,
    abi: authorCoinAbi,
    functionName: 'paused',
  })
  if (!paused) throw new Error('AuthorCoin is not paused')
  log('AuthorCoin.paused() = true')
  process.stdout.write(
    `${JSON.stringify({ ok: true, paused, safeTxHash: plan.safeTxHash, transactionHash, outDir: out })}\n`,
  )
  done()
} finally {
  await stack.stop()
}
