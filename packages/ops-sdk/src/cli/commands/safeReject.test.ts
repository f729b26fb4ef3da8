import { existsSync } from 'node:fs'
import { authorCoinAbi, safeAbi } from '@storydao/core'
import { zeroAddress } from 'viem'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import {
  type LocalRepository,
  startLocalRepository,
} from '../../test/localRepository.js'
import { fingerprint, runBin } from '../../test/runBin.js'

let repo: LocalRepository
beforeAll(async () => {
  repo = await startLocalRepository()
})
afterAll(() => repo?.stop())
beforeEach(() => repo.reset())

const run = (args: string[], env: Record<string, string | undefined> = {}) =>
  runBin(args, { cwd: repo.root, env: { ...repo.env, ...env } })

const trees = ['deployments', 'docs', 'safe-transactions']

type RejectJson = {
  ok: boolean
  safe: `0x${string}`
  nonce: string
  safeTxHash: `0x${string}`
  domainHash: `0x${string}`
  messageHash: `0x${string}`
  files: { transactionBuilder: string; report: string }
  proposed: { sender: string } | null
}

describe('storydao-ops safe reject', () => {
  test('default: a proposed rejection at a queued nonce, executed, kills the pause queued there', async () => {
    const pause = await run(['pause', '--propose', '--json'])
    expect(pause.code, pause.stderr).toBe(0)
    const pauseHash = (pause.json as { safeTxHash: string }).safeTxHash

    const { code, json, stderr } = await run([
      'safe',
      'reject',
      '--nonce',
      '0',
      '--safe',
      'emergency',
      '--propose',
      '--json',
    ])
    expect(code, stderr).toBe(0)
    const rejection = json as RejectJson
    const emergency = repo.stack.manifest.safes.emergency!.address
    expect(rejection).toMatchObject({ ok: true, safe: emergency, nonce: '0' })
    expect(rejection.proposed).not.toBeNull()
    expect(existsSync(rejection.files.transactionBuilder)).toBe(true)

    // A zero-value, empty-data call from the Safe to itself, as the Safe hashes it.
    const onChain = await repo.stack.client.readContract({
      address: emergency,
      abi: safeAbi,
      functionName: 'getTransactionHash',
      args: [emergency, 0n, '0x', 0, 0n, 0n, 0n, zeroAddress, zeroAddress, 0n],
    })
    expect(rejection.safeTxHash).toBe(onChain)

    const queue = await run(['safe', 'queue', '--safe', 'emergency'])
    expect(queue.stdout).toContain(pauseHash)
    expect(queue.stdout).toContain(rejection.safeTxHash)
    expect(queue.stdout).toContain('2 queued transactions share nonce 0')

    const confirm = await run(['safe', 'confirm', rejection.safeTxHash])
    expect(confirm.code, confirm.stderr).toBe(0)
    const execute = await run(['safe', 'execute', rejection.safeTxHash])
    expect(execute.code, execute.stderr).toBe(0)

    expect(
      await repo.stack.client.readContract({
        address: emergency,
        abi: safeAbi,
        functionName: 'nonce',
      }),
    ).toBe(1n)
    expect(
      await repo.stack.client.readContract({
        address: repo.stack.manifest.contracts.AuthorCoin!.address,
        abi: authorCoinAbi,
        functionName: 'paused',
      }),
    ).toBe(false)
    // The pause at nonce 0 can never execute now.
    const stale = await run(['safe', 'execute', pauseHash])
    expect(stale.code).toBe(2)
  })

  test('behavior: without --propose only the Transaction Builder file is written (ops Safe by default)', async () => {
    const { code, json, stderr } = await run([
      'safe',
      'reject',
      '--nonce',
      '0',
      '--json',
    ])
    expect(code, stderr).toBe(0)
    expect(json).toMatchObject({
      safe: repo.stack.manifest.safes.ops.address,
      proposed: null,
    })
  })

  test('error: without --nonce exits 2 and writes nothing', async () => {
    const before = fingerprint(repo.root, trees)
    const { code, stdout, stderr } = await run(['safe', 'reject'])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('--nonce <n> is required')
    expect(fingerprint(repo.root, trees)).toEqual(before)
  })

  test('error: a malformed nonce exits 2 and writes nothing', async () => {
    const before = fingerprint(repo.root, trees)
    const { code, stderr } = await run(['safe', 'reject', '--nonce', 'twelve'])
    expect(code).toBe(2)
    expect(stderr).toContain('--nonce must be')
    expect(fingerprint(repo.root, trees)).toEqual(before)
  })
})
