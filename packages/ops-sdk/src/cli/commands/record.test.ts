import {
  cpSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadManifest, safeAbi, storyTimelockAbi } from '@storydao/core'
import { parseTransactionBuilderBatch } from '@storydao/safe'
import { keccak256, toHex } from 'viem'
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

const trees = ['deployments', 'docs', 'safe-transactions', 'frontend']
const release = 'deployments/releases/storydao.json'

// deploy and record read the repository's Foundry build.
const run = (args: string[], env: Record<string, string | undefined> = {}) =>
  runBin(
    ['deploy', 'record'].includes(args[0]!) && !args.includes('--contracts')
      ? [...args, '--contracts', contractsDir]
      : args,
    {
      cwd: repo.root,
      env: { ...repo.env, ...env },
      timeoutMs: 120_000,
    },
  )

type DeployJson = {
  ok: boolean
  status: string
  safe: `0x${string}`
  nonce: string
  safeTxHash: `0x${string}`
  deployments: { name: string; address: `0x${string}` }[]
  files: { transactionBuilder: string; report: string }
  pending: string
}

async function deployAndExecute(): Promise<DeployJson> {
  const deploy = await run([
    'deploy',
    '--release',
    release,
    '--propose',
    '--json',
  ])
  expect(deploy.code, deploy.stderr).toBe(0)
  const planned = deploy.json as DeployJson
  const confirm = await run(
    ['safe', 'confirm', planned.safeTxHash, '--signer-env', 'OWNER_KEY'],
    { OWNER_KEY: repo.stack.accounts.opsOwners[1].privateKey },
  )
  expect(confirm.code, confirm.stderr).toBe(0)
  const execute = await run(['safe', 'execute', planned.safeTxHash])
  expect(execute.code, execute.stderr).toBe(0)
  return planned
}

