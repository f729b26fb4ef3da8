import { join } from 'node:path'
import { storyTimelockAbi, writeManifest } from '@storydao/core'
import { buildTimelockSchedule } from '@storydao/governance'
import {
  buildSafePlan,
  createSafeService,
  proposeSafePlan,
  signSafePlan,
} from '@storydao/safe'
import { encodeFunctionData, keccak256, toHex } from 'viem'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import {
  type LocalRepository,
  startLocalRepository,
} from '../../test/localRepository.js'
import { fingerprint, runBin } from '../../test/runBin.js'
import { scheduleRogueOperation } from '../../test/scheduleRogueOperation.js'

let repo: LocalRepository
beforeAll(async () => {
  repo = await startLocalRepository()
})
afterAll(() => repo?.stop())
beforeEach(() => repo.reset())

const run = (args: string[]) => runBin(args, { cwd: repo.root, env: repo.env })

type ListJson = {
  ok: boolean
  timelock: { name: string; address: string }
  operations: {
    id: string
    state: string
    known: boolean
    origin: { kind: string; safe?: string; safeTxHash?: string } | null
    calls: { to: string; decoded: { functionName?: string } }[]
  }[]
}

describe('storydao-ops timelock list', () => {
  test('default: nothing scheduled on a fresh stack', async () => {
    const { code, stdout, stderr } = await run(['timelock', 'list'])
    expect(code, stderr).toBe(0)
    expect(stdout).toContain('StoryTimelock')
    expect(stdout).toContain('0 operation(s)')
  })

  test('behavior: a rogue operation is listed pending, decoded and UNKNOWN', async () => {
    const id = await scheduleRogueOperation(repo.stack)
    const human = await run(['timelock', 'list'])
    expect(human.code, human.stderr).toBe(0)
    const row = human.stdout.split('\n').find((line) => line.includes(id))
    expect(row).toContain('pending')
    expect(row).toContain('UNKNOWN')
    expect(row).toContain('AuthorCoin.mint(')
    expect(human.stdout).toContain(`storydao-ops timelock cancel ${id}`)

    const { code, json } = await run(['timelock', 'list', '--json'])
    expect(code).toBe(0)
    const result = json as ListJson
    expect(result.timelock.address).toBe(
      repo.stack.manifest.contracts.StoryTimelock!.address,
    )
    expect(result.operations).toHaveLength(1)
    expect(result.operations[0]).toMatchObject({
      id,
      state: 'pending',
      known: false,
      origin: null,
      calls: [
        {
          to: repo.stack.manifest.contracts.AuthorCoin!.address,
          decoded: { functionName: 'mint' },
        },
      ],
    })
    // The id is the one the timelock itself reports as pending.
    expect(
      await repo.stack.client.readContract({
        address: repo.stack.manifest.contracts.StoryTimelock!.address,
        abi: storyTimelockAbi,
        functionName: 'isOperationPending',
        args: [id],
      }),
    ).toBe(true)
  })

  test('behavior: --fail-on-unknown exits 1 while an UNKNOWN operation is pending', async () => {
    expect((await run(['timelock', 'list', '--fail-on-unknown'])).code).toBe(0)
    await scheduleRogueOperation(repo.stack)
    const { code } = await run(['timelock', 'list', '--fail-on-unknown'])
    expect(code).toBe(1)
  })

  test('behavior: an operation whose schedule waits in the ops Safe queue is known', async () => {
    const { stack } = repo
    const timelock = stack.manifest.contracts.StoryTimelock!.address
    const delay = await stack.client.readContract({
      address: timelock,
      abi: storyTimelockAbi,
      functionName: 'getMinDelay',
    })
    const salt = keccak256(toHex('reviewed'))
    const schedule = buildTimelockSchedule({
      timelock,
      calls: [
        {
          to: timelock,
          value: 0n,
          data: encodeFunctionData({
            abi: storyTimelockAbi,
            functionName: 'updateDelay',
            args: [delay],
          }),
        },
      ],
      salt,
      delay,
    })
    const service = createSafeService({
      chainId: 31337,
      txServiceUrl: stack.txServiceUrl,
    })
    const safe = stack.manifest.safes.ops.address
    const plan = await buildSafePlan(stack.client, {
      safe,
      calls: [schedule.call],
      service,
    })
    const owner = stack.accounts.opsOwners[0]
    await proposeSafePlan(service, {
      plan,
      sender: owner.address,
      signature: await signSafePlan({ plan, account: owner.privateKey }),
    })
    // The same operation reaches the timelock by another path first.
    await stack.client.request({
      method: 'anvil_impersonateAccount' as never,
      params: [safe] as never,
    })
    await stack.client.request({
      method: 'anvil_setBalance' as never,
      params: [safe, '0xde0b6b3a7640000'] as never,
    })
    await stack.client.waitForTransactionReceipt({
      hash: await stack.client.sendTransaction({
        account: safe,
        to: timelock,
        data: schedule.call.data,
        chain: null,
      }),
    })
    const { code, json, stderr } = await run(['timelock', 'list', '--json'])
    expect(code, stderr).toBe(0)
    const [operation] = (json as ListJson).operations
    expect(operation).toMatchObject({
      id: schedule.operationId,
      known: true,
      origin: {
        kind: 'safe-proposal',
        safe: 'ops',
        safeTxHash: plan.safeTxHash,
      },
    })
  })

  test('behavior: an operation recorded in the manifest upgrades[] is known', async () => {
    const { stack } = repo
    const id = await scheduleRogueOperation(stack, { salt: 'recorded' })
    const coin = stack.manifest.contracts.AuthorCoin!
    await writeManifest(join(repo.root, 'deployments', 'local.json'), {
      manifest: {
        ...stack.manifest,
        upgrades: [
          {
            id: '2026-12-01-authorcoin-v2',
            target: 'AuthorCoin',
            fromImplementation:
              coin.kind === 'uups-proxy' ? coin.implementation : coin.address,
            toImplementation: stack.accounts.stranger.address,
            calldata: '0x',
            status: 'queued',
            createdAt: '2026-12-01T10:00:00.000Z',
            operationId: id,
          },
        ],
      },
      archive: false,
    })
    const { code, json } = await run(['timelock', 'list', '--json'])
    expect(code).toBe(0)
    expect((json as ListJson).operations).toMatchObject([
      {
        id,
        known: true,
        origin: { kind: 'upgrade', id: '2026-12-01-authorcoin-v2' },
      },
    ])
    const human = await run(['timelock', 'list'])
    expect(human.stdout).toContain('known (upgrade 2026-12-01-authorcoin-v2)')
    expect(human.stdout).not.toContain('UNKNOWN')
  })

  test('error: an unknown --state exits 2 and changes no file', async () => {
    const before = fingerprint(repo.root, [
      'deployments',
      'docs',
      'safe-transactions',
    ])
    const { code, stdout, stderr } = await run([
      'timelock',
      'list',
      '--state',
      'queued',
    ])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain(
      '--state must be one of pending, ready, done, cancelled',
    )
    expect(
      fingerprint(repo.root, ['deployments', 'docs', 'safe-transactions']),
    ).toEqual(before)
  })
})
