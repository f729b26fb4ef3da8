import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { safeAbi } from '@storydao/core'
import { computeTransactionBuilderChecksum } from '@storydao/safe'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { lanesPath, readLanes, writeLanes } from '../../test/emergencyLanes.js'
import { contractsDir, ensureFoundryBuild } from '../../test/foundryBuild.js'
import {
  type LocalRepository,
  startLocalRepository,
} from '../../test/localRepository.js'
import { fingerprint, runBin } from '../../test/runBin.js'
import { scheduleRogueOperation } from '../../test/scheduleRogueOperation.js'

let repo: LocalRepository
beforeAll(async () => {
  ensureFoundryBuild()
  repo = await startLocalRepository()
}, 300_000)
afterAll(() => repo?.stop())
beforeEach(() => repo.reset())

const run = (args: string[]) => runBin(args, { cwd: repo.root, env: repo.env })

const untouched = () =>
  fingerprint(repo.root, ['deployments', 'docs', 'safe-transactions'])

type ReviewJson = {
  ok: boolean
  safe: `0x${string}`
  safeTxHash: `0x${string}`
  domainHash: `0x${string}`
  messageHash: `0x${string}`
  hashChecks: { by: string; claimed: string; matches: boolean }[]
  nonce: { nonce: string; chainNonce: string }
  calls: { depth: number; text: string; raw: boolean }[]
  action: string | undefined
  rehearsal: { status: string; invariants: { ok: boolean }[] }
  stateChanges: string[]
  warnings: { severity: string; code: string; message: string }[]
}

/** The Safe's own view of the hashes: `domainSeparator()` and `getTransactionHash(…)`. */
async function chainHashes(
  safe: `0x${string}`,
  nonce: bigint,
  call: {
    to: `0x${string}`
    data: `0x${string}`
  },
) {
  const zero = '0x0000000000000000000000000000000000000000'
  const client = repo.stack.client
  const [domainHash, safeTxHash] = await Promise.all([
    client.readContract({
      address: safe,
      abi: safeAbi,
      functionName: 'domainSeparator',
    }),
    client.readContract({
      address: safe,
      abi: safeAbi,
      functionName: 'getTransactionHash',
      args: [call.to, 0n, call.data, 0, 0n, 0n, 0n, zero, zero, nonce],
    }),
  ])
  return { domainHash, safeTxHash }
}

async function proposed(args: string[]): Promise<`0x${string}`> {
  const { code, json, stderr } = await run([...args, '--propose', '--json'])
  expect(code, stderr).toBe(0)
  return (json as { safeTxHash: `0x${string}` }).safeTxHash
}

