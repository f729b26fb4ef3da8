import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { authorCoinV2Abi, loadManifest } from '@storydao/core'
import { create2DeployerAddress } from '@storydao/governance'
import { storyDaoBytecodes } from '@storydao/testkit'
import {
  encodeFunctionData,
  getContractAddress,
  type Hex,
  keccak256,
  parseEther,
  sliceHex,
  toHex,
} from 'viem'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { contractsDir, ensureFoundryBuild } from '../../test/foundryBuild.js'
import {
  type LocalRepository,
  startLocalRepository,
} from '../../test/localRepository.js'
import { fingerprint, runBin } from '../../test/runBin.js'

let repo: LocalRepository
beforeAll(async () => {
  ensureFoundryBuild()
  repo = await startLocalRepository()
}, 300_000)
afterAll(() => repo?.stop())
beforeEach(() => repo.reset())

const run = (args: string[]) =>
  runBin([...args, '--contracts', contractsDir], {
    cwd: repo.root,
    env: repo.env,
    timeoutMs: 180_000,
  })
const dirs = ['deployments', 'docs', 'safe-transactions']

type PrepareJson = {
  ok: boolean
  upgrade: {
    id: string
    target: string
    fromImplementation: string
    toImplementation: string
    calldata: Hex
    status: string
  }
  implementation: `0x${string}`
  salt: Hex
  deploy: { to: `0x${string}`; data: Hex }
  manifestPath: string
}

describe('storydao-ops upgrade prepare', () => {
  test('default: records a prepared entry whose implementation is the CREATE2 address the deployer returns', async () => {
    const { code, json, stderr } = await run([
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
      '--json',
    ])
    expect(code, stderr).toBe(0)
    expect(stderr).toContain('Check the storage layout')
    const result = json as PrepareJson
    const coin = repo.stack.manifest.contracts.AuthorCoin!
    const salt = keccak256(toHex('storydao-ops/upgrade/authorcoin-v2'))
    expect(result.salt).toBe(salt)

    // The address predicted from the committed (forge-built) bytecode…
    const predicted = getContractAddress({
      opcode: 'CREATE2',
      from: create2DeployerAddress,
      salt,
      bytecode: storyDaoBytecodes.AuthorCoinV2,
    })
    expect(result.implementation).toBe(predicted)
    // …is what the CREATE2 deployer on the chain answers for the deploy call.
    const { data } = await repo.stack.client.call({
      to: result.deploy.to,
      data: result.deploy.data,
    })
    expect(data && sliceHex(data, 0, 20).toLowerCase()).toBe(
      predicted.toLowerCase(),
    )

    const manifest = await loadManifest(
      join(repo.root, 'deployments', 'local.json'),
    )
    expect(manifest.upgrades).toEqual([
      expect.objectContaining({
        id: 'authorcoin-v2',
        target: 'AuthorCoin',
        status: 'prepared',
        fromImplementation:
          'implementation' in coin ? coin.implementation : undefined,
        toImplementation: predicted,
        calldata: encodeFunctionData({
          abi: authorCoinV2Abi,
          functionName: 'upgradeToAndCall',
          args: [
            predicted,
            encodeFunctionData({
              abi: authorCoinV2Abi,
              functionName: 'initializeV2',
              args: [parseEther('1000000')],
            }),
          ],
        }),
      }),
    ])
    // updateManifest archived the previous version.
    const archived = readdirSync(join(repo.root, 'deployments', 'archive'))
    expect(archived).toHaveLength(1)
    expect(
      JSON.parse(
        readFileSync(
          join(repo.root, 'deployments', 'archive', archived[0]!),
          'utf8',
        ),
      ).upgrades,
    ).toEqual([])
  })

  test('behavior: the human summary names the implementation and the next command', async () => {
    const { code, stdout, stderr } = await run([
      'upgrade',
      'prepare',
      '--target',
      'AuthorCoin',
      '--to',
      'AuthorCoinV2',
    ])
    expect(code, stderr).toBe(0)
    expect(stdout).toMatch(
      /Upgrade \d{4}-\d{2}-\d{2}-authorcoin-authorcoinv2 prepared/,
    )
    expect(stdout).toContain('upgrade propose --id ')
  })

  test('error: an unknown target exits 2 and changes no file', async () => {
    const before = fingerprint(repo.root, dirs)
    const { code, stdout, stderr } = await run([
      'upgrade',
      'prepare',
      '--target',
      'Nope',
      '--to',
      'AuthorCoinV2',
    ])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('has no contract "Nope"')
    expect(fingerprint(repo.root, dirs)).toEqual(before)
  })

  test('error: an unknown implementation contract exits 2 and changes no file', async () => {
    const before = fingerprint(repo.root, dirs)
    const { code, stderr } = await run([
      'upgrade',
      'prepare',
      '--target',
      'AuthorCoin',
      '--to',
      'AuthorCoinV9',
    ])
    expect(code).toBe(2)
    expect(stderr).toContain('has no contract "AuthorCoinV9"')
    expect(stderr).toContain('AuthorCoinV2')
    expect(fingerprint(repo.root, dirs)).toEqual(before)
  })

  test('error: a --call that is not a function of the new implementation exits 2', async () => {
    const before = fingerprint(repo.root, dirs)
    const { code, stderr } = await run([
      'upgrade',
      'prepare',
      '--target',
      'AuthorCoin',
      '--to',
      'AuthorCoinV2',
      '--call',
      'initializeV3(1)',
    ])
    expect(code).toBe(2)
    expect(stderr).toContain('no function initializeV3 with 1 argument(s)')
    expect(stderr).toContain('initializeV2(uint256)')
    expect(fingerprint(repo.root, dirs)).toEqual(before)
  })

  test('error: an implementation with an incompatible storage layout exits 1 and changes no file', async () => {
    const before = fingerprint(repo.root, dirs)
    const { code, stderr } = await run([
      'upgrade',
      'prepare',
      '--target',
      'AuthorCoin',
      '--to',
      'AuthorCoinV2BadLayout',
    ])
    expect(code, stderr).toBe(1)
    expect(stderr).toContain('is not safe')
    expect(fingerprint(repo.root, dirs)).toEqual(before)
  })

  test('error: a target that is not upgradeable exits 2', async () => {
    const { code, stderr } = await run([
      'upgrade',
      'prepare',
      '--target',
      'StoryTimelock',
      '--to',
      'AuthorCoinV2',
    ])
    expect(code).toBe(2)
    expect(stderr).toContain('cannot be upgraded directly')
  })
})
