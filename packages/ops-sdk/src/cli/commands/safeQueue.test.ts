import { safeAbi } from '@storydao/core'
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

type QueueJson = {
  ok: boolean
  safe: `0x${string}`
  safeName: string
  threshold: number
  transactions: {
    nonce: string
    safeTxHash: `0x${string}`
    domainHash: `0x${string}`
    messageHash: `0x${string}`
    confirmations: string[]
    confirmationsRequired: number
    proposer: string
    calls: { to: string; text: string; decoded: { functionName: string } }[]
  }[]
}

describe('storydao-ops safe queue', () => {
  test('default: lists a proposed pause with its signatures, hashes and decoded call', async () => {
    const proposed = await run(['pause', '--propose', '--json'])
    expect(proposed.code, proposed.stderr).toBe(0)
    const pause = proposed.json as { safeTxHash: `0x${string}` }

    const { code, json, stderr } = await run([
      'safe',
      'queue',
      '--safe',
      'emergency',
      '--json',
    ])
    expect(code, stderr).toBe(0)
    const queue = json as QueueJson
    const emergency = repo.stack.manifest.safes.emergency!
    expect(queue).toMatchObject({
      ok: true,
      safe: emergency.address,
      safeName: 'emergency',
      threshold: 2,
    })
    expect(queue.transactions).toHaveLength(1)
    const [tx] = queue.transactions
    const proposer = repo.stack.accounts.emergencyOwners[0].address
    expect(tx).toMatchObject({
      nonce: '0',
      safeTxHash: pause.safeTxHash,
      confirmations: [proposer],
      confirmationsRequired: 2,
      proposer,
    })
    expect(tx!.calls).toHaveLength(1)
    expect(tx!.calls[0]!.text).toBe('AuthorCoin.pause()')
    expect(tx!.calls[0]!.decoded.functionName).toBe('pause')

    // The hash listed is what the Safe computes for the same call.
    const coin = repo.stack.manifest.contracts.AuthorCoin!.address
    const onChain = await repo.stack.client.readContract({
      address: emergency.address,
      abi: safeAbi,
      functionName: 'getTransactionHash',
      args: [
        coin,
        0n,
        '0x8456cb59',
        0,
        0n,
        0n,
        0n,
        '0x0000000000000000000000000000000000000000',
        '0x0000000000000000000000000000000000000000',
        0n,
      ],
    })
    expect(tx!.safeTxHash).toBe(onChain)
    const domain = await repo.stack.client.readContract({
      address: emergency.address,
      abi: safeAbi,
      functionName: 'domainSeparator',
    })
    expect(tx!.domainHash).toBe(domain)

    const human = await run(['safe', 'queue', '--safe', 'emergency'])
    expect(human.code, human.stderr).toBe(0)
    expect(human.stdout).toContain(`Nonce 0  ${pause.safeTxHash}`)
    expect(human.stdout).toContain('Signatures    1/2')
    expect(human.stdout).toContain('AuthorCoin.pause()')
  })

  test('behavior: an empty queue (the ops Safe by default)', async () => {
    const { code, json, stderr } = await run(['safe', 'queue', '--json'])
    expect(code, stderr).toBe(0)
    expect(json).toMatchObject({
      safe: repo.stack.manifest.safes.ops.address,
      safeName: 'ops',
      transactions: [],
    })
  })

  test('error: --safe names no manifest Safe role: exit 2, no file changed', async () => {
    const before = fingerprint(repo.root, [
      'deployments',
      'docs',
      'safe-transactions',
    ])
    const { code, stdout, stderr } = await run([
      'safe',
      'queue',
      '--safe',
      'treasury',
    ])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('--safe must be "ops" or "emergency"')
    expect(
      fingerprint(repo.root, ['deployments', 'docs', 'safe-transactions']),
    ).toEqual(before)
  })
})
