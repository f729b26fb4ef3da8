// Incident playbook, "freeze upgrades by cancelling pending timelock
// operations": a queued operation (here a role grant the ops Safe scheduled)
// is found from the timelock's events and cancelled by the emergency council
// Safe, rehearsed first with the cancel invariants.
//
// Run: cd examples && npx tsx --conditions=source incident_cancel-timelock/index.ts
import {
  assertSafePlan,
  authorCoinAbi,
  buildGrantRole,
  buildSafePlan,
  buildTimelockCancel,
  createFork,
  createSafeService,
  getDefaultInvariants,
  getPendingTimelockOperations,
  prepareTimelockSchedule,
  storyTimelockAbi,
} from '@storydao/ops-sdk'
import { startLocalStack } from '@storydao/testkit'
import { keccak256, toHex } from 'viem'
import { approveAndExecute } from '../shared/approveAndExecute.js'
import { createStepLog } from '../shared/step.js'

const { step, log, done } = createStepLog(
  'Incident: cancel a pending timelock operation',
)

step('Start the local stack')
const stack = await startLocalStack({ txService: true })
try {
  const { client, manifest, accounts } = stack
  const { ops, emergency } = manifest.safes
  const timelock = manifest.contracts.StoryTimelock
  const coin = manifest.contracts.AuthorCoin
  if (!emergency || !timelock || !coin) throw new Error('unexpected manifest')
  const service = createSafeService({
    chainId: stack.chainId,
    txServiceUrl: stack.txServiceUrl,
  })

  step('Set-up: the ops Safe schedules a role grant (the operation to stop)')
  const grant = buildGrantRole({
    target: coin.address,
    abi: authorCoinAbi,
    role: 'MINTER_ROLE',
    account: accounts.stranger.address,
  })
  const schedule = await prepareTimelockSchedule(client, {
    timelock: timelock.address,
    calls: [grant],
    salt: keccak256(toHex('suspicious grant')),
    delay: 3600n,
  })
  const schedulePlan = await buildSafePlan(client, {
    safe: ops.address,
    calls: [schedule.call],
    service,
  })
  await approveAndExecute({
    plan: schedulePlan,
    service,
    owners: accounts.opsOwners.slice(0, ops.threshold),
    executor: client,
    origin: 'storydao-ops example: set-up',
    log,
  })

  step('Find pending operations from the timelock events')
  const pending = await getPendingTimelockOperations(client, {
    timelock: timelock.address,
    states: ['pending', 'ready'],
  })
  for (const operation of pending)
    log(
      `${operation.id} ${operation.state}, ${operation.calls.length} call(s), ready at ${operation.readyAt}`,
    )
  const target = pending.find(
    (operation) => operation.id === schedule.operationId,
  )
  if (!target) throw new Error('the scheduled operation is not pending')

  step('Build the cancel as an emergency-Safe transaction and rehearse it')
  const plan = await buildSafePlan(client, {
    safe: emergency.address,
    calls: [
      buildTimelockCancel({
        timelock: timelock.address,
        operationId: target.id,
      }),
    ],
    service,
  })
  const fork = await createFork({ rpcUrl: stack.rpcUrl })
  try {
    const report = await assertSafePlan(fork, {
      plan,
      manifest,
      invariants: getDefaultInvariants({
        manifest,
        action: 'timelock-cancel',
        operationIds: [target.id],
      }),
    })
    log(`${report.invariants.length} invariants hold`)
  } finally {
    await fork.stop()
  }

  step('Council signers approve; execute from the queue')
  const transactionHash = await approveAndExecute({
    plan,
    service,
    owners: accounts.emergencyOwners.slice(0, emergency.threshold),
    executor: client,
    origin: 'storydao-ops incident: cancel',
    log,
  })
  const isOperation = await client.readContract({
    address: timelock.address,
    abi: storyTimelockAbi,
    functionName: 'isOperation',
    args: [target.id],
  })
  if (isOperation) throw new Error('the operation still exists')
  log(`operation ${target.id} cancelled`)
  process.stdout.write(
    `${JSON.stringify({ ok: true, cancelled: target.id, safeTxHash: plan.safeTxHash, transactionHash })}\n`,
  )
  done()
} finally {
  await stack.stop()
}
