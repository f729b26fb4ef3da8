import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  authorCoinV2Abi,
  loadManifest,
  storyDaoAbi,
  storyTimelockAbi,
} from '@storydao/core'
import { createSafeService, getQueuedSafePlans } from '@storydao/safe'
import { getAddress, type Hex, pad, slice } from 'viem'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { contractsDir, ensureFoundryBuild } from '../../test/foundryBuild.js'
import {
  type LocalRepository,
  startLocalRepository,
} from '../../test/localRepository.js'
import { fingerprint, runBin } from '../../test/runBin.js'

// upgrade queue, execute, validate and rollback share one local stack: each
// step needs the previous one's chain state, as the operator's run does.
let repo: LocalRepository
beforeAll(async () => {
  ensureFoundryBuild()
  repo = await startLocalRepository()
}, 300_000)
afterAll(() => repo?.stop())
beforeEach(() => repo.reset())

// The upgrade commands read the repository's Foundry build.
const run = (args: string[]) =>
  runBin(
    args[0] === 'upgrade' ? [...args, '--contracts', contractsDir] : args,
    {
      cwd: repo.root,
      env: repo.env,
      timeoutMs: 180_000,
    },
  )
const dirs = ['deployments', 'docs', 'safe-transactions']
const originalImplementation = () => {
  const coin = repo.stack.manifest.contracts.AuthorCoin!
  if (coin.kind !== 'uups-proxy') throw new Error('AuthorCoin is a UUPS proxy')
  return coin.implementation
}
const implementationSlot =
  '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc'

const manifest = () =>
  loadManifest(join(repo.root, 'deployments', 'local.json'))
const entry = async (id: string) =>
  (await manifest()).upgrades!.find((upgrade) => upgrade.id === id)!

async function ok(args: string[]): Promise<Record<string, unknown>> {
  const { code, json, stderr } = await run([...args, '--json'])
  expect(code, stderr).toBe(0)
  return json as Record<string, unknown>
}

async function prepare(id: string) {
  await ok([
    'upgrade',
    'prepare',
    '--target',
    'AuthorCoin',
    '--to',
    'AuthorCoinV2',
    '--call',
    'initializeV2(1000000000000000000000000)',
    '--id',
    id,
  ])
}

/** A queued ops-Safe transaction confirmed by a second owner and executed, as owners would. */
async function confirmAndExecute(safeTxHash: string) {
  const confirm = await run(['safe', 'confirm', safeTxHash])
  expect(confirm.code, confirm.stderr).toBe(0)
  const executed = await ok(['safe', 'execute', safeTxHash])
  return executed as { transactionHash: Hex; blockNumber: string }
}

async function travel(seconds: number) {
  await repo.stack.client.increaseTime({ seconds })
  await repo.stack.client.mine({ blocks: 1 })
}

async function governorVote(proposal: { to: Hex; data: Hex }, id: bigint) {
  const { client } = repo.stack
  const hash = await client.sendTransaction({
    account: repo.stack.accounts.deployer.address,
    to: proposal.to,
    data: proposal.data,
    chain: null,
  })
  expect((await client.waitForTransactionReceipt({ hash })).status).toBe(
    'success',
  )
  await client.mine({ blocks: 2 })
  // The deployer holds (and delegated to itself) the supply's votes.
  const vote = await client.writeContract({
    address: proposal.to,
    abi: storyDaoAbi,
    functionName: 'castVote',
    args: [id, 1],
    account: repo.stack.accounts.deployer.address,
    chain: null,
  })
  expect((await client.waitForTransactionReceipt({ hash: vote })).status).toBe(
    'success',
  )
}

const proposalState = (id: bigint) =>
  repo.stack.client.readContract({
    address: repo.stack.manifest.contracts.StoryDAO!.address,
    abi: storyDaoAbi,
    functionName: 'state',
    args: [id],
  })

