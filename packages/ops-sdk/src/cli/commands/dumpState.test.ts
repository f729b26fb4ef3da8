import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { authorCoinAbi } from '@storydao/core'
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

const run = (args: string[], env: Record<string, string> = {}) =>
  runBin(args, { cwd: repo.root, env: { ...repo.env, ...env } })

type Dump = {
  format: string
  network: string
  takenAt: string
  snapshot: {
    chainId: number
    blockNumber: string
    contracts: Record<string, { values: Record<string, unknown> }>
    safes: Record<string, { threshold: string; owners: string[] }>
    balances: Record<string, Record<string, string>>
    timelockOperations: Record<string, Record<string, unknown>>
  }
}

describe('storydao-ops dump-state', () => {
  test('default: writes docs/operations/state/local-<timestamp>.json with the chain values', async () => {
    const { stack } = repo
    const { code, stdout, stderr } = await run(['dump-state'])
    expect(code, stderr).toBe(0)
    const folder = join(repo.root, 'docs', 'operations', 'state')
    const file = /docs\/operations\/state\/(local-\d{8}T\d{6}Z\.json)/.exec(
      stdout,
    )?.[1]
    expect(readdirSync(folder)).toContain(file)
    const dump = JSON.parse(readFileSync(join(folder, file!), 'utf8')) as Dump
    expect(dump.format).toBe('storydao-state-dump/1')
    expect(dump.network).toBe('local')
    const coin = stack.manifest.contracts.AuthorCoin!.address
    const supply = await stack.client.readContract({
      address: coin,
      abi: authorCoinAbi,
      functionName: 'totalSupply',
    })
    // bigints are written as decimal strings, read from the chain.
    expect(dump.snapshot.contracts.AuthorCoin!.values.totalSupply).toBe(
      supply.toString(),
    )
    expect(dump.snapshot.contracts.AuthorCoin!.values.paused).toBe(false)
    expect(dump.snapshot.safes.emergency!.threshold).toBe('2')
    expect(dump.snapshot.blockNumber).toBe(
      (await stack.client.getBlockNumber()).toString(),
    )
  })

  test('behavior: --out, --json and a pending operation in the dump', async () => {
    const id = await scheduleRogueOperation(repo.stack)
    const { code, json, stdout } = await run([
      'dump-state',
      '--out',
      'incident/before.json',
      '--json',
    ])
    expect(code).toBe(0)
    const result = json as { ok: boolean; path: string; blockNumber: string }
    expect(result.ok).toBe(true)
    expect(result.path).toBe(join(repo.root, 'incident', 'before.json'))
    expect(stdout.trim().startsWith('{')).toBe(true)
    const dump = JSON.parse(readFileSync(result.path, 'utf8')) as Dump
    expect(
      Object.keys(dump.snapshot.timelockOperations.StoryTimelock!),
    ).toEqual([id])
  })

  test('behavior: --incident records the dump in the incident log', async () => {
    const opened = await run(['incident', 'open', 'Drain', '--json'])
    const { slug, path } = opened.json as { slug: string; path: string }
    const { code, stderr } = await run(['dump-state', '--incident', slug])
    expect(code, stderr).toBe(0)
    const log = readFileSync(path, 'utf8')
    expect(log).toMatch(/State dumped at block \d+/)
    expect(log).toMatch(
      /File docs\/operations\/state\/local-\d{8}T\d{6}Z\.json/,
    )
  })

  test('error: a bad --block exits 2; an unreachable RPC exits 3; no file written', async () => {
    const before = fingerprint(repo.root)
    const bad = await run(['dump-state', '--block', 'latest'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--block must be a block number')
    const down = await run(['dump-state'], {
      LOCAL_RPC_URL: 'http://127.0.0.1:9',
    })
    expect(down.code).toBe(3)
    expect(fingerprint(repo.root)).toEqual(before)
  })
})