describe('storydao-ops deploy → safe confirm → safe execute → record', () => {
  test('default: the StoryDAO release is deployed from the ops Safe and recorded; validate passes', async () => {
    const planned = await deployAndExecute()
    // The printed safeTxHash is what the ops Safe computes for the file's batch.
    const batch = parseTransactionBuilderBatch({
      json: readFileSync(planned.files.transactionBuilder, 'utf8'),
      chainId: 31337,
      safe: planned.safe,
    })
    expect(batch.calls.length).toBe(12)
    expect(planned.deployments.map(({ name }) => name)).toEqual([
      'AuthorCoinImplementation',
      'StoryTimelock',
      'AuthorCoin',
      'StoryDAO',
      'TreasuryImplementation',
      'TreasuryBeacon',
      'Treasury',
    ])

    const { code, json, stderr } = await run([
      'record',
      '--safe-tx',
      planned.safeTxHash,
      '--json',
    ])
    expect(code, stderr).toBe(0)
    const recorded = json as {
      ok: boolean
      blockNumber: string
      transactionHash: `0x${string}`
      contracts: { name: string; bytecode: { status: string } }[]
      files: Record<string, string>
    }
    expect(recorded.ok).toBe(true)
    expect(recorded.contracts.map(({ bytecode }) => bytecode.status)).toEqual(
      Array(7).fill('match'),
    )

    // The execution the command found is the Safe's ExecutionSuccess for the hash.
    const receipt = await repo.stack.client.getTransactionReceipt({
      hash: recorded.transactionHash,
    })
    expect(receipt.blockNumber.toString()).toBe(recorded.blockNumber)
    const nonce = await repo.stack.client.readContract({
      address: planned.safe,
      abi: safeAbi,
      functionName: 'nonce',
    })
    expect(nonce).toBe(1n)

    const manifest = await loadManifest(
      join(repo.root, 'deployments/local.json'),
    )
    const byName = Object.fromEntries(
      planned.deployments.map(({ name, address }) => [name, address]),
    )
    expect(manifest.roles).toEqual({
      timelock: 'StoryTimelock',
      governor: 'StoryDAO',
      token: 'AuthorCoin',
      treasury: 'Treasury',
    })
    expect(manifest.contracts.AuthorCoin).toEqual({
      address: byName.AuthorCoin,
      kind: 'uups-proxy',
      implementation: byName.AuthorCoinImplementation,
      artifact: 'AuthorCoin',
      deployment: {
        block: Number(recorded.blockNumber),
        tx: recorded.transactionHash,
      },
    })
    expect(manifest.contracts.Treasury).toMatchObject({
      kind: 'beacon-proxy',
      beacon: byName.TreasuryBeacon,
    })
    // The wiring happened in the same batch: the governor proposes, the ops
    // Safe gave its admin role back.
    const timelock = byName.StoryTimelock!
    const hasRole = (role: `0x${string}`, account: `0x${string}`) =>
      repo.stack.client.readContract({
        address: timelock,
        abi: storyTimelockAbi,
        functionName: 'hasRole',
        args: [role, account],
      })
    expect(
      await hasRole(keccak256(toHex('PROPOSER_ROLE')), byName.StoryDAO!),
    ).toBe(true)
    expect(
      await hasRole(
        '0x0000000000000000000000000000000000000000000000000000000000000000',
        planned.safe,
      ),
    ).toBe(false)

    const validate = await run(['validate'])
    expect(validate.code, validate.stdout + validate.stderr).toBe(0)

    const frontend = JSON.parse(
      readFileSync(
        join(repo.root, 'frontend/lib/contracts/local.json'),
        'utf8',
      ),
    )
    expect(Object.keys(frontend).sort()).toEqual([
      'AuthorCoin',
      'StoryDAO',
      'StoryTimelock',
      'Treasury',
      'TreasuryBeacon',
    ])
    expect(frontend.AuthorCoin.address).toBe(byName.AuthorCoin)
    const change = readFileSync(
      join(repo.root, recorded.files.changeRecord!),
      'utf8',
    )
    expect(change).toContain(planned.safeTxHash)
    expect(change).toContain(recorded.transactionHash)
    expect(change).toContain('## Manifest diff')
    expect(change).toContain('## Rehearsal report')
    const verification = readFileSync(
      join(repo.root, recorded.files.verification!),
      'utf8',
    )
    expect(verification).toContain(
      `forge verify-contract ${byName.AuthorCoin} node_modules/@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol:ERC1967Proxy --chain 31337`,
    )
    expect(verification).toContain('--compiler-version v0.8.30')
    // One standard-JSON input per contract, holding its source
    // (playbooks/internal/standardJsonInput.test.ts compiles one with solc).
    const inputs = (
      recorded.files as unknown as { standardJsonInputs: string[] }
    ).standardJsonInputs
    expect(inputs).toEqual(
      planned.deployments.map(
        ({ name }) =>
          `deployments/verification/local/storydao/${name}.standard-input.json`,
      ),
    )
    const coinInput = JSON.parse(
      readFileSync(join(repo.root, inputs[2]!), 'utf8'),
    )
    expect(Object.keys(coinInput.sources)).toContain(
      'node_modules/@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol',
    )

    // Recorded: the hash has no pending deployment any more.
    const again = await run(['record', '--safe-tx', planned.safeTxHash])
    expect(again.code).toBe(2)

    // Deploying again finds everything in the manifest.
    const before = fingerprint(repo.root, trees)
    const redeploy = await run(['deploy', '--release', release, '--json'])
    expect(redeploy.code, redeploy.stderr).toBe(0)
    expect(redeploy.json).toEqual({
      ok: true,
      status: 'nothing-to-deploy',
      release: 'storydao',
      skipped: [
        'AuthorCoinImplementation',
        'StoryTimelock',
        'AuthorCoin',
        'StoryDAO',
        'TreasuryImplementation',
        'TreasuryBeacon',
        'Treasury',
      ],
    })
    expect(fingerprint(repo.root, trees)).toEqual(before)
    const fresh = await run(['deploy', '--release', release, '--fresh'])
    expect(fresh.code).toBe(2)
    expect(fresh.stderr).toContain(
      '--fresh: deployments/local.json already has StoryTimelock, AuthorCoin, StoryDAO, TreasuryBeacon, Treasury.',
    )
    expect(fingerprint(repo.root, trees)).toEqual(before)
  }, 300_000)

  test('behavior: a runtime bytecode that differs from the build exits 1, and the chain is still recorded', async () => {
    const planned = await deployAndExecute()
    // A build whose Treasury differs by one byte outside the immutables.
    const project = mkdtempSync(join(tmpdir(), 'storydao-build-'))
    cpSync(join(contractsDir, 'out'), join(project, 'out'), { recursive: true })
    for (const sources of ['src', 'node_modules'])
      symlinkSync(join(contractsDir, sources), join(project, sources))
    const artifactPath = join(project, 'out/Treasury.sol/Treasury.json')
    const artifact = JSON.parse(readFileSync(artifactPath, 'utf8'))
    const code: string = artifact.deployedBytecode.object
    const last = code.slice(-2) === 'ff' ? '00' : 'ff'
    artifact.deployedBytecode.object = `${code.slice(0, -2)}${last}`
    writeFileSync(artifactPath, JSON.stringify(artifact))

    const {
      code: exit,
      json,
      stderr,
    } = await run([
      'record',
      '--safe-tx',
      planned.safeTxHash,
      '--contracts',
      project,
      '--json',
    ])
    expect(exit, stderr).toBe(1)
    const recorded = json as {
      ok: boolean
      contracts: { name: string; bytecode: { status: string } }[]
      files: { changeRecord: string }
    }
    expect(recorded.ok).toBe(false)
    expect(
      recorded.contracts
        .filter(({ bytecode }) => bytecode.status !== 'match')
        .map(({ name, bytecode }) => [name, bytecode.status]),
    ).toEqual([['TreasuryImplementation', 'mismatch']])
    const manifest = await loadManifest(
      join(repo.root, 'deployments/local.json'),
    )
    expect(Object.keys(manifest.contracts)).toHaveLength(5)
    expect(
      readFileSync(join(repo.root, recorded.files.changeRecord), 'utf8'),
    ).toMatch(
      /\| TreasuryImplementation \| .* \| MISMATCH \(first difference at byte \d+\) \|/,
    )
  }, 300_000)

  test('error: record before the execution exits 1 and writes nothing', async () => {
    const deploy = await run([
      'deploy',
      '--release',
      release,
      '--propose',
      '--json',
    ])
    expect(deploy.code, deploy.stderr).toBe(0)
    const { safeTxHash } = deploy.json as DeployJson
    const before = fingerprint(repo.root, trees)
    const { code, stdout, stderr } = await run([
      'record',
      '--safe-tx',
      safeTxHash,
    ])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toContain(`The deployment ${safeTxHash} is not executed yet`)
    expect(fingerprint(repo.root, trees)).toEqual(before)
  }, 120_000)

  test('error: record of a hash with no pending deployment exits 2', async () => {
    const before = fingerprint(repo.root, trees)
    const unknown = `0x${'ab'.repeat(32)}`
    const { code, json } = await run(['record', '--safe-tx', unknown, '--json'])
    expect(code).toBe(2)
    expect(json).toMatchObject({
      ok: false,
      error: {
        code: 'DEPLOYMENT_NOT_PENDING',
        message: `No pending deployment has safeTxHash ${unknown}.`,
      },
    })
    expect(fingerprint(repo.root, trees)).toEqual(before)
  })
})