describe('storydao-ops upgrade queue / execute / validate / rollback', () => {
  test('default: governor route end to end, each step refused until the chain is ready', async () => {
    const id = 'authorcoin-v2'
    await prepare(id)
    const proposed = (await ok([
      'upgrade',
      'propose',
      '--id',
      id,
      '--via',
      'governor',
    ])) as { proposalId: string; propose: { to: Hex; data: Hex } }
    const proposalId = BigInt(proposed.proposalId)
    await governorVote(proposed.propose, proposalId)
    expect(await proposalState(proposalId)).toBe(1) // Active

    // Queue before the vote ends: refused, with the state and the voting window.
    const before = fingerprint(repo.root, dirs)
    const early = await run(['upgrade', 'queue', '--id', id])
    expect(early.code).toBe(1)
    expect(early.stdout).toBe('')
    expect(early.stderr).toContain(
      `proposal ${proposalId} is Active, not Succeeded`,
    )
    expect(early.stderr).toMatch(/Voting ends in \d+ blocks/)
    expect(fingerprint(repo.root, dirs)).toEqual(before)

    await repo.stack.client.mine({ blocks: 51 })
    expect(await proposalState(proposalId)).toBe(4) // Succeeded
    const queue = (await ok(['upgrade', 'queue', '--id', id, '--propose'])) as {
      safeTxHash: Hex
      operationId: Hex
      safe: string
      route: string
    }
    expect(queue.route).toBe('governor')
    expect(queue.safe).toBe(repo.stack.manifest.safes.ops.address)
    const queued = await getQueuedSafePlans(
      createSafeService({
        chainId: 31337,
        txServiceUrl: repo.stack.txServiceUrl,
      }),
      { safe: repo.stack.manifest.safes.ops.address },
    )
    expect(queued.map((plan) => plan.safeTxHash)).toContain(queue.safeTxHash)
    await confirmAndExecute(queue.safeTxHash)
    expect(await proposalState(proposalId)).toBe(5) // Queued
    // The operation id is the timelock's.
    const timelock = repo.stack.manifest.contracts.StoryTimelock!.address
    expect(
      await repo.stack.client.readContract({
        address: timelock,
        abi: storyTimelockAbi,
        functionName: 'isOperationPending',
        args: [queue.operationId],
      }),
    ).toBe(true)

    // Execute before the delay: refused with the time left.
    const tooSoon = await run(['upgrade', 'execute', '--id', id])
    expect(tooSoon.code).toBe(1)
    expect(tooSoon.stderr).toContain('the timelock delay has not passed')
    expect(tooSoon.stderr).toMatch(/\(59 min \d+ s left\)|\(1 h left\)/)
    expect(tooSoon.stderr).toContain('Executable from')

    await travel(3601)
    const execute = (await ok([
      'upgrade',
      'execute',
      '--id',
      id,
      '--propose',
    ])) as { safeTxHash: Hex; operationId: Hex; rehearsal: { ok: boolean } }
    expect(execute.operationId).toBe(queue.operationId)
    expect(execute.rehearsal.ok).toBe(true)
    expect((await entry(id)).status).toBe('queued')
    const executed = await confirmAndExecute(execute.safeTxHash)

    const validated = (await ok(['upgrade', 'validate', '--id', id])) as {
      ok: boolean
      checks: { name: string; ok: boolean }[]
      execution: { transactionHash: Hex; blockNumber: string }
    }
    expect(validated.checks.map(({ name, ok }) => [name, ok])).toEqual([
      ['executed', true],
      ['upgraded-event', true],
      ['implementation', true],
      ['runtime-code', true],
      ['invariants', true],
    ])
    expect(validated.execution).toEqual({
      transactionHash: executed.transactionHash,
      blockNumber: executed.blockNumber,
    })
    const upgrade = await entry(id)
    expect(upgrade).toMatchObject({
      status: 'executed',
      executedTx: executed.transactionHash,
      operationId: queue.operationId,
    })
    const authorCoin = repo.stack.manifest.contracts.AuthorCoin!.address
    const slot = await repo.stack.client.getStorageAt({
      address: authorCoin,
      slot: implementationSlot,
    })
    expect(getAddress(slice(slot!, 12))).toBe(upgrade.toImplementation)
    const recorded = (await manifest()).contracts.AuthorCoin!
    expect(recorded).toMatchObject({
      implementation: upgrade.toImplementation,
      artifact: 'AuthorCoinV2',
    })
    expect(
      await repo.stack.client.readContract({
        address: authorCoin,
        abi: authorCoinV2Abi,
        functionName: 'version',
      }),
    ).toBe('2.0.0')
    const log = readFileSync(
      join(repo.root, 'docs/operations/upgrade-log.md'),
      'utf8',
    )
    expect(log).toMatch(/^# Upgrade log/)
    expect(log).toContain(`## `)
    expect(log).toContain(
      `${upgrade.fromImplementation} → ${upgrade.toImplementation}`,
    )
    expect(log).toContain(`proposal ${proposalId}`)
    expect(log).toContain(executed.transactionHash)

    // The rollback goes the same way: a StoryDAO proposal back to the old implementation.
    const rollback = (await ok(['upgrade', 'rollback', '--id', id])) as {
      route: string
      proposalId: string
      propose: { to: Hex; data: Hex }
      draft: string
      safeTxHash: Hex
      rollbackRehearsal: { ok: boolean }
    }
    expect(rollback.route).toBe('governor')
    expect(rollback.rollbackRehearsal.ok).toBe(true)
    const back = await entry(`${id}-rollback`)
    // Planned as an ops-Safe transaction (not sent: no --propose); an EOA
    // with votes proposes it below instead.
    expect(back).toMatchObject({
      status: 'proposed',
      safeTxHash: rollback.safeTxHash,
      fromImplementation: upgrade.toImplementation,
      toImplementation: upgrade.fromImplementation,
      proposalId: rollback.proposalId,
    })
    expect(existsSync(join(repo.root, rollback.draft))).toBe(true)
    const hash = await repo.stack.client.sendTransaction({
      account: repo.stack.accounts.stranger.address,
      to: rollback.propose.to,
      data: rollback.propose.data,
      chain: null,
    })
    await repo.stack.client.waitForTransactionReceipt({ hash })
    expect(await proposalState(BigInt(rollback.proposalId))).toBe(0) // Pending
  }, 600_000)

  test('behavior: timelock route: queue records the scheduled operation, execute runs it, validate and rollback', async () => {
    const id = 'authorcoin-v2-timelock'
    await prepare(id)
    const proposed = (await ok([
      'upgrade',
      'propose',
      '--id',
      id,
      '--via',
      'timelock',
      '--propose',
    ])) as { safeTxHash: Hex; operationId: Hex }

    // Not scheduled yet: the propose Safe transaction has not run.
    const unscheduled = await run(['upgrade', 'queue', '--id', id])
    expect(unscheduled.code).toBe(1)
    expect(unscheduled.stderr).toContain('is not scheduled')

    await confirmAndExecute(proposed.safeTxHash)
    const { code, stdout, stderr } = await run(['upgrade', 'queue', '--id', id])
    expect(code, stderr).toBe(0)
    expect(stdout).toContain(
      'scheduled by the ops-Safe batch of upgrade propose',
    )
    expect(stdout).toContain(proposed.operationId)
    expect(await entry(id)).toMatchObject({
      status: 'queued',
      operationId: proposed.operationId,
    })

    const tooSoon = await run(['upgrade', 'execute', '--id', id, '--json'])
    expect(tooSoon.code).toBe(1)
    expect(tooSoon.json).toMatchObject({
      ok: false,
      error: { code: 'UPGRADE_NOT_READY' },
    })

    await travel(3601)
    const execute = (await ok([
      'upgrade',
      'execute',
      '--id',
      id,
      '--propose',
    ])) as { safeTxHash: Hex; route: string }
    expect(execute.route).toBe('timelock')
    await confirmAndExecute(execute.safeTxHash)

    // A proxy that no longer points at the new implementation fails the
    // slot check and the invariants: exit 1, nothing written.
    const authorCoin = repo.stack.manifest.contracts.AuthorCoin!.address
    const upgraded = await repo.stack.client.getStorageAt({
      address: authorCoin,
      slot: implementationSlot,
    })
    await repo.stack.client.setStorageAt({
      address: authorCoin,
      index: implementationSlot,
      value: pad(originalImplementation(), { size: 32 }),
    })
    const unchanged = fingerprint(repo.root, dirs)
    const failed = await run(['upgrade', 'validate', '--id', id])
    expect(failed.code).toBe(1)
    expect(failed.stdout).toContain('validation FAILED')
    expect(failed.stdout).toMatch(/FAIL implementation\s+EIP-1967 slot = /)
    expect(failed.stdout).toContain('Nothing written')
    expect(fingerprint(repo.root, dirs)).toEqual(unchanged)
    await repo.stack.client.setStorageAt({
      address: authorCoin,
      index: implementationSlot,
      value: upgraded!,
    })

    const validated = (await ok(['upgrade', 'validate', '--id', id])) as {
      ok: boolean
    }
    expect(validated.ok).toBe(true)
    expect((await entry(id)).status).toBe('executed')

    // Validating again writes nothing.
    const recorded = fingerprint(repo.root, dirs)
    const again = await run(['upgrade', 'validate', '--id', id])
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toContain('Already recorded as executed')
    expect(fingerprint(repo.root, dirs)).toEqual(recorded)

    const rollback = (await ok([
      'upgrade',
      'rollback',
      '--id',
      id,
      '--propose',
    ])) as { safeTxHash: Hex; operationId: Hex; route: string }
    expect(rollback.route).toBe('timelock')
    expect(await entry(`${id}-rollback`)).toMatchObject({
      status: 'proposed',
      safeTxHash: rollback.safeTxHash,
      operationId: rollback.operationId,
      toImplementation: originalImplementation(),
    })
    // The rollback runs: the proxy goes back to the old implementation.
    await confirmAndExecute(rollback.safeTxHash)
    await travel(3601)
    const undo = (await ok([
      'upgrade',
      'execute',
      '--id',
      `${id}-rollback`,
      '--propose',
    ])) as { safeTxHash: Hex }
    await confirmAndExecute(undo.safeTxHash)
    const validatedBack = (await ok([
      'upgrade',
      'validate',
      '--id',
      `${id}-rollback`,
    ])) as { ok: boolean }
    expect(validatedBack.ok).toBe(true)
    expect((await manifest()).contracts.AuthorCoin).toMatchObject({
      implementation: originalImplementation(),
      artifact: 'AuthorCoin',
    })
  }, 600_000)

  test('error: unknown upgrade ids exit 2 and change no file', async () => {
    await prepare('authorcoin-v2')
    const before = fingerprint(repo.root, dirs)
    for (const command of ['queue', 'execute', 'validate', 'rollback']) {
      const { code, stdout, stderr } = await run([
        'upgrade',
        command,
        '--id',
        'nope',
      ])
      expect(code, command).toBe(2)
      expect(stdout).toBe('')
      expect(stderr).toContain('has no upgrade "nope"')
      expect(stderr).toContain('Known: authorcoin-v2')
    }
    expect(fingerprint(repo.root, dirs)).toEqual(before)
  }, 300_000)

  test('error: an unknown network exits 2 and changes no file', async () => {
    const before = fingerprint(repo.root, dirs)
    const { code, stderr } = await run([
      'upgrade',
      'validate',
      '--id',
      'authorcoin-v2',
      '--network',
      'atlantis',
    ])
    expect(code).toBe(2)
    expect(stderr).toContain('atlantis')
    expect(fingerprint(repo.root, dirs)).toEqual(before)
  })

  test('error: rolling back an upgrade that has not run exits 2; validating it exits 1; neither writes', async () => {
    await prepare('authorcoin-v2')
    const before = fingerprint(repo.root, dirs)
    const rollback = await run(['upgrade', 'rollback', '--id', 'authorcoin-v2'])
    expect(rollback.code).toBe(2)
    expect(rollback.stderr).toContain('its status is prepared, not executed')
    const validate = await run(['upgrade', 'validate', '--id', 'authorcoin-v2'])
    expect(validate.code).toBe(1)
    expect(validate.stdout).toContain('the upgrade has not been proposed')
    expect(validate.stdout).toContain('Nothing written')
    expect(fingerprint(repo.root, dirs)).toEqual(before)
  })

  test('error: queueing a drafted governor proposal nobody sent exits 1', async () => {
    await prepare('authorcoin-v2')
    await ok([
      'upgrade',
      'propose',
      '--id',
      'authorcoin-v2',
      '--via',
      'governor',
    ])
    const { code, stderr } = await run([
      'upgrade',
      'queue',
      '--id',
      'authorcoin-v2',
    ])
    expect(code).toBe(1)
    expect(stderr).toContain('the governor has no proposal')
  })
})
