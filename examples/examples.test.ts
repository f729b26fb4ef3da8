import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { parseManifest } from '@storydao/ops-sdk'
import { describe, expect, test } from 'vitest'

// Each example runs exactly as a user runs it (tsx, workspace sources) and
// must end with one JSON result line on stdout.
const here = dirname(fileURLToPath(import.meta.url))
const tsx = join(
  dirname(createRequire(import.meta.url).resolve('tsx/package.json')),
  'dist/cli.mjs',
)

async function runExample(entry: string) {
  const outDir = mkdtempSync(join(tmpdir(), 'storydao-example-'))
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    [tsx, '--conditions=source', join(here, entry)],
    {
      cwd: here,
      env: { ...process.env, DEMO_OUT_DIR: outDir },
      maxBuffer: 16 << 20,
    },
  )
  const lines = stdout.trim().split('\n')
  return { result: JSON.parse(lines[lines.length - 1]!), stderr, outDir }
}

describe('examples', () => {
  test('lifecycle_upgrade: AuthorCoin reaches V2 through the ops Safe and the timelock', async () => {
    const { result, stderr, outDir } = await runExample(
      'lifecycle_upgrade/index.ts',
    )
    expect(result.ok).toBe(true)
    expect(stderr).toContain('queue shows 2/2 confirmations')
    const manifest = parseManifest({
      input: JSON.parse(readFileSync(join(outDir, 'local.json'), 'utf8')),
      source: 'local.json',
    })
    const coin = manifest.contracts.AuthorCoin
    expect(coin?.kind === 'uups-proxy' && coin.implementation).toBe(
      result.implementation,
    )
    expect(manifest.upgrades).toMatchObject([
      {
        id: 'authorcoin-v2',
        status: 'executed',
        toImplementation: result.implementation,
        safeTxHash: result.scheduleSafeTxHash,
        operationId: result.operationId,
      },
    ])
    const batch = JSON.parse(
      readFileSync(join(outDir, 'schedule-batch.json'), 'utf8'),
    )
    expect(batch.chainId).toBe('31337')
    expect(batch.transactions).toHaveLength(2)
    expect(readFileSync(join(outDir, 'schedule-report.md'), 'utf8')).toContain(
      '# Safe transaction check: PASS',
    )
  })

  test('deploy_release: the whole system is deployed by one ops-Safe transaction', async () => {
    const { result } = await runExample('deploy_release/index.ts')
    expect(result.ok).toBe(true)
    expect(result.calls).toBe(12)
    const manifest = parseManifest({
      input: JSON.parse(readFileSync(result.manifestPath, 'utf8')),
      source: result.manifestPath,
    })
    expect(manifest.contracts.StoryDAO?.address).toBe(result.addresses.StoryDAO)
  })

  test('incident_pause: the emergency Safe pauses AuthorCoin', async () => {
    const { result } = await runExample('incident_pause/index.ts')
    expect(result).toMatchObject({ ok: true, paused: true })
  })

  test('incident_cancel-timelock: the emergency Safe cancels a pending operation', async () => {
    const { result } = await runExample('incident_cancel-timelock/index.ts')
    expect(result.ok).toBe(true)
    expect(result.cancelled).toMatch(/^0x[0-9a-f]{64}$/)
  })
})
