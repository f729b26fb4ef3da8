import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import { ensureFoundryBuild } from '../../test/foundryBuild.js'
import { runBin } from '../../test/runBin.js'

const repositoryRoot = fileURLToPath(new URL('../../../../..', import.meta.url))

test('default: demo walks the seed playbook and leaves its records in the output folder', async () => {
  const out = mkdtempSync(join(tmpdir(), 'storydao-demo-test-'))
  ensureFoundryBuild()
  // From the repository root, as the README runs it: ./contracts and
  // deployments/releases/storydao.json are the defaults.
  const result = await runBin(['demo', '--json'], {
    cwd: repositoryRoot,
    env: { DEMO_OUT_DIR: out },
    timeoutMs: 300_000,
  })
  expect(result.stderr).not.toMatch(/Error/)
  expect(result.code).toBe(0)
  const summary = result.json as {
    ok: boolean
    out: string
    deployment: {
      safeTxHash: string
      contracts: Record<string, string>
      changeRecord: string
      frontend: string
    }
    upgrade: {
      id: string
      implementation: string
      upgradeLog: string
      proposalDraft: string
      executed: { transactionHash: string }
    }
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

  // Signers: every Safe transaction was reviewed (offline page written)
  // before the second owner confirmed it; the governor proposal's nested
  // CREATE2 deploy was replayed and the new implementation matched the build;
  // the deploy batch's grants to its own new contracts are named, not flagged.
  const pages = readdirSync(join(out, 'safe-transactions', 'local')).filter(
    (name) => name.endsWith('.review.html'),
  )
  expect(pages).toHaveLength(6)
  expect(result.stderr).toContain(
    'runs exactly the local forge build of AuthorCoinV2.sol:AuthorCoinV2',
  )
  expect(result.stderr).toContain(
    'StoryDAO (release storydao), which this batch deploys',
  )
  expect(result.stderr).not.toMatch(/critical:/)

  // Deployment: the release recorded in the demo's manifest and records.
  const manifest = JSON.parse(
    readFileSync(join(out, 'deployments', 'local.json'), 'utf8'),
  )
  for (const name of ['AuthorCoin', 'StoryTimelock', 'StoryDAO', 'Treasury'])
    expect(manifest.contracts[name].address).toBe(
      summary.deployment.contracts[name],
    )
  expect(readFileSync(summary.deployment.changeRecord, 'utf8')).toContain(
    summary.deployment.safeTxHash,
  )
  expect(existsSync(summary.deployment.frontend)).toBe(true)

  // Upgrade: through the vote, validated, logged, recorded.
  const upgraded = JSON.parse(
    readFileSync(join(out, 'deployments', 'local.json'), 'utf8'),
  )
  expect(upgraded.contracts.AuthorCoin.implementation).toBe(
    summary.upgrade.implementation,
  )
  expect(upgraded.upgrades).toContainEqual(
    expect.objectContaining({ id: summary.upgrade.id, status: 'executed' }),
  )
  const upgradeLog = readFileSync(summary.upgrade.upgradeLog, 'utf8')
  expect(upgradeLog).toContain(summary.upgrade.id)
  expect(upgradeLog).toContain(summary.upgrade.executed.transactionHash)
  expect(existsSync(summary.upgrade.proposalDraft)).toBe(true)

  const log = readFileSync(summary.incident.incidentLog, 'utf8')
  expect(log).toContain(summary.incident.rogueOperation)
  expect(log).toContain(summary.incident.cancel.safeTxHash)
  expect(log).toContain(summary.incident.pause.safeTxHash)
  expect(log).toContain('## Closing summary')
  expect(existsSync(summary.incident.stateDump)).toBe(true)
  const dump = JSON.parse(readFileSync(summary.incident.stateDump, 'utf8'))
  expect(dump.snapshot.contracts.AuthorCoin.values.paused).toBe(true)
}, 320_000)
