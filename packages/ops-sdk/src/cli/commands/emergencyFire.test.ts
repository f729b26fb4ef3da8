import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import {
  coinPaused,
  lanesPath,
  readLanes,
  safeNonce,
  unpauseAsTimelock,
  writeLanes,
} from '../../test/emergencyLanes.js'
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
beforeEach(async () => {
  await repo.reset()
  // reset() restores the chain and deployments/, not earlier lanes files.
  rmSync(join(repo.root, 'safe-transactions'), { recursive: true, force: true })
})

const run = (args: string[], env: Record<string, string | undefined> = {}) =>
  runBin(args, { cwd: repo.root, env: { ...repo.env, ...env } })

const watched = ['deployments', 'docs', 'safe-transactions']

type StatusJson = {
  nonce: string
  armed: string[]
  lanes: { id: string; state: string; firesNow: boolean; detail: string }[]
}

async function prepare(args: string[] = []) {
  const prepared = await run(['emergency', 'prepare', '--json', ...args])
  expect(prepared.code, prepared.stderr).toBe(0)
}

const blockNumber = () => repo.stack.client.getBlockNumber()

describe('storydao-ops emergency fire', () => {
  test('default: prepare → status (all live) → fire pauses AuthorCoin → the fired nonce is stale and the next lane is live', async () => {
    await prepare()
    const before = await run(['emergency', 'status', '--json'])
    expect(before.code, before.stderr).toBe(0)
    const initial = before.json as StatusJson
    expect(initial.lanes.map(({ id, state }) => `${id} ${state}`)).toEqual([
      'AuthorCoin@0 live',
      'AuthorCoin@1 live',
    ])
    expect(initial.armed).toEqual(['AuthorCoin'])

    const fired = await run(['emergency', 'fire', '--json'])
    expect(fired.code, fired.stderr).toBe(0)
    expect(fired.json).toMatchObject({
      ok: true,
      lane: 'AuthorCoin@0',
      nonce: '0',
      paused: ['AuthorCoin'],
    })
    expect(await coinPaused(repo)).toBe(true)
    expect(await safeNonce(repo)).toBe(1n)
    const receipt = await repo.stack.client.getTransactionReceipt({
      hash: (fired.json as { transactionHash: `0x${string}` }).transactionHash,
    })
    expect(receipt.status).toBe('success')

    // Paused, the next lane has nothing to do; once governance unpauses it
    // is live again and fires without any signer.
    const paused = (await run(['emergency', 'status', '--json']))
      .json as StatusJson
    expect(paused.lanes.map(({ id, state }) => `${id} ${state}`)).toEqual([
      'AuthorCoin@0 stale',
      'AuthorCoin@1 paused',
    ])
    await unpauseAsTimelock(repo)
    const after = await run(['emergency', 'status'])
    expect(after.code, after.stderr).toBe(0)
    expect(after.stdout).toMatch(/AuthorCoin@0 +stale/)
    expect(after.stdout).toMatch(/AuthorCoin@1 +live .*fires now/)

    const again = await run(['emergency', 'fire', '--target', 'AuthorCoin'])
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toContain(
      'Fired lane AuthorCoin@1: AuthorCoin paused.',
    )
    expect(await coinPaused(repo)).toBe(true)
  })

  test('error: no lane matches the Safe nonce: exit 1 names the nonce and how to re-arm, nothing sent', async () => {
    await prepare(['--depth', '1'])
    expect((await run(['emergency', 'fire'])).code).toBe(0)
    await unpauseAsTimelock(repo)
    const block = await blockNumber()
    const { code, stderr } = await run(['emergency', 'fire'])
    expect(code).toBe(1)
    expect(stderr).toContain('is at nonce 1')
    expect(stderr).toContain('AuthorCoin@0: stale')
    expect(stderr).toContain('storydao-ops emergency prepare')
    expect(await blockNumber()).toBe(block)
    expect(await coinPaused(repo)).toBe(false)

    const status = await run(['emergency', 'status'])
    expect(status.code).toBe(1)
    expect(status.stdout).toContain('Nothing can fire at the current nonce.')
    expect(status.stdout).toContain(
      'Re-arm: storydao-ops emergency prepare --network local',
    )
  })

  test('error: edited calldata is caught before sending (the safeTxHash no longer matches): exit 1, nothing sent', async () => {
    await prepare()
    const lanes = readLanes(lanesPath(repo))
    // pause() → unpause(): a tamperer's swap the Safe would reject.
    lanes.lanes[0]!.safeTx.data = '0x3f4ba83a'
    writeLanes(lanesPath(repo), lanes)
    const before = fingerprint(repo.root, watched)
    const block = await blockNumber()
    const { code, stderr } = await run(['emergency', 'fire'])
    expect(code).toBe(1)
    expect(stderr).toContain('Lane AuthorCoin@0 does not verify')
    expect(stderr).toMatch(
      /safeTxHash: the stored fields hash to 0x[0-9a-f]{64}/,
    )
    expect(await blockNumber()).toBe(block)
    expect(fingerprint(repo.root, watched)).toEqual(before)
  })

  test('error: a signature that does not recover to an owner is caught: exit 1, nothing sent', async () => {
    await prepare()
    const lanes = readLanes(lanesPath(repo))
    const lane = lanes.lanes[0]!
    // Flip one byte of the first signature's s value.
    const index = 2 + 2 * 40
    const flipped = (
      Number.parseInt(lane.signatures.slice(index, index + 2), 16) ^ 0xff
    )
      .toString(16)
      .padStart(2, '0')
    lane.signatures =
      `${lane.signatures.slice(0, index)}${flipped}${lane.signatures.slice(index + 2)}` as `0x${string}`
    writeLanes(lanesPath(repo), lanes)
    const block = await blockNumber()
    const { code, stderr } = await run(['emergency', 'fire'])
    expect(code).toBe(1)
    expect(stderr).toContain('does not verify')
    expect(stderr).toMatch(
      /signature 1 (recovers to 0x[0-9a-fA-F]{40}, not an owner|is not a valid)/,
    )
    expect(await blockNumber()).toBe(block)
    expect(await coinPaused(repo)).toBe(false)
  })

  test('error: a lanes file that is not a lanes file exits 2 with JSON paths and changes nothing', async () => {
    await prepare()
    const lanes = readLanes(lanesPath(repo))
    ;(lanes.lanes[0] as Record<string, unknown>).nonce = 7
    ;(lanes as Record<string, unknown>).extra = true
    writeLanes(lanesPath(repo), lanes)
    const before = fingerprint(repo.root, watched)
    const { code, stderr, stdout } = await run(['emergency', 'fire', '--json'])
    expect(code).toBe(2)
    expect(stderr).toContain('$.extra: unknown key')
    expect(stderr).toContain('$.lanes[0].nonce: expected a decimal string')
    expect(JSON.parse(stdout)).toMatchObject({
      ok: false,
      error: { code: 'EMERGENCY_LANES_INVALID' },
    })
    expect(fingerprint(repo.root, watched)).toEqual(before)
  })

  test('error: no lanes file, an unknown target, --target with --all exit 2', async () => {
    const missing = await run(['emergency', 'fire'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('No emergency lanes file at')
    await prepare()
    const unknown = await run(['emergency', 'fire', '--target', 'Nope'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('no lane for "Nope"')
    expect(unknown.stderr).toContain('Known: AuthorCoin')
    const both = await run([
      'emergency',
      'fire',
      '--target',
      'AuthorCoin',
      '--all',
    ])
    expect(both.code).toBe(2)
    expect(await coinPaused(repo)).toBe(false)
  })

  test('error: an unknown network exits 2', async () => {
    const { code, stderr } = await run([
      'emergency',
      'fire',
      '--network',
      'atlantis',
    ])
    expect(code).toBe(2)
    expect(stderr).toContain('Unknown network "atlantis"')
  })

  test('error: an unreachable RPC exits 3 and sends nothing', async () => {
    await prepare()
    const before = readFileSync(lanesPath(repo), 'utf8')
    const { code, stderr } = await run(['emergency', 'fire'], {
      LOCAL_RPC_URL: 'http://127.0.0.1:9',
    })
    expect(code).toBe(3)
    expect(stderr).toContain('Could not reach the RPC at http://127.0.0.1:9')
    expect(readFileSync(lanesPath(repo), 'utf8')).toBe(before)
    expect(await coinPaused(repo)).toBe(false)
  })
})
