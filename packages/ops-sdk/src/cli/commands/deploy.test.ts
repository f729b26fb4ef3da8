import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { safeAbi } from '@storydao/core'
import { buildSafePlan, parseTransactionBuilderBatch } from '@storydao/safe'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { contractsDir, ensureFoundryBuild } from '../../test/foundryBuild.js'
import {
  type LocalRepository,
  startLocalRepository,
} from '../../test/localRepository.js'
import { toSafesOnlyRepository } from '../../test/releaseRepository.js'
import { fingerprint, runBin } from '../../test/runBin.js'

let repo: LocalRepository
beforeAll(async () => {
  ensureFoundryBuild()
  repo = await startLocalRepository()
}, 180_000)
afterAll(() => repo?.stop())
beforeEach(async () => {
  await repo.reset()
  await toSafesOnlyRepository(repo)
})

const trees = ['deployments', 'docs', 'safe-transactions']
const release = 'deployments/releases/storydao.json'

const run = (args: string[], env: Record<string, string | undefined> = {}) =>
  runBin([...args, '--contracts', contractsDir], {
    cwd: repo.root,
    env: { ...repo.env, ...env },
    timeoutMs: 120_000,
  })

/** Writes a variant of the release file and returns its path. */
function releaseVariant(edit: (json: Record<string, unknown>) => void): string {
  const json = JSON.parse(readFileSync(join(repo.root, release), 'utf8'))
  edit(json)
  const path = 'deployments/releases/variant.json'
  writeFileSync(join(repo.root, path), `${JSON.stringify(json, null, 2)}\n`)
  return path
}

