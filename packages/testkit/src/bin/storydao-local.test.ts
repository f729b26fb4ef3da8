import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseManifest } from '@storydao/core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

// The bin runs from the build (turbo builds testkit before its tests), exactly
// as `npx -y pnpm@10 local` runs it.
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '../..')
const bin = join(packageDir, 'dist/bin/storydao-local.js')
const cast = join(
  dirname(
    createRequire(import.meta.url).resolve('@foundry-rs/cast/package.json'),
  ),
  'bin.mjs',
)

type Ready = {
  rpcUrl: string
  chainId: number
  txServiceUrl: string | null
  manifestPath: string
  safes: { ops: `0x${string}`; emergency: `0x${string}` }
  contracts: Record<string, `0x${string}`>
}

function startBin(
  args: string[],
): Promise<{ child: ChildProcess; ready: Ready; stderr: () => string }> {
  const child = spawn(process.execPath, [bin, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stderr!.on('data', (chunk) => {
    stderr += chunk
  })
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      stdout += chunk
      const newline = stdout.indexOf('\n')
      if (newline >= 0)
        resolve({
          child,
          ready: JSON.parse(stdout.slice(0, newline)),
          stderr: () => stderr,
        })
    })
    child.once('exit', (code) =>
      reject(new Error(`exited with ${code}: ${stderr}`)),
    )
  })
}

/** Stops the bin the way Ctrl-C does and waits, so it can stop its anvil. */
function stopBin(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

const castCall = (rpcUrl: string, ...args: string[]) =>
  execFileSync(process.execPath, [cast, 'call', '--rpc-url', rpcUrl, ...args], {
    encoding: 'utf8',
  }).trim()

describe('storydao-local', () => {
  let running: Awaited<ReturnType<typeof startBin>>
  const dir = mkdtempSync(join(tmpdir(), 'storydao-local-'))
  const manifestPath = join(dir, 'nested', 'local.json')

  beforeAll(async () => {
    running = await startBin(['--manifest', manifestPath])
  })
  afterAll(async () => {
    if (running) await stopBin(running.child)
  })

  test('default: prints one ready line and writes a valid manifest', () => {
    const { ready } = running
    expect(ready.chainId).toBe(31337)
    expect(ready.rpcUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(ready.txServiceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/)
    expect(ready.manifestPath).toBe(manifestPath)
    expect(Object.keys(ready.contracts).sort()).toEqual([
      'AuthorCoin',
      'StoryDAO',
      'StoryTimelock',
      'Treasury',
      'TreasuryBeacon',
    ])
    const manifest = parseManifest({
      input: JSON.parse(readFileSync(manifestPath, 'utf8')),
      source: manifestPath,
    })
    expect(manifest.safes.ops.address).toBe(ready.safes.ops)
    expect(manifest.contracts.AuthorCoin!.address).toBe(
      ready.contracts.AuthorCoin,
    )
    expect(running.stderr()).toContain('deploying StoryDAO contracts')
    // Editors find the JSON Schema from wherever the manifest was written.
    expect(manifest.$schema).toMatch(/manifest\.schema\.json$/)
    expect(existsSync(resolve(dirname(manifestPath), manifest.$schema!))).toBe(
      true,
    )
  })

  test('behavior: cast sees the ops Safe threshold and the emergency pauser', () => {
    const { ready } = running
    expect(
      castCall(ready.rpcUrl, ready.safes.ops, 'getThreshold()(uint256)'),
    ).toBe('2')
    const pauserRole = execFileSync(
      process.execPath,
      [cast, 'keccak', 'PAUSER_ROLE'],
      {
        encoding: 'utf8',
      },
    ).trim()
    expect(
      castCall(
        ready.rpcUrl,
        ready.contracts.AuthorCoin!,
        'hasRole(bytes32,address)(bool)',
        pauserRole,
        ready.safes.emergency,
      ),
    ).toBe('true')
  })

  test('behavior: the local Safe Transaction Service answers for the ops Safe', async () => {
    const { ready } = running
    const about = await fetch(`${ready.txServiceUrl}/v1/about`)
    expect(((await about.json()) as { name: string }).name).toBe(
      'Safe Transaction Service',
    )
    const info = await fetch(
      `${ready.txServiceUrl}/v1/safes/${ready.safes.ops}/`,
    )
    expect(await info.json()).toMatchObject({
      address: ready.safes.ops,
      threshold: 2,
      nonce: '0',
    })
  })

  test('behavior: SIGTERM stops anvil and the Transaction Service, and exits 0', async () => {
    const { child, ready } = running
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', resolve),
    )
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    await expect(
      fetch(ready.rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}',
      }),
    ).rejects.toThrow()
    await expect(fetch(`${ready.txServiceUrl}/v1/about`)).rejects.toThrow()
  })

  test('behavior: --no-tx-service skips it (txServiceUrl null)', async () => {
    const quiet = await startBin([
      '--manifest',
      join(dir, 'no-service.json'),
      '--no-tx-service',
      '--quiet',
    ])
    try {
      expect(quiet.ready.txServiceUrl).toBeNull()
    } finally {
      // SIGTERM, not SIGKILL: a killed bin cannot stop its anvil.
      await stopBin(quiet.child)
    }
  })

  test('error: bad flags exit 2 with a hint', () => {
    let failure: { status: number; stderr: string } | undefined
    try {
      execFileSync(process.execPath, [bin, '--port', 'eighty'], {
        encoding: 'utf8',
        stdio: 'pipe',
      })
    } catch (error) {
      failure = error as { status: number; stderr: string }
    }
    expect(failure?.status).toBe(2)
    expect(failure?.stderr).toContain('--port must be an integer')
    let conflict: { status: number; stderr: string } | undefined
    try {
      execFileSync(
        process.execPath,
        [bin, '--no-tx-service', '--tx-service-state', 'q.json'],
        {
          encoding: 'utf8',
          stdio: 'pipe',
        },
      )
    } catch (error) {
      conflict = error as { status: number; stderr: string }
    }
    expect(conflict?.status).toBe(2)
    expect(conflict?.stderr).toContain('--no-tx-service cannot be combined')
  })

  test('behavior: --help prints usage without starting anything', () => {
    const out = execFileSync(process.execPath, [bin, '--help'], {
      encoding: 'utf8',
    })
    expect(out).toContain('Usage: storydao-local')
    expect(out).toContain('--manifest <path>')
    expect(out).toContain('--no-tx-service')
    expect(out).toContain('--tx-service-state <path>')
    expect(out).toContain('"txServiceUrl"')
  })
})
