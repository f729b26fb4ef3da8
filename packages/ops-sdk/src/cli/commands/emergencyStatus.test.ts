import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { lanesPath, readLanes, writeLanes } from '../../test/emergencyLanes.js'
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
  rmSync(join(repo.root, 'safe-transactions'), { recursive: true, force: true })
})

const run = (args: string[], env: Record<string, string | undefined> = {}) =>
  runBin(args, { cwd: repo.root, env: { ...repo.env, ...env } })

describe('storydao-ops emergency status', () => {
  test("default: the JSON names the Safe nonce, each lane's state and signatures, and what is armed", async () => {
    expect((await run(['emergency', 'prepare'])).code).toBe(0)
    const { code, json, stderr } = await run(['emergency', 'status', '--json'])
    expect(code, stderr).toBe(0)
    expect(json).toMatchObject({
      ok: true,
      path: lanesPath(repo),
      network: 'local',
      safe: repo.stack.manifest.safes.emergency!.address,
      nonce: '0',
      armed: ['AuthorCoin'],
      rearm: false,
      rearmCommand: 'storydao-ops emergency prepare --network local',
      lanes: [
        {
          id: 'AuthorCoin@0',
          state: 'live',
          firesNow: true,
          signed: 2,
          required: 2,
          detail: 'fires now',
        },
        {
          id: 'AuthorCoin@1',
          state: 'live',
          firesNow: false,
          signed: 2,
          required: 2,
          detail: 'armed for nonce 1',
        },
      ],
    })
  })

  test('behavior: a lane whose fields were edited is reported invalid, the others stay live', async () => {
    expect((await run(['emergency', 'prepare'])).code).toBe(0)
    const lanes = readLanes(lanesPath(repo))
    lanes.lanes[0]!.safeTx.data = '0x3f4ba83a'
    writeLanes(lanesPath(repo), lanes)
    const { code, stdout } = await run(['emergency', 'status'])
    expect(code).toBe(1)
    expect(stdout).toMatch(
      /AuthorCoin@0 +invalid .*safeTxHash: the stored fields hash to/,
    )
    expect(stdout).toMatch(/AuthorCoin@1 +live/)
    expect(stdout).toContain(
      'Re-arm: storydao-ops emergency prepare --network local',
    )
  })

  test('error: no lanes file exits 2; an unreachable RPC exits 3; neither changes a file', async () => {
    const before = fingerprint(repo.root, [
      'deployments',
      'docs',
      'safe-transactions',
    ])
    const missing = await run(['emergency', 'status'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('storydao-ops emergency prepare')
    expect((await run(['emergency', 'prepare'])).code).toBe(0)
    const prepared = fingerprint(repo.root, [
      'deployments',
      'docs',
      'safe-transactions',
    ])
    const unreachable = await run(['emergency', 'status'], {
      LOCAL_RPC_URL: 'http://127.0.0.1:9',
    })
    expect(unreachable.code).toBe(3)
    expect(
      fingerprint(repo.root, ['deployments', 'docs', 'safe-transactions']),
    ).toEqual(prepared)
    expect(before).not.toEqual(prepared)
  })
})
