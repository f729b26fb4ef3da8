import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { runBin } from '../../test/runBin.js'

test('default: demo walks the seed playbook and leaves its records in the output folder', async () => {
  const out = mkdtempSync(join(tmpdir(), 'storydao-demo-test-'))
  const result = await runBin(['demo', '--json'], {
    env: { DEMO_OUT_DIR: out },
    timeoutMs: 300_000,
  })
  expect(result.stderr).not.toMatch(/Error/)
  expect(result.code).toBe(0)
  const summary = result.json as {
    ok: boolean
    out: string
    incident: {
      incidentLog: string
      stateDump: string
      rogueOperation: string
      cancel: { safeTxHash: string; transactionHash: string }
      pause: { safeTxHash: string; transactionHash: string }
    }
  }
  expect(summary).toMatchObject({ ok: true, out })
  expect(result.stderr).toContain('storydao-ops timelock list')

  const log = readFileSync(summary.incident.incidentLog, 'utf8')
  expect(log).toContain(summary.incident.rogueOperation)
  expect(log).toContain(summary.incident.cancel.safeTxHash)
  expect(log).toContain(summary.incident.pause.safeTxHash)
  expect(log).toContain('## Closing summary')
  expect(existsSync(summary.incident.stateDump)).toBe(true)
  const dump = JSON.parse(readFileSync(summary.incident.stateDump, 'utf8'))
  expect(dump.snapshot.contracts.AuthorCoin.values.paused).toBe(true)
}, 320_000)
