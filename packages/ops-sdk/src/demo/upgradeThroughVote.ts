import { relative } from 'node:path'
import { authorCoinAbi, storyDaoAbi, storyTimelockAbi } from '@storydao/core'
import {
  type Address,
  createTestClient,
  createWalletClient,
  type Hex,
  http,
} from 'viem'
import type { LocalAccount } from 'viem/accounts'
import { readContract } from 'viem/actions'
import { DemoExpectationError } from '../errors/demo.js'
import type { OpsContext } from '../playbooks/createOpsContext.js'
import { refreshOpsContext } from '../playbooks/refreshOpsContext.js'
import { draftGovernorUpgrade } from '../playbooks/upgrade/draftGovernorUpgrade.js'
import { executeUpgrade } from '../playbooks/upgrade/executeUpgrade.js'
import { prepareUpgrade } from '../playbooks/upgrade/prepareUpgrade.js'
import { queueUpgrade } from '../playbooks/upgrade/queueUpgrade.js'
import { validateUpgrade } from '../playbooks/upgrade/validateUpgrade.js'
import { approveQueued } from './approveQueued.js'
import { type DemoLog, logSafeTransaction } from './demoLog.js'
import { roleAddress } from './roleAddress.js'

/** What the upgrade act leaves behind. */
export type UpgradeActResult = {
  id: string
  proposalId: bigint
  implementation: Address
  executed: { safeTxHash: Hex; transactionHash: Hex }
  proposalDraft: string
  upgradeLog: string
}

/**
 * The upgrade playbook through a StoryDAO vote: prepare (layout check,
 * CREATE2 address), the proposal as an ops-Safe transaction with its
 * rollback rehearsed and its forum draft, the token holder's vote, queue and
 * execute as ops-Safe transactions around the timelock delay, then
 * validation and the upgrade log.
 */
export async function upgradeThroughVote(
  context: OpsContext,
  {
    contracts,
    voter,
    log,
  }: { contracts: string; voter: LocalAccount; log: DemoLog },
): Promise<UpgradeActResult> {
  log.step('storydao-ops upgrade prepare: AuthorCoin → AuthorCoinV2')
  const prepared = await prepareUpgrade(context, {
    target: 'AuthorCoin',
    to: 'AuthorCoinV2',
    call: 'initializeV2(1000000000000000000000000)',
    contracts,
  })
  const id = prepared.upgrade.id
  log.detail(
    `${id}: storage layout compatible, implementation ${prepared.implementation}`,
  )

  // Votes count from the proposal's snapshot: the holder delegates first.
  await delegateVotes(context, { voter })
  log.step(
    'storydao-ops upgrade propose --via governor: the ops Safe proposes it; rollback rehearsed; forum draft',
  )
  const drafted = await draftGovernorUpgrade(await refreshOpsContext(context), {
    id,
    contracts,
    propose: true,
  })
  if (!drafted.rollback.ok || !drafted.proposed)
    throw new DemoExpectationError({
      expected: 'a proposed Safe transaction and a rollback that rehearses',
    })
  log.detail(
    `proposal ${drafted.proposalId}; rollback rehearsed (${drafted.rollback.invariants} invariants); draft ${relative(context.root, drafted.draft)}`,
  )
  logSafeTransaction(log, drafted, context.root)
  await approveQueued(context, {
    safeTxHash: drafted.safeTxHash,
    transactionBuilderFile: drafted.files.transactionBuilder,
    contracts,
    log,
  })
  await voteFor(context, { voter, drafted, log })

  log.step(
    'storydao-ops upgrade queue: the ops Safe queues the passed proposal',
  )
  const queued = await queueUpgrade(await refreshOpsContext(context), {
    id,
    contracts,
    propose: true,
  })
  if (!queued.transaction)
    throw new DemoExpectationError({
      expected: 'a Safe transaction that queues the proposal',
    })
  logSafeTransaction(log, queued.transaction, context.root)
  await approveQueued(context, {
    safeTxHash: queued.transaction.safeTxHash,
    transactionBuilderFile: queued.transaction.files.transactionBuilder,
    contracts,
    log,
  })

  log.step('The timelock delay passes (anvil moves time forward)')
  await waitOutDelay(context)

  log.step('storydao-ops upgrade execute: the ops Safe executes the upgrade')
  const executing = await executeUpgrade(await refreshOpsContext(context), {
    id,
    contracts,
    propose: true,
  })
  logSafeTransaction(log, executing, context.root)
  const executed = await approveQueued(context, {
    safeTxHash: executing.safeTxHash,
    transactionBuilderFile: executing.files.transactionBuilder,
    contracts,
    log,
  })

  log.step(
    'storydao-ops upgrade validate: events, slot, bytecode, invariants, upgrade log',
  )
  const validated = await validateUpgrade(await refreshOpsContext(context), {
    id,
    contracts,
  })
  for (const check of validated.checks)
    log.detail(`${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`)
  if (!validated.ok || !validated.files)
    throw new DemoExpectationError({ expected: `upgrade ${id} to validate` })
  return {
    id,
    proposalId: drafted.proposalId,
    implementation: prepared.implementation,
    executed: {
      safeTxHash: executing.safeTxHash,
      transactionHash: executed.transactionHash,
    },
    proposalDraft: drafted.draft,
    upgradeLog: validated.files.upgradeLog,
  }
}

