import { authorCoinAbi } from '@storydao/core'
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

const paused = () =>
  repo.stack.client.readContract({
    address: repo.stack.manifest.contracts.AuthorCoin!.address,
    abi: authorCoinAbi,
    functionName: 'paused',
  })

async function proposePause(): Promise<`0x${string}`> {
  const { code, json, stderr } = await run(['pause', '--propose', '--json'])
  expect(code, stderr).toBe(0)
  return (json as { safeTxHash: `0x${string}` }).safeTxHash
}

describe('storydao-ops safe execute', () => {
  test('default: propose → queue → confirm by a second owner → execute pauses AuthorCoin', async () => {
    const safeTxHash = await proposePause()
    const queue = await run(['safe', 'queue', '--safe', 'emergency'])
    expect(queue.stdout).toContain(safeTxHash)
    const confirm = await run(
      ['safe', 'confirm', safeTxHash, '--signer-env', 'OWNER_KEY'],
      { OWNER_KEY: repo.stack.accounts.emergencyOwners[2].privateKey },
    )
    expect(confirm.code, confirm.stderr).toBe(0)
    expect(confirm.stdout).toContain('2/2 signatures')

    const { code, json, stderr } = await run([
      'safe',
      'execute',
      safeTxHash,
      '--json',
    ])
    expect(code, stderr).toBe(0)
    const executed = json as {
      transactionHash: `0x${string}`
      blockNumber: string
      signers: string[]
    }
    expect(executed).toMatchObject({ ok: true, safeTxHash, nonce: '0' })
    expect(await paused()).toBe(true)
    const receipt = await repo.stack.client.getTransactionReceipt({
      hash: executed.transactionHash,
    })
    expect(receipt.status).toBe('success')
    expect(receipt.blockNumber.toString()).toBe(executed.blockNumber)
    expect(executed.signers).toEqual([
      repo.stack.accounts.emergencyOwners[0].address,
      repo.stack.accounts.emergencyOwners[2].address,
    ])

    // Executed: it has left the queue.
    const again = await run(['safe', 'execute', safeTxHash])
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('No queued Safe transaction')
  })

  test('behavior: the human summary names the transaction and its block', async () => {
    const safeTxHash = await proposePause()
    await run(['safe', 'confirm', safeTxHash])
    const { code, stdout, stderr } = await run(['safe', 'execute', safeTxHash])
    expect(code, stderr).toBe(0)
    expect(stdout).toMatch(/Transaction {3}0x[0-9a-f]{64}/)
    expect(stdout).toMatch(/Block {9}\d+/)
  })

  test('error: before the threshold exits 1, names the missing signatures, sends nothing', async () => {
    const safeTxHash = await proposePause()
    const before = fingerprint(repo.root, trees)
    const { code, stdout, stderr } = await run(['safe', 'execute', safeTxHash])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toContain('has 1 of 2 signatures: 1 missing.')
    expect(stderr).toContain('safe confirm')
    expect(await paused()).toBe(false)
    expect(fingerprint(repo.root, trees)).toEqual(before)
  })

  test('error: --json reports the failure as { ok: false } on stdout', async () => {
    const safeTxHash = await proposePause()
    const { code, json } = await run(['safe', 'execute', safeTxHash, '--json'])
    expect(code).toBe(1)
    expect(json).toMatchObject({
      ok: false,
      error: { code: 'SAFE_THRESHOLD_NOT_MET' },
    })
  })
})
