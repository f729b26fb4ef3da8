import { authorCoinAbi, safeAbi, storyTimelockAbi } from '@storydao/core'
import { createSafeService, getQueuedSafePlans } from '@storydao/safe'
import type { Hex } from 'viem'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import {
  type LocalRepository,
  startLocalRepository,
} from '../../test/localRepository.js'
import { fingerprint, runBin } from '../../test/runBin.js'

let repo: LocalRepository
beforeAll(async () => {
  repo = await startLocalRepository()
}, 300_000)
afterAll(() => repo?.stop())
beforeEach(() => repo.reset())

const run = (args: string[]) =>
  runBin(args, { cwd: repo.root, env: repo.env, timeoutMs: 180_000 })
const dirs = ['deployments', 'docs', 'safe-transactions']

const paused = () =>
  repo.stack.client.readContract({
    address: repo.stack.manifest.contracts.AuthorCoin!.address,
    abi: authorCoinAbi,
    functionName: 'paused',
  })

async function ok(args: string[]): Promise<Record<string, unknown>> {
  const { code, json, stderr } = await run([...args, '--json'])
  expect(code, stderr).toBe(0)
  return json as Record<string, unknown>
}

/** A proposed Safe transaction confirmed by a second owner and executed. */
async function confirmAndExecute(safeTxHash: string) {
  const confirm = await run(['safe', 'confirm', safeTxHash])
  expect(confirm.code, confirm.stderr).toBe(0)
  await ok(['safe', 'execute', safeTxHash])
}

async function pauseAuthorCoin() {
  const { safeTxHash } = (await ok(['pause', '--propose'])) as {
    safeTxHash: Hex
  }
  await confirmAndExecute(safeTxHash)
  expect(await paused()).toBe(true)
}

describe('storydao-ops unpause', () => {
  test('default: the ops Safe schedules unpause() on the timelock, --execute runs it after the delay', async () => {
    await pauseAuthorCoin()
    const scheduled = (await ok(['unpause', '--propose'])) as {
      safe: `0x${string}`
      safeName: string
      nonce: string
      safeTxHash: Hex
      domainHash: Hex
      messageHash: Hex
      operationId: Hex
      delay: string
      unpaused: string[]
    }
    expect(scheduled).toMatchObject({
      safe: repo.stack.manifest.safes.ops.address,
      safeName: 'ops',
      unpaused: ['AuthorCoin'],
      delay: '3600',
    })
    // The hash signers see is the Safe contract's.
    const [plan] = await getQueuedSafePlans(
      createSafeService({
        chainId: 31337,
        txServiceUrl: repo.stack.txServiceUrl,
      }),
      { safe: scheduled.safe },
    )
    const tx = plan!.safeTx
    expect(
      await repo.stack.client.readContract({
        address: scheduled.safe,
        abi: safeAbi,
        functionName: 'getTransactionHash',
        args: [
          tx.to,
          tx.value,
          tx.data,
          tx.operation,
          tx.safeTxGas,
          tx.baseGas,
          tx.gasPrice,
          tx.gasToken,
          tx.refundReceiver,
          BigInt(scheduled.nonce),
        ],
      }),
    ).toBe(scheduled.safeTxHash)
    await confirmAndExecute(scheduled.safeTxHash)
    const timelock = repo.stack.manifest.contracts.StoryTimelock!.address
    expect(
      await repo.stack.client.readContract({
        address: timelock,
        abi: storyTimelockAbi,
        functionName: 'isOperationPending',
        args: [scheduled.operationId],
      }),
    ).toBe(true)

    // Before the delay: refused with when it becomes executable.
    const before = fingerprint(repo.root, dirs)
    const early = await run(['unpause', '--execute'])
    expect(early.code).toBe(1)
    expect(early.stderr).toContain('the timelock delay has not passed')
    expect(early.stderr).toContain(
      `Operation ${scheduled.operationId} is executable from`,
    )
    expect(fingerprint(repo.root, dirs)).toEqual(before)

    await repo.stack.client.increaseTime({ seconds: 3601 })
    await repo.stack.client.mine({ blocks: 1 })
    const executed = (await ok(['unpause', '--execute', '--propose'])) as {
      safeTxHash: Hex
      operationId: Hex
      rehearsal: { ok: boolean }
    }
    expect(executed.operationId).toBe(scheduled.operationId)
    expect(executed.rehearsal.ok).toBe(true)
    expect(await paused()).toBe(true)
    await confirmAndExecute(executed.safeTxHash)
    expect(await paused()).toBe(false)
    expect(
      await repo.stack.client.readContract({
        address: timelock,
        abi: storyTimelockAbi,
        functionName: 'isOperationDone',
        args: [scheduled.operationId],
      }),
    ).toBe(true)
  }, 600_000)

  test('behavior: the human summary names the operation and the next step', async () => {
    await pauseAuthorCoin()
    const { code, stdout, stderr } = await run(['unpause'])
    expect(code, stderr).toBe(0)
    expect(stdout).toContain(
      'Schedule unpause of AuthorCoin: Safe transaction ready',
    )
    expect(stdout).toMatch(/Timelock operation 0x[0-9a-f]{64} \(delay 3600 s/)
    expect(stdout).toContain('After the delay: storydao-ops unpause --execute')
  }, 300_000)

  test('error: nothing paused exits 1 "not paused" and changes no file', async () => {
    const before = fingerprint(repo.root, dirs)
    for (const args of [['unpause'], ['unpause', '--execute']]) {
      const { code, stdout, stderr } = await run(args)
      expect(code).toBe(1)
      expect(stdout).toBe('')
      expect(stderr).toContain('AuthorCoin is not paused.')
    }
    expect(fingerprint(repo.root, dirs)).toEqual(before)
  })

  test('error: --execute with no unpause scheduled exits 1 and changes no file', async () => {
    await pauseAuthorCoin()
    const before = fingerprint(repo.root, dirs)
    const { code, stderr } = await run(['unpause', '--execute'])
    expect(code).toBe(1)
    expect(stderr).toContain('no unpause is scheduled on the timelock')
    expect(fingerprint(repo.root, dirs)).toEqual(before)
  }, 300_000)

  test('error: an unknown target or network exits 2 and changes no file', async () => {
    const before = fingerprint(repo.root, dirs)
    const target = await run(['unpause', '--target', 'Nope'])
    expect(target.code).toBe(2)
    expect(target.stderr).toContain('Nope')
    const network = await run(['unpause', '--network', 'atlantis'])
    expect(network.code).toBe(2)
    expect(network.stderr).toContain('atlantis')
    expect(fingerprint(repo.root, dirs)).toEqual(before)
  })
})