describe('storydao-ops deploy', () => {
  test("default: one ops-Safe batch, rehearsed; a pending record with the predicted addresses; the hash is the Safe's", async () => {
    const { code, json, stderr } = await run([
      'deploy',
      '--release',
      release,
      '--json',
    ])
    expect(code, stderr).toBe(0)
    const result = json as {
      ok: boolean
      status: string
      safe: `0x${string}`
      nonce: string
      safeTxHash: `0x${string}`
      domainHash: string
      messageHash: string
      snapshot: string
      pending: string
      proposed: unknown
      rehearsal: { invariants: number; failed: string[] }
      files: { transactionBuilder: string; report: string }
      deployments: { name: string; address: string; manifest: unknown }[]
    }
    expect(result).toMatchObject({
      ok: true,
      status: 'planned',
      safe: repo.stack.manifest.safes.ops.address,
      nonce: '0',
      proposed: null,
      snapshot: expect.stringMatching(
        /^deployments\/archive\/\d{4}-\d\d-\d\d-\d{6}-local-pre-deploy-storydao\.json$/,
      ),
      pending:
        'safe-transactions/local/ops-nonce-0-deploy-storydao.deployment.json',
    })
    expect(stderr).toContain('Rehearse it on a fork')
    // The Safes' defaults, plus what the release promises: the proxy and the
    // beacon on their implementations, its five role calls in effect.
    expect(result.rehearsal).toMatchObject({ invariants: 11, failed: [] })
    const report = readFileSync(result.files.report, 'utf8')
    expect(report).toContain('AuthorCoin: implementation is')
    expect(report).toMatch(/StoryTimelock: StoryDAO has PROPOSER_ROLE/)
    expect(report).toMatch(
      /StoryTimelock: 0x1835069efDE63081BA0833Ef9704bf2Cc0E45abc lacks DEFAULT_ADMIN_ROLE/,
    )
    // No warning cries wolf: the CREATE2 deployer is named, and so are the
    // contracts the batch deploys (the manifest does not have them yet).
    expect(report).not.toMatch(/`unknown-target`|`unknown-role-grant`/)
    expect(report).toContain(
      '- **0.** CREATE2 deployer (0x4e59b44847b379578588920cA78FbF26c0B4956C): `CREATE2 deployment of',
    )
    for (const { name, address } of result.deployments)
      expect(report).toContain(`CREATE2 deployment of ${name} (${address})`)
    const timelock = result.deployments.find(
      ({ name }) => name === 'StoryTimelock',
    )!
    expect(report).toContain(
      `- **7.** StoryTimelock (${timelock.address}): \`grantRole(`,
    )
    expect(report).toContain('## Warnings (0)')
    const batch = parseTransactionBuilderBatch({
      json: readFileSync(result.files.transactionBuilder, 'utf8'),
      chainId: 31337,
      safe: result.safe,
    })
    expect(batch.calls).toHaveLength(12)
    const pending = JSON.parse(
      readFileSync(join(repo.root, result.pending), 'utf8'),
    )
    expect(pending).toMatchObject({
      release: 'storydao',
      safeTxHash: result.safeTxHash,
      skipped: [],
    })
    expect(pending.deployments).toEqual(result.deployments)
    // Nothing deployed yet: the predicted addresses are empty.
    for (const { address } of result.deployments)
      expect(
        await repo.stack.client.getCode({ address: address as `0x${string}` }),
      ).toBeUndefined()
    // The printed hash is what the ops Safe computes for the file's batch.
    const plan = await buildSafePlan(repo.stack.client, {
      safe: result.safe,
      calls: batch.calls,
    })
    const { safeTx } = plan
    const onChain = await repo.stack.client.readContract({
      address: result.safe,
      abi: safeAbi,
      functionName: 'getTransactionHash',
      args: [
        safeTx.to,
        safeTx.value,
        safeTx.data,
        safeTx.operation,
        safeTx.safeTxGas,
        safeTx.baseGas,
        safeTx.gasPrice,
        safeTx.gasToken,
        safeTx.refundReceiver,
        BigInt(result.nonce),
      ],
    })
    expect(onChain).toBe(result.safeTxHash)
  }, 120_000)

  test('behavior: the human summary lists the addresses and the next step', async () => {
    const { code, stdout, stderr } = await run(['deploy', '--release', release])
    expect(code, stderr).toBe(0)
    expect(stdout).toMatch(/AuthorCoin\s+0x[0-9a-fA-F]{40}\s+uups-proxy/)
    expect(stdout).toContain('Deploy storydao: Safe transaction ready')
    expect(stdout).toContain('storydao-ops record --safe-tx 0x')
  }, 120_000)

  test('error: a manifest entry naming the wrong implementation fails the rehearsal: exit 1, no pending record', async () => {
    const path = releaseVariant((json) => {
      const coin = (
        json.contracts as { manifest: Record<string, unknown> }[]
      )[2]!
      coin.manifest.implementation = { ref: 'TreasuryImplementation' }
    })
    const { code, json, stderr } = await run([
      'deploy',
      '--release',
      path,
      '--propose',
      '--json',
    ])
    expect(code, stderr).toBe(1)
    expect(json).toMatchObject({
      ok: false,
      pending: null,
      proposed: null,
      rehearsal: { failed: ['invariant implementationIs failed'] },
    })
  }, 120_000)

  test('error: an unknown network exits 2 and changes no file', async () => {
    const before = fingerprint(repo.root, trees)
    const { code, stderr } = await run([
      'deploy',
      '--release',
      release,
      '--network',
      'atlantis',
    ])
    expect(code).toBe(2)
    expect(stderr).toMatch(/atlantis/)
    expect(fingerprint(repo.root, trees)).toEqual(before)
  })

  test('error: a missing release file exits 2 and changes no file', async () => {
    const before = fingerprint(repo.root, trees)
    const { code, stdout, stderr } = await run([
      'deploy',
      '--release',
      'deployments/releases/nope.json',
    ])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain(
      'The release file deployments/releases/nope.json cannot be read.',
    )
    expect(fingerprint(repo.root, trees)).toEqual(before)
  })

  test('error: a release naming an unknown artifact exits 2 with its JSON path', async () => {
    const path = releaseVariant((json) => {
      ;(json.contracts as { artifact: string }[])[3]!.artifact = 'StoryDAOO'
    })
    const before = fingerprint(repo.root, trees)
    const { code, stderr } = await run(['deploy', '--release', path])
    expect(code).toBe(2)
    expect(stderr).toContain(
      'deployments/releases/variant.json: contracts[3].artifact: The Foundry build',
    )
    expect(stderr).toContain('has no contract "StoryDAOO"')
    expect(stderr).toContain('StoryDAO')
    expect(fingerprint(repo.root, trees)).toEqual(before)
  })

  test('error: a big integer in scientific notation exits 2 with its JSON path', async () => {
    const path = releaseVariant((json) => {
      const coin = (json.contracts as { constructorArgs: unknown[] }[])[2]!
      ;(
        coin.constructorArgs[1] as { encode: { args: unknown[] } }
      ).encode.args[2] = '1e27'
    })
    const before = fingerprint(repo.root, trees)
    const { code, stderr } = await run(['deploy', '--release', path])
    expect(code).toBe(2)
    expect(stderr).toContain(
      'contracts[2].constructorArgs[1].encode.args[2]: expected a whole number for uint256, got "1e27".',
    )
    expect(fingerprint(repo.root, trees)).toEqual(before)
  })

  test('error: --fresh with contracts of the release in the manifest exits 2 and changes no file', async () => {
    // The stack's own manifest already has the StoryDAO contracts.
    await repo.reset()
    const before = fingerprint(repo.root, trees)
    const { code, stderr } = await run([
      'deploy',
      '--release',
      release,
      '--fresh',
    ])
    expect(code).toBe(2)
    expect(stderr).toContain(
      '--fresh: deployments/local.json already has StoryTimelock, AuthorCoin, StoryDAO, TreasuryBeacon, Treasury.',
    )
    expect(fingerprint(repo.root, trees)).toEqual(before)
  })
})
