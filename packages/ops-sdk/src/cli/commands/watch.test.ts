import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { storyTimelockAbi } from '@storydao/core'
import type { Hex } from 'viem'
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  test,
} from 'vitest'
import { contractsDir, ensureFoundryBuild } from '../../test/foundryBuild.js'
import {
  type LocalRepository,
  startLocalRepository,
} from '../../test/localRepository.js'
import { fingerprint, runBin } from '../../test/runBin.js'
import { scheduleRogueOperation } from '../../test/scheduleRogueOperation.js'
import { type RunningBin, spawnBin } from '../../test/spawnBin.js'

let repo: LocalRepository
beforeAll(async () => {
  repo = await startLocalRepository()
}, 120_000)
afterAll(() => repo?.stop())
beforeEach(() => repo.reset())

let watching: RunningBin | undefined
afterEach(() => {
  watching?.child.kill('SIGKILL')
  watching = undefined
})

const run = (args: string[], env: Record<string, string | undefined> = {}) =>
  runBin(args, {
    cwd: repo.root,
    env: { ...repo.env, ...env },
    timeoutMs: 120_000,
  })
const dirs = ['deployments', 'docs', 'safe-transactions']

/** One sample of the scrape, e.g. `storydao_timelock_unknown_operations`. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text
    .split('\n')
    .find(
      (candidate) =>
        candidate.startsWith(`${name}{`) && candidate.includes(labels),
    )
  return line === undefined ? undefined : Number(line.split(' ').at(-1))
}

async function scrape(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('text/plain')
  return response.text()
}

describe('storydao-ops watch', () => {
  test('default: a rogue operation is flagged within one poll, /metrics shows it, the prepared cancel executed brings unknown back to 0, SIGTERM exits within a second', async () => {
    watching = spawnBin(
      [
        'watch',
        '--interval',
        '0.5',
        '--metrics',
        '127.0.0.1:0',
        '--propose-cancel',
      ],
      { cwd: repo.root, env: repo.env },
    )
    const [, url] = await watching.waitForStderr(
      /Serving Prometheus metrics at (\S+)/,
    )
    await watching.waitForStderr(/block \d+: 0 pending timelock operation/)
    let text = await scrape(url!)
    expect(sample(text, 'storydao_timelock_unknown_operations')).toBe(0)

    const id = await scheduleRogueOperation(repo.stack)
    const flagged = await watching.waitForEvent(
      (event) =>
        event.type === 'operation-scheduled' && event.operationId === id,
      10_000,
    )
    expect(flagged).toMatchObject({ known: false })
    expect((flagged.details as { calls: string[] }).calls[0]).toMatch(
      /^AuthorCoin\.mint\(/,
    )

    // The gauge and the seconds-until-ready series, against the timelock's own clock.
    const timelock = repo.stack.manifest.contracts.StoryTimelock!.address
    const [readyAt, block] = await Promise.all([
      repo.stack.client.readContract({
        address: timelock,
        abi: storyTimelockAbi,
        functionName: 'getTimestamp',
        args: [id],
      }),
      repo.stack.client.getBlock(),
    ])
    await watching.waitForStderr(/1 pending timelock operation\(s\), 1 UNKNOWN/)
    text = await scrape(url!)
    expect(sample(text, 'storydao_timelock_unknown_operations')).toBe(1)
    expect(sample(text, 'storydao_timelock_pending_operations')).toBe(1)
    expect(
      sample(
        text,
        'storydao_timelock_operation_seconds_until_ready',
        `id="${id}"`,
      ),
    ).toBe(Number(readyAt - block.timestamp))
    expect(
      sample(text, 'storydao_contract_paused', 'contract="AuthorCoin"'),
    ).toBe(0)
    expect(sample(text, 'storydao_safe_service_up')).toBe(1)

    // The cancel is prepared, reviewed and proposed, and the line names it.
    const prepared = await watching.waitForEvent(
      (event) => event.type === 'cancel-prepared' && event.operationId === id,
      60_000,
    )
    const cancel = prepared.details as {
      safeTxHash: Hex
      proposed: boolean
      rehearsed: boolean
      reviewed: boolean
      files: { transactionBuilder: string; report: string; review: string }
    }
    expect(cancel).toMatchObject({
      proposed: true,
      rehearsed: true,
      reviewed: true,
    })
    for (const file of Object.values(cancel.files))
      expect(existsSync(file)).toBe(true)
    expect(readFileSync(cancel.files.review, 'utf8')).toContain(
      `safeTxHash:   \`${cancel.safeTxHash}\``,
    )

    // Signers take it from here: a second signature, then execution.
    const confirmed = await run(['safe', 'confirm', cancel.safeTxHash])
    expect(confirmed.code, confirmed.stderr).toBe(0)
    const executed = await run(['safe', 'execute', cancel.safeTxHash])
    expect(executed.code, executed.stderr).toBe(0)
    await watching.waitForEvent(
      (event) =>
        event.type === 'operation-cancelled' && event.operationId === id,
      10_000,
    )
    expect(
      await repo.stack.client.readContract({
        address: timelock,
        abi: storyTimelockAbi,
        functionName: 'isOperation',
        args: [id],
      }),
    ).toBe(false)
    await watching.waitForStderr(/0 pending timelock operation\(s\), 0 UNKNOWN/)
    text = await scrape(url!)
    expect(sample(text, 'storydao_timelock_unknown_operations')).toBe(0)
    expect(
      sample(text, 'storydao_timelock_operation_seconds_until_ready'),
    ).toBeUndefined()

    const started = Date.now()
    watching.child.kill('SIGTERM')
    const { code } = await watching.exited
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(code).toBe(0)
    expect(watching.stderr()).toContain('Stopped.')
    await expect(fetch(url!)).rejects.toThrow()
  }, 180_000)

  test('behavior: an upgrade proposed with "upgrade propose --via timelock" is known: queued, executed by the ops Safe, scheduled, never flagged', async () => {
    ensureFoundryBuild()
    const upgrade = (args: string[]) =>
      run(['upgrade', ...args, '--contracts', contractsDir])
    const prepared = await upgrade([
      'prepare',
      '--target',
      'AuthorCoin',
      '--to',
      'AuthorCoinV2',
      '--id',
      'authorcoin-v2',
    ])
    expect(prepared.code, prepared.stderr).toBe(0)
    watching = spawnBin(['watch', '--interval', '0.5'], {
      cwd: repo.root,
      env: repo.env,
    })
    await watching.waitForStderr(/block \d+: 0 pending timelock operation/)
    const proposed = await upgrade([
      'propose',
      '--id',
      'authorcoin-v2',
      '--via',
      'timelock',
      '--propose',
      '--json',
    ])
    expect(proposed.code, proposed.stderr).toBe(0)
    const { safeTxHash, operationId } = proposed.json as {
      safeTxHash: Hex
      operationId: Hex
    }
    await watching.waitForEvent(
      (event) =>
        event.type === 'safe-transaction-queued' &&
        (event.details as { safeTxHash: Hex }).safeTxHash === safeTxHash,
      10_000,
    )
    for (const step of ['confirm', 'execute']) {
      const signed = await run(['safe', step, safeTxHash])
      expect(signed.code, signed.stderr).toBe(0)
    }
    const scheduled = await watching.waitForEvent(
      (event) =>
        event.type === 'operation-scheduled' &&
        event.operationId === operationId,
      10_000,
    )
    expect(scheduled).toMatchObject({
      known: true,
      details: { origin: { kind: 'upgrade', id: 'authorcoin-v2' } },
    })
    await watching.waitForEvent(
      (event) =>
        event.type === 'safe-transaction-dequeued' &&
        (event.details as { safeTxHash: Hex }).safeTxHash === safeTxHash,
      10_000,
    )
    expect(watching.events.some((event) => event.known === false)).toBe(false)
    watching.child.kill('SIGTERM')
    expect((await watching.exited).code).toBe(0)

    const once = await run(['watch', '--once'])
    expect(once.code, once.stderr).toBe(0)
    expect(JSON.parse(once.stdout.trim())).toMatchObject({
      type: 'operation-pending',
      operationId,
      known: true,
    })
  }, 300_000)

  test('behavior: SIGTERM while the cancel is rehearsed on a fork exits 0 within a second, and the fork is gone', async () => {
    await scheduleRogueOperation(repo.stack)
    watching = spawnBin(['watch', '--interval', '0.5'], {
      cwd: repo.root,
      env: repo.env,
    })
    await watching.waitForStderr(/Rehearse it on a fork/, 60_000)
    const children = execFileSync('ps', [
      '-o',
      'pid=',
      '--ppid',
      String(watching.child.pid),
    ])
      .toString()
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number)
    expect(children.length).toBeGreaterThan(0)
    const started = Date.now()
    watching.child.kill('SIGTERM')
    const { code } = await watching.exited
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(code).toBe(0)
    // anvil is SIGKILLed as the process exits; the kernel may take a moment
    // to end and reap it (a zombie is gone for our purpose).
    const isRunning = (pid: number) => {
      try {
        return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
      } catch {
        return false
      }
    }
    let alive = children.filter(isRunning)
    for (let wait = 0; alive.length > 0 && wait < 20; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      alive = alive.filter(isRunning)
    }
    expect(alive).toEqual([])
  }, 120_000)

  test('behavior: --once exits 1 while an UNKNOWN operation is pending, 0 otherwise; without --propose-cancel nothing is proposed', async () => {
    const clean = await run(['watch', '--once'])
    expect(clean.code, clean.stderr).toBe(0)
    expect(clean.stdout).toBe('')

    const id = await scheduleRogueOperation(repo.stack)
    const flagged = await run(['watch', '--once'])
    expect(flagged.code, flagged.stderr).toBe(1)
    const events = flagged.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(events).toMatchObject([
      { type: 'operation-pending', operationId: id, known: false },
      {
        type: 'cancel-prepared',
        operationId: id,
        details: { proposed: false, rehearsed: true },
      },
    ])
    expect(events[1].details.safeTxHash).toMatch(/^0x[0-9a-f]{64}$/)
  }, 120_000)

  test('behavior: --incident logs the start and the prepared cancel; an unknown slug exits 2 before anything is written', async () => {
    const opened = await run([
      'incident',
      'open',
      'Rogue timelock operation',
      '--json',
    ])
    const { slug, path } = opened.json as { slug: string; path: string }
    const id = await scheduleRogueOperation(repo.stack)
    const flagged = await run(['watch', '--once', '--incident', slug])
    expect(flagged.code, flagged.stderr).toBe(1)
    const { safeTxHash } = JSON.parse(flagged.stdout.trim().split('\n')[1]!)
      .details as { safeTxHash: Hex }
    const log = readFileSync(path, 'utf8')
    expect(log).toContain('watch started on local')
    expect(log).toContain(`UNKNOWN operation ${id}`)
    expect(log).toContain(`safeTxHash ${safeTxHash}`)

    const before = fingerprint(repo.root, dirs)
    // --metrics too: the server it opened must not keep the process alive.
    const missing = await run([
      'watch',
      '--metrics',
      '127.0.0.1:0',
      '--incident',
      'no-such-incident',
    ])
    expect(missing.code).toBe(2)
    expect(missing.stdout).toBe('')
    expect(fingerprint(repo.root, dirs)).toEqual(before)
  }, 120_000)

  test('behavior: a Transaction Service that is down is an event and a metric, not a crash', async () => {
    const networksPath = `${repo.root}/deployments/networks.json`
    const networks = JSON.parse(readFileSync(networksPath, 'utf8'))
    networks.networks.local.txServiceUrl = 'http://127.0.0.1:9/api'
    writeFileSync(networksPath, JSON.stringify(networks, null, 2))
    const { code, stdout, stderr } = await run(['watch', '--once'])
    expect(code, stderr).toBe(0)
    expect(JSON.parse(stdout.trim())).toMatchObject({
      type: 'safe-service-down',
      details: { error: { code: 'SAFE_SERVICE_UNREACHABLE' } },
    })
    expect(stderr).toContain('Safe service DOWN')

    watching = spawnBin(
      ['watch', '--interval', '0.5', '--metrics', '127.0.0.1:0'],
      { cwd: repo.root, env: repo.env },
    )
    const [, url] = await watching.waitForStderr(
      /Serving Prometheus metrics at (\S+)/,
    )
    await watching.waitForStderr(/Safe service DOWN/)
    const text = await scrape(url!)
    expect(sample(text, 'storydao_safe_service_up')).toBe(0)
    expect(sample(text, 'storydao_watch_poll_errors_total')).toBe(0)
    expect(sample(text, 'storydao_timelock_unknown_operations')).toBe(0)
  }, 120_000)

  test('behavior: a poll that fails later (a broken manifest) is counted and warned about, and the watch goes on', async () => {
    watching = spawnBin(
      ['watch', '--interval', '0.3', '--metrics', '127.0.0.1:0'],
      { cwd: repo.root, env: repo.env },
    )
    const [, url] = await watching.waitForStderr(
      /Serving Prometheus metrics at (\S+)/,
    )
    await watching.waitForStderr(/0 UNKNOWN/)
    const manifestPath = `${repo.root}/deployments/local.json`
    const manifest = readFileSync(manifestPath, 'utf8')
    writeFileSync(manifestPath, '{ "not": "a manifest" }\n')
    await watching.waitForStderr(
      /poll failed \(MANIFEST_INVALID\): .*retrying at the next interval/,
    )
    const failing = await scrape(url!)
    expect(sample(failing, 'storydao_watch_poll_errors_total')).toBeGreaterThan(
      0,
    )
    const lastGood = sample(
      failing,
      'storydao_watch_last_poll_timestamp_seconds',
    )!
    writeFileSync(manifestPath, manifest)
    const id = await scheduleRogueOperation(repo.stack)
    await watching.waitForEvent(
      (event) =>
        event.type === 'operation-scheduled' && event.operationId === id,
      10_000,
    )
    const recovered = await scrape(url!)
    expect(
      sample(recovered, 'storydao_watch_last_poll_timestamp_seconds'),
    ).toBeGreaterThan(lastGood)
    expect(watching.child.exitCode).toBeNull()
  }, 120_000)

  test('error: an unknown network, a bad --metrics address or --interval exit 2 and change no file', async () => {
    const before = fingerprint(repo.root, dirs)
    const unknown = await run(['watch', '--network', 'nope', '--once'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('nope')
    for (const address of ['9464', 'localhost:99999', 'example.com:9464']) {
      const bad = await run(['watch', '--metrics', address])
      expect(bad.code, address).toBe(2)
      expect(bad.stderr).toContain(
        `--metrics must be <host>:<port> with an IP address (or localhost) and a port up to 65535, got "${address}".`,
      )
    }
    const interval = await run(['watch', '--interval', '0'])
    expect(interval.code).toBe(2)
    expect(interval.stderr).toContain('--interval must be a number of seconds')
    expect(fingerprint(repo.root, dirs)).toEqual(before)
  }, 60_000)

  test('error: a --metrics port in use exits 2 naming it', async () => {
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const { port } = taken.address() as { port: number }
    try {
      const { code, stdout, stderr } = await run([
        'watch',
        '--metrics',
        `127.0.0.1:${port}`,
        '--json',
      ])
      expect(code).toBe(2)
      expect(stderr).toContain(
        `Cannot serve metrics on 127.0.0.1:${port}: the port is in use by another process.`,
      )
      expect(JSON.parse(stdout)).toMatchObject({
        ok: false,
        error: { code: 'CLI_USAGE' },
      })
    } finally {
      taken.close()
    }
  }, 60_000)

  test('error: an unreachable RPC at start exits 3', async () => {
    const { code, stderr } = await run(['watch', '--once'], {
      LOCAL_RPC_URL: 'http://127.0.0.1:9',
    })
    expect(code).toBe(3)
    expect(stderr).toContain('Could not reach the RPC')
  }, 60_000)
})
