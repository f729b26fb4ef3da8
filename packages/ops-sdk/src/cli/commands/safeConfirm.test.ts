import { createSafeService, getQueuedSafePlans } from '@storydao/safe'
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

async function proposePause(): Promise<`0x${string}`> {
  const { code, json, stderr } = await run(['pause', '--propose', '--json'])
  expect(code, stderr).toBe(0)
  return (json as { safeTxHash: `0x${string}` }).safeTxHash
}

describe('storydao-ops safe confirm', () => {
  test('default: a second owner signs; the service stores its confirmation', async () => {
    const safeTxHash = await proposePause()
    const second = repo.stack.accounts.emergencyOwners[1]
    const { code, json, stderr } = await run(
      ['safe', 'confirm', safeTxHash, '--signer-env', 'OWNER_KEY', '--json'],
      { OWNER_KEY: second.privateKey },
    )
    expect(code, stderr).toBe(0)
    expect(json).toMatchObject({
      ok: true,
      safeName: 'emergency',
      nonce: '0',
      safeTxHash,
      signer: second.address,
      confirmations: 2,
      confirmationsRequired: 2,
    })
    // The three hashes are shown before the signature is made.
    const hashesAt = stderr.indexOf(`safeTxHash    ${safeTxHash}`)
    expect(hashesAt).toBeGreaterThan(-1)
    expect(stderr.indexOf('Sign it')).toBeGreaterThan(hashesAt)
    expect(stderr).not.toContain(second.privateKey.slice(2))

    const [queued] = await getQueuedSafePlans(
      createSafeService({
        chainId: 31337,
        txServiceUrl: repo.stack.txServiceUrl,
      }),
      { safe: repo.stack.manifest.safes.emergency!.address },
    )
    expect(queued!.confirmations.map(({ signer }) => signer)).toEqual([
      repo.stack.accounts.emergencyOwners[0].address,
      second.address,
    ])
  })

  test('behavior: on local, without --signer-env, the next dev account that owns the Safe signs', async () => {
    const safeTxHash = await proposePause()
    const { code, json, stderr } = await run([
      'safe',
      'confirm',
      safeTxHash,
      '--json',
    ])
    expect(code, stderr).toBe(0)
    expect(json).toMatchObject({
      signer: repo.stack.accounts.emergencyOwners[1].address,
      confirmations: 2,
    })
  })

  test('error: a hash that is not queued exits 2 and signs nothing', async () => {
    await proposePause()
    const before = fingerprint(repo.root, trees)
    const unknown = `0x${'ab'.repeat(32)}`
    const { code, stdout, stderr } = await run(['safe', 'confirm', unknown])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain(
      `No queued Safe transaction has safeTxHash ${unknown}.`,
    )
    expect(stderr).toContain('Queued:    0x')
    expect(stderr).not.toContain('Sign it')
    expect(fingerprint(repo.root, trees)).toEqual(before)
  })

  test('error: the proposer signing again exits 1', async () => {
    const safeTxHash = await proposePause()
    const { code, stderr } = await run(
      ['safe', 'confirm', safeTxHash, '--signer-env', 'OWNER_KEY'],
      { OWNER_KEY: repo.stack.accounts.emergencyOwners[0].privateKey },
    )
    expect(code).toBe(1)
    expect(stderr).toContain(`already confirmed ${safeTxHash}`)
  })

  test('error: a key that owns no Safe exits 1', async () => {
    const safeTxHash = await proposePause()
    const { code, stderr } = await run(
      ['safe', 'confirm', safeTxHash, '--signer-env', 'OWNER_KEY'],
      { OWNER_KEY: repo.stack.accounts.stranger.privateKey },
    )
    expect(code).toBe(1)
    expect(stderr).toContain('No signer available owns the emergency Safe')
  })

  test('error: a malformed hash exits 2', async () => {
    const { code, stderr } = await run(['safe', 'confirm', '0x1234'])
    expect(code).toBe(2)
    expect(stderr).toContain('Expected one safeTxHash')
  })
})
