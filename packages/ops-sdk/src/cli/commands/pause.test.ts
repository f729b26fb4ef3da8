import { existsSync, readFileSync } from 'node:fs'
import { authorCoinAbi, safeAbi } from '@storydao/core'
import {
  createSafeService,
  getQueuedSafePlans,
  parseTransactionBuilderBatch,
} from '@storydao/safe'
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

type PauseJson = {
  ok: boolean
  safe: `0x${string}`
  nonce: string
  safeTxHash: `0x${string}`
  domainHash: `0x${string}`
  messageHash: `0x${string}`
  paused: string[]
  files: { transactionBuilder: string; report: string }
  proposed: { sender: string } | null
}

describe('storydao-ops pause', () => {
  test("default: plans, rehearses and writes the Transaction Builder file; the hash is the Safe contract's", async () => {
    const { code, json, stderr } = await run(['pause', '--json'])
    expect(code, stderr).toBe(0)
    const result = json as PauseJson
    expect(result).toMatchObject({
      ok: true,
      paused: ['AuthorCoin'],
      proposed: null,
    })
    expect(result.safe).toBe(repo.stack.manifest.safes.emergency!.address)
    expect(stderr).toContain('Rehearse it on a fork')

    const parsed = parseTransactionBuilderBatch({
      json: readFileSync(result.files.transactionBuilder, 'utf8'),
      chainId: 31337,
      safe: result.safe,
    })
    expect(parsed.calls).toHaveLength(1)
    expect(existsSync(result.files.report)).toBe(true)

    // The safeTxHash the command printed is what the Safe itself computes.
    const call = parsed.calls[0]!
    const onChain = await repo.stack.client.readContract({
      address: result.safe,
      abi: safeAbi,
      functionName: 'getTransactionHash',
      args: [
        call.to,
        call.value,
        call.data,
        0,
        0n,
        0n,
        0n,
        '0x0000000000000000000000000000000000000000',
        '0x0000000000000000000000000000000000000000',
        BigInt(result.nonce),
      ],
    })
    expect(onChain).toBe(result.safeTxHash)
  })

  test('behavior: --propose queues it on the Transaction Service, signed by an owner', async () => {
    const { code, json, stderr } = await run(['pause', '--propose', '--json'])
    expect(code, stderr).toBe(0)
    const result = json as PauseJson
    expect(result.proposed).not.toBeNull()
    const queued = await getQueuedSafePlans(
      createSafeService({
        chainId: 31337,
        txServiceUrl: repo.stack.txServiceUrl,
      }),
      { safe: result.safe },
    )
    expect(queued.map((entry) => entry.safeTxHash)).toContain(result.safeTxHash)
  })

  test('error: an unknown target exits 2 and changes no file', async () => {
    const before = fingerprint(repo.root)
    const { code, stdout, stderr } = await run(['pause', '--target', 'Nope'])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('has no contract "Nope"')
    expect(stderr).toContain('Known: AuthorCoin')
    expect(fingerprint(repo.root)).toEqual(before)
  })

  test('error: already paused exits 1', async () => {
    const { stack } = repo
    const coin = stack.manifest.contracts.AuthorCoin!.address
    const emergency = stack.manifest.safes.emergency!.address
    await stack.client.request({
      method: 'anvil_impersonateAccount' as never,
      params: [emergency] as never,
    })
    await stack.client.request({
      method: 'anvil_setBalance' as never,
      params: [emergency, '0xde0b6b3a7640000'] as never,
    })
    await stack.client.writeContract({
      address: coin,
      abi: authorCoinAbi,
      functionName: 'pause',
      account: emergency,
      chain: null,
    })
    const { code, stderr } = await run(['pause'])
    expect(code).toBe(1)
    expect(stderr).toContain('AuthorCoin is already paused.')
  })

  test('error: a --signer-env variable that is not set exits 2', async () => {
    const { code, stderr } = await run([
      'pause',
      '--propose',
      '--signer-env',
      'NO_SUCH_KEY',
    ])
    expect(code).toBe(2)
    expect(stderr).toContain('The signer variable NO_SUCH_KEY is not set.')
  })

  test('error: an unreachable RPC exits 3', async () => {
    const before = fingerprint(repo.root)
    const { code, stderr } = await run(['pause'], {
      LOCAL_RPC_URL: 'http://127.0.0.1:9',
    })
    expect(code).toBe(3)
    expect(stderr).toContain('Could not reach the RPC')
    expect(fingerprint(repo.root)).toEqual(before)
  })

  test('error: an unknown network exits 2', async () => {
    const { code, stderr } = await run(['pause', '--network', 'atlantis'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/atlantis/)
  })
})
