import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setErrorConfig } from '@storydao/core'
import { startAnvil } from '@storydao/invariants'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  type LocalRepository,
  startLocalRepository,
} from '../../test/localRepository.js'
import { fingerprint, runBin } from '../../test/runBin.js'

// The bad inputs every command shares, run through the built bin against one
// repository root: an unknown network, an RPC that serves another chain and a
// manifest with a malformed address are bad input (exit 2), and no command
// writes anything when it refuses.
const commands: readonly (readonly string[])[] = [
  ['validate'],
  ['check'],
  ['pause'],
  ['timelock', 'list'],
  ['timelock', 'cancel', '--all'],
  ['dump-state'],
  ['safe', 'queue'],
  ['upgrade', 'prepare', '--target', 'AuthorCoin', '--to', 'AuthorCoinV2'],
]
const watched = ['deployments', 'docs', 'safe-transactions']

let repo: LocalRepository
let otherChain: Awaited<ReturnType<typeof startAnvil>>

beforeAll(async () => {
  setErrorConfig({ version: '@storydao/core@x.y.z' })
  ;[repo, otherChain] = await Promise.all([
    startLocalRepository(),
    startAnvil({ chainId: 1 }),
  ])
}, 120_000)
afterAll(async () => {
  await Promise.all([repo?.stop(), otherChain?.stop()])
})

describe.each(commands.map((words) => ({ command: words.join(' '), words })))(
  'storydao-ops $command',
  ({ words }) => {
    test('error: an unknown network exits 2 and names it', async () => {
      const before = fingerprint(repo.root, watched)
      const { code, stderr } = await runBin(
        [...words, '--network', 'atlantis', '--root', repo.root],
        { env: repo.env },
      )
      expect(code).toBe(2)
      expect(stderr).toMatch(/atlantis/)
      expect(fingerprint(repo.root, watched)).toEqual(before)
    })

    test('error: an RPC on another chain exits 2 and names both chain ids', async () => {
      const before = fingerprint(repo.root, watched)
      const { code, stderr } = await runBin([...words, '--root', repo.root], {
        env: { ...repo.env, LOCAL_RPC_URL: otherChain.rpcUrl },
      })
      expect(stderr).toMatch(/chain/i)
      expect(stderr).toContain('31337')
      expect(code).toBe(2)
      expect(fingerprint(repo.root, watched)).toEqual(before)
    })

    test('error: a malformed address in the manifest exits 2 with its JSON path', async () => {
      const path = join(repo.root, 'deployments', 'local.json')
      const original = readFileSync(path, 'utf8')
      const manifest = JSON.parse(original)
      manifest.contracts.AuthorCoin.address = '0x1234'
      writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`)
      try {
        const before = fingerprint(repo.root, watched)
        const { code, stderr } = await runBin([...words, '--root', repo.root], {
          env: repo.env,
        })
        expect(stderr).toContain('contracts.AuthorCoin.address')
        expect(code).toBe(2)
        expect(fingerprint(repo.root, watched)).toEqual(before)
      } finally {
        writeFileSync(path, original)
      }
    })
  },
)