/** A loopback proxy in front of the local service that rewrites one transaction's JSON. */
async function tamperingService(
  tamper: (tx: Record<string, unknown>) => void,
): Promise<{ url: string; server: Server }> {
  const upstream = repo.stack.txServiceUrl
  const origin = new URL(upstream).origin
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const answer = await fetch(`${origin}${request.url}`, {
      method: request.method ?? 'GET',
      headers: { 'content-type': 'application/json' },
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    })
    let body = await answer.text()
    if (
      /\/v2\/multisig-transactions\/0x[0-9a-f]{64}\/$/i.test(request.url ?? '')
    ) {
      const tx = JSON.parse(body) as Record<string, unknown>
      tamper(tx)
      body = JSON.stringify(tx)
    }
    response.writeHead(answer.status, { 'content-type': 'application/json' })
    response.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}${new URL(upstream).pathname}`
  const path = join(repo.root, 'deployments', 'networks.json')
  const networks = JSON.parse(readFileSync(path, 'utf8'))
  networks.networks.local.txServiceUrl = url
  writeFileSync(path, `${JSON.stringify(networks, null, 2)}\n`)
  return { url, server }
}

describe('storydao-ops review', () => {
  test('default: a proposed pause; the hashes are what the Safe computes, nothing critical', async () => {
    const safeTxHash = await proposed(['pause'])
    const { code, json, stderr } = await run(['review', safeTxHash, '--json'])
    expect(code, stderr).toBe(0)
    const review = json as ReviewJson
    const safe = repo.stack.manifest.safes.emergency!.address
    const coin = repo.stack.manifest.contracts.AuthorCoin!.address
    const onChain = await chainHashes(safe, 0n, {
      to: coin,
      data: '0x8456cb59',
    })
    expect(review).toMatchObject({
      ok: true,
      safe,
      safeTxHash,
      domainHash: onChain.domainHash,
      action: 'pause',
      rehearsal: { status: 'success' },
    })
    expect(onChain.safeTxHash).toBe(safeTxHash)
    expect(review.hashChecks.every((check) => check.matches)).toBe(true)
    expect(review.calls[0]!.text).toBe('AuthorCoin.pause()')
    expect(review.rehearsal.invariants.length).toBeGreaterThan(0)
    expect(review.rehearsal.invariants.every((result) => result.ok)).toBe(true)
    expect(review.warnings.filter((w) => w.severity === 'critical')).toEqual([])
    expect(review.stateChanges.join('\n')).toMatch(/false → true/)
  })

  test('behavior: the Markdown names the hashes, the call and the verdict', async () => {
    const safeTxHash = await proposed(['pause'])
    const { code, stdout } = await run(['review', safeTxHash])
    expect(code).toBe(0)
    expect(stdout).toContain(`- safeTxHash:   \`${safeTxHash}\``)
    expect(stdout).toContain('- AuthorCoin.pause()')
    expect(stdout).toContain('Nothing critical')
  })

  test('behavior: a proposed timelock cancel decodes and passes its invariants', async () => {
    const id = await scheduleRogueOperation(repo.stack)
    const safeTxHash = await proposed(['timelock', 'cancel', id])
    const { code, json, stderr } = await run(['review', safeTxHash, '--json'])
    expect(code, stderr).toBe(0)
    const review = json as ReviewJson
    expect(review).toMatchObject({
      ok: true,
      safeTxHash,
      action: 'timelock-cancel',
    })
    expect(review.calls[0]!.text).toBe(`StoryTimelock.cancel(id: ${id})`)
    expect(review.rehearsal.invariants.every((result) => result.ok)).toBe(true)
  })

  test('behavior: a proposed upgrade: the tree down to the initializer, the implementation verified against --contracts', async () => {
    const upgrade = ['--contracts', contractsDir]
    const prepared = await run([
      'upgrade',
      'prepare',
      '--target',
      'AuthorCoin',
      '--to',
      'AuthorCoinV2',
      '--call',
      'initializeV2(1000000000000000000000000)',
      '--id',
      'authorcoin-v2',
      ...upgrade,
    ])
    expect(prepared.code, prepared.stderr).toBe(0)
    const safeTxHash = await proposed([
      'upgrade',
      'propose',
      '--id',
      'authorcoin-v2',
      '--via',
      'timelock',
      ...upgrade,
    ])
    const { code, json, stderr } = await run([
      'review',
      safeTxHash,
      '--json',
      ...upgrade,
    ])
    expect(code, stderr).toBe(0)
    const review = json as ReviewJson
    expect(review).toMatchObject({ ok: true, action: 'timelock-schedule' })
    expect(review.calls.map((line) => line.depth)).toEqual([0, 1, 1, 2, 3])
    expect(review.calls[4]!.text).toBe(
      'AuthorCoin.initializeV2(mintLimitPerCall_: 1000000000000000000000000)',
    )
    expect(review.warnings).toEqual([
      expect.objectContaining({
        severity: 'info',
        code: 'implementation-verified',
      }),
    ])
  })

  test('behavior: a Transaction Builder file matches the hash in its report', async () => {
    const { json } = await run(['pause', '--json'])
    const file = (json as { files: { transactionBuilder: string } }).files
      .transactionBuilder
    const {
      code,
      json: reviewed,
      stderr,
    } = await run(['review', file, '--json'])
    expect(code, stderr).toBe(0)
    const review = reviewed as ReviewJson
    expect(review.hashChecks).toHaveLength(1)
    expect(review.hashChecks[0]!.matches).toBe(true)
    expect(review.safeTxHash).toBe((json as { safeTxHash: string }).safeTxHash)
  })

  test('error: a file with a swapped call (checksum redone) differs from its report and exits 1', async () => {
    const { json } = await run(['pause', '--json'])
    const file = (json as { files: { transactionBuilder: string } }).files
      .transactionBuilder
    const batch = JSON.parse(readFileSync(file, 'utf8'))
    // Same pause() calldata, aimed at the timelock instead of the token.
    batch.transactions[0].to =
      repo.stack.manifest.contracts.StoryTimelock!.address
    batch.meta.checksum = computeTransactionBuilderChecksum(batch)
    writeFileSync(file, JSON.stringify(batch, null, 2))
    const { code, json: reviewed } = await run(['review', file, '--json'])
    expect(code).toBe(1)
    const review = reviewed as ReviewJson
    expect(review.ok).toBe(false)
    expect(review.warnings).toContainEqual(
      expect.objectContaining({ severity: 'critical', code: 'hash-mismatch' }),
    )
  })

  test('error: a service that forges the safeTxHash is caught (exit 1)', async () => {
    const safeTxHash = await proposed(['pause'])
    const forged = `0x${'ab'.repeat(32)}`
    const { server } = await tamperingService((tx) => {
      tx.safeTxHash = forged
    })
    try {
      const { code, json } = await run(['review', safeTxHash, '--json'])
      expect(code).toBe(1)
      const review = json as ReviewJson
      expect(review.safeTxHash).toBe(safeTxHash)
      expect(review.hashChecks).toContainEqual(
        expect.objectContaining({ claimed: forged, matches: false }),
      )
    } finally {
      server.close()
    }
  })

  test('error: a service that alters the data is caught (exit 1)', async () => {
    const safeTxHash = await proposed(['pause'])
    const { server } = await tamperingService((tx) => {
      tx.data = '0x3f4ba83a' // unpause()
    })
    try {
      const { code, json, stdout } = await run(['review', safeTxHash, '--json'])
      expect(code, stdout).toBe(1)
      const review = json as ReviewJson
      expect(review.safeTxHash).not.toBe(safeTxHash)
      expect(review.calls[0]!.text).toBe('AuthorCoin.unpause()')
      expect(review.warnings).toContainEqual(
        expect.objectContaining({
          severity: 'critical',
          code: 'hash-mismatch',
        }),
      )
    } finally {
      server.close()
    }
  })

  test('behavior: --html writes one offline page with the hashes and says where', async () => {
    const safeTxHash = await proposed(['pause'])
    const { code, json, stderr } = await run([
      'review',
      safeTxHash,
      '--html',
      'review.html',
      '--json',
    ])
    expect(code, stderr).toBe(0)
    const page = join(repo.root, 'review.html')
    expect((json as { html: string }).html).toBe(page)
    const html = readFileSync(page, 'utf8')
    expect(html).toContain(
      `<code class="hash-value" data-field="safeTxHash">${safeTxHash}</code>`,
    )
    expect(html).toContain('AuthorCoin.pause()')
    // Nothing the browser would fetch: no src, href or url() at all.
    expect(html).not.toMatch(/\s(src|href)=|url\(/)
  })

  test('error: --html naming a folder exits 2 before the review runs, writing nothing', async () => {
    mkdirSync(join(repo.root, 'pages'))
    const before = untouched()
    const { code, stderr, stdout } = await run([
      'review',
      `0x${'cd'.repeat(32)}`,
      '--html',
      'pages',
    ])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('--html pages is a folder')
    expect(existsSync(join(repo.root, 'pages', 'review.html'))).toBe(false)
    expect(untouched()).toEqual(before)
  })

  test('error: a malformed hash exits 2 and changes no file', async () => {
    const before = untouched()
    const { code, stderr, stdout } = await run(['review', '0x1234'])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('is not a safeTxHash')
    expect(untouched()).toEqual(before)
  })

  test('error: a hash the service does not know exits 2 and changes no file', async () => {
    const before = untouched()
    const { code, stderr } = await run(['review', `0x${'cd'.repeat(32)}`])
    expect(code).toBe(2)
    expect(stderr).toContain('has no transaction')
    expect(untouched()).toEqual(before)
  })

  test('error: a missing file exits 2', async () => {
    const { code, stderr } = await run(['review', 'nope.json'])
    expect(code).toBe(2)
    expect(stderr).toContain('Cannot read the Transaction Builder file')
  })

  test("behavior: --lane reviews a break-glass lane: the lanes file's hash matches the Safe's, a pause, nothing critical", async () => {
    rmSync(join(repo.root, 'safe-transactions'), {
      recursive: true,
      force: true,
    })
    const prepared = await run(['emergency', 'prepare', '--json'])
    expect(prepared.code, prepared.stderr).toBe(0)
    const lanes = readLanes(lanesPath(repo))
    const lane = lanes.lanes[1]!
    const { code, json, stderr } = await run([
      'review',
      '--lane',
      'AuthorCoin@1',
      '--json',
    ])
    expect(code, stderr).toBe(0)
    const review = json as ReviewJson
    expect(review.safeTxHash).toBe(lane.safeTxHash)
    expect(review.hashChecks).toEqual([
      expect.objectContaining({ claimed: lane.safeTxHash, matches: true }),
    ])
    expect(review.action).toBe('pause')
    const onChain = await chainHashes(lanes.safe, 1n, {
      to: lane.safeTx.to as `0x${string}`,
      data: lane.safeTx.data as `0x${string}`,
    })
    expect(onChain.safeTxHash).toBe(review.safeTxHash)
  })

  test('error: --lane on an edited lane shows the hash MISMATCH and exits 1; an unknown lane exits 2', async () => {
    rmSync(join(repo.root, 'safe-transactions'), {
      recursive: true,
      force: true,
    })
    expect((await run(['emergency', 'prepare'])).code).toBe(0)
    const lanes = readLanes(lanesPath(repo))
    lanes.lanes[0]!.safeTx.data = '0x3f4ba83a'
    writeLanes(lanesPath(repo), lanes)
    const edited = await run(['review', '--lane', 'AuthorCoin@0'])
    expect(edited.code).toBe(1)
    expect(edited.stdout).toContain('MISMATCH')
    const unknown = await run(['review', '--lane', 'AuthorCoin@9'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('Known: AuthorCoin@0, AuthorCoin@1')
  })
})
