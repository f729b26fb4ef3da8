import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { authorCoinAbi } from '@storydao/core'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import {
  type LocalRepository,
  startLocalRepository,
} from '../../test/localRepository.js'
import { runBin } from '../../test/runBin.js'

let repo: LocalRepository
beforeAll(async () => {
  repo = await startLocalRepository()
})
afterAll(() => repo?.stop())
beforeEach(() => repo.reset())

const run = (args: string[], cwd = repo.root) =>
  runBin(args, { cwd, env: repo.env })

async function pauseAuthorCoin() {
  const { stack } = repo
  const emergency = stack.manifest.safes.emergency!.address
  await stack.client.request({
    method: 'anvil_impersonateAccount' as never,
    params: [emergency] as never,
  })
  await stack.client.request({
    method: 'anvil_setBalance' as never,
    params: [emergency, '0xde0b6b3a7640000'] as never,
  })
  await stack.client.waitForTransactionReceipt({
    hash: await stack.client.writeContract({
      address: stack.manifest.contracts.AuthorCoin!.address,
      abi: authorCoinAbi,
      functionName: 'pause',
      account: emergency,
      chain: null,
    }),
  })
}

describe('storydao-ops diff-state', () => {
  test('default: a pause between two dumps reads "AuthorCoin paused false → true"', async () => {
    expect((await run(['dump-state', '--out', 'a.json'])).code).toBe(0)
    await pauseAuthorCoin()
    expect((await run(['dump-state', '--out', 'b.json'])).code).toBe(0)
    const { code, stdout, stderr } = await run([
      'diff-state',
      'a.json',
      'b.json',
    ])
    expect(code, stderr).toBe(0)
    expect(stdout).toContain('AuthorCoin paused false → true')

    const { json } = await run(['diff-state', 'a.json', 'b.json', '--json'])
    const result = json as {
      changes: {
        path: string
        before: unknown
        after: unknown
        description: string
      }[]
    }
    expect(result.changes).toContainEqual({
      path: 'contracts.AuthorCoin.values.paused',
      before: false,
      after: true,
      description: 'AuthorCoin paused false → true',
    })
  })

  test('behavior: identical state exits 0 and says so', async () => {
    await run(['dump-state', '--out', 'a.json'])
    const { code, stdout } = await run(['diff-state', 'a.json', 'a.json'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^No differences, block \d+/)
  })

  test('error: a missing file, a file that is not a dump, or one argument exits 2', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'diff-state-'))
    writeFileSync(join(folder, 'x.json'), '{"hello": 1}')
    writeFileSync(join(folder, 'broken.json'), '{')
    const missing = await run(['diff-state', 'nope.json', 'x.json'], folder)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain(
      'nope.json is not a state dump: no such file.',
    )
    const notDump = await run(['diff-state', 'x.json', 'x.json'], folder)
    expect(notDump.code).toBe(2)
    expect(notDump.stderr).toContain(
      'its "format" is not "storydao-state-dump/1"',
    )
    const broken = await run(
      ['diff-state', 'broken.json', 'x.json', '--json'],
      folder,
    )
    expect(broken.code).toBe(2)
    expect(broken.json).toMatchObject({
      ok: false,
      error: { code: 'STATE_DUMP_INVALID' },
    })
    const one = await run(['diff-state', 'x.json'], folder)
    expect(one.code).toBe(2)
    expect(one.stderr).toContain('needs exactly two files')
  })
})