/** The token holder delegates its votes to itself, before the proposal's snapshot. */
async function delegateVotes(
  context: OpsContext,
  { voter }: { voter: LocalAccount },
): Promise<void> {
  const wallet = createWalletClient({
    account: voter,
    transport: http(context.rpcUrl),
  })
  const delegated = await wallet.writeContract({
    chain: null,
    address: roleAddress(context.manifest, 'token'),
    abi: authorCoinAbi,
    functionName: 'delegate',
    args: [voter.address],
  })
  await context.client.waitForTransactionReceipt({ hash: delegated })
}

/**
 * Token holders at work on the proposal the ops Safe sent: wait out the
 * voting delay, vote For and wait out the voting period (anvil mines the
 * blocks).
 */
async function voteFor(
  context: OpsContext,
  {
    voter,
    drafted,
    log,
  }: {
    voter: LocalAccount
    drafted: { propose: { to: Address; data: Hex }; proposalId: bigint }
    log: DemoLog
  },
): Promise<void> {
  log.step(
    'Token holders vote: wait the voting delay, vote For, wait the period',
  )
  const wallet = createWalletClient({
    account: voter,
    transport: http(context.rpcUrl),
  })
  const anvil = createTestClient({
    mode: 'anvil',
    transport: http(context.rpcUrl),
  })
  const governor = drafted.propose.to
  const votingDelay = await readContract(context.client, {
    address: governor,
    abi: storyDaoAbi,
    functionName: 'votingDelay',
  })
  await anvil.mine({ blocks: Number(votingDelay) + 1 })
  const vote = await wallet.writeContract({
    chain: null,
    address: governor,
    abi: storyDaoAbi,
    functionName: 'castVote',
    args: [drafted.proposalId, 1],
  })
  await context.client.waitForTransactionReceipt({ hash: vote })
  const votingPeriod = await readContract(context.client, {
    address: governor,
    abi: storyDaoAbi,
    functionName: 'votingPeriod',
  })
  await anvil.mine({ blocks: Number(votingPeriod) + 1 })
  log.detail(
    `${voter.address} voted For; the vote closed (${votingPeriod} blocks)`,
  )
}

/** Moves anvil's clock past the timelock's minimum delay. */
async function waitOutDelay(context: OpsContext): Promise<void> {
  const anvil = createTestClient({
    mode: 'anvil',
    transport: http(context.rpcUrl),
  })
  const address = roleAddress(context.manifest, 'timelock')
  const delay = await readContract(context.client, {
    address,
    abi: storyTimelockAbi,
    functionName: 'getMinDelay',
  })
  await anvil.increaseTime({ seconds: Number(delay) + 1 })
  await anvil.mine({ blocks: 1 })
}
