// biome-ignore-all lint/suspicious/noExplicitAny: the cases edit an untyped JSON document at fixed paths
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Manifest, setErrorConfig } from '@storydao/core'
import { beforeAll, describe, expect, test } from 'vitest'
import { contractsDir, ensureFoundryBuild } from '../../test/foundryBuild.js'
import { storyDaoReleaseFile } from '../../test/releaseRepository.js'
import type { OpsContext } from '../createOpsContext.js'
import { deployRelease } from './deployRelease.js'

beforeAll(() => {
  setErrorConfig({ version: '@storydao/core@x.y.z' })
  ensureFoundryBuild()
})

const safe = {
  address: '0x1835069efDE63081BA0833Ef9704bf2Cc0E45abc',
  threshold: 1,
  owners: ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8'],
} as const

const manifest = (contracts: Manifest['contracts'] = {}): Manifest => ({
  schemaVersion: 1,
  network: { name: 'local', chainId: 31337 },
  safes: { ops: { ...safe, owners: [...safe.owners] } },
  contracts,
})

// Everything here is decided before the chain is read: the context has no client.
const context = (contracts?: Manifest['contracts']) =>
  ({
    root: mkdtempSync(join(tmpdir(), 'deploy-release-')),
    networkName: 'local',
    manifest: manifest(contracts),
  }) as OpsContext

/** The StoryDAO release with one edit, written to a temp file. */
function variant(edit: (json: Record<string, any>) => void): string {
  const json = JSON.parse(readFileSync(storyDaoReleaseFile, 'utf8'))
  edit(json)
  const path = join(mkdtempSync(join(tmpdir(), 'release-')), 'release.json')
  writeFileSync(path, JSON.stringify(json))
  return path
}

const deploy = (
  release: string,
  contracts?: Manifest['contracts'],
  fresh?: boolean,
) =>
  deployRelease(context(contracts), { release, contracts: contractsDir, fresh })

const invalid = (pathInFile: string, text: string) => ({
  name: 'ReleaseFileInvalidError',
  code: 'RELEASE_INVALID',
  path: pathInFile,
  shortMessage: expect.stringContaining(text),
})

describe('deployRelease', () => {
  test('error: a missing context or release is a typed error', async () => {
    await expect(
      deployRelease(undefined as unknown as OpsContext, {} as never),
    ).rejects.toMatchObject({ name: 'MissingParameterError' })
    await expect(
      deployRelease({} as OpsContext, {} as never),
    ).rejects.toMatchObject({
      name: 'MissingParameterError',
      shortMessage: expect.stringContaining('release'),
    })
  })

  test('behavior: nothing to deploy when the manifest has every recorded entry', async () => {
    const entry = (kind: string, extra = {}) => ({
      address: safe.address,
      kind,
      artifact: 'X',
      ...extra,
    })
    const result = await deploy(storyDaoReleaseFile, {
      StoryTimelock: entry('timelock'),
      AuthorCoin: entry('uups-proxy', { implementation: safe.address }),
      StoryDAO: entry('governor'),
      TreasuryBeacon: entry('beacon', { implementation: safe.address }),
      Treasury: entry('beacon-proxy', { beacon: safe.address }),
    } as Manifest['contracts'])
    expect(result).toEqual({
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
  })

  test('error: --fresh names the entries the manifest has', async () => {
    await expect(
      deploy(
        storyDaoReleaseFile,
        {
          StoryDAO: {
            address: safe.address,
            kind: 'governor',
            artifact: 'StoryDAO',
          },
        },
        true,
      ),
    ).rejects.toMatchObject({
      code: 'RELEASE_ALREADY_DEPLOYED',
      shortMessage: '--fresh: deployments/local.json already has StoryDAO.',
    })
  })

  test('error: a file that is not JSON', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'release-')), 'broken.json')
    writeFileSync(path, '{ "name": ')
    await expect(deploy(path)).rejects.toMatchObject(
      invalid('', 'not valid JSON'),
    )
  })

  test.each([
    [
      'an unknown top-level field',
      (json: Record<string, any>) => {
        json.contract = []
      },
      'contract',
      'unknown field "contract".',
    ],
    [
      'a release name with spaces',
      (json: Record<string, any>) => {
        json.name = 'Story DAO'
      },
      'name',
      'expected a release name',
    ],
    [
      'a constructor argument count that differs from the ABI',
      (json: Record<string, any>) => {
        json.contracts[3].constructorArgs.pop()
      },
      'contracts[3].constructorArgs',
      'the constructor takes 6 arguments (address token, address timelock, uint48 initialVotingDelay, uint32 initialVotingPeriod, uint256 initialProposalThreshold, uint256 quorumNumeratorValue), got 5.',
    ],
    [
      'a big integer as a JSON number past 2^53',
      (json: Record<string, any>) => {
        json.contracts[2].constructorArgs[1].encode.args[2] = 1e27
      },
      'contracts[2].constructorArgs[1].encode.args[2]',
      'expected a whole number for uint256, got 1e+27.',
    ],
    [
      'a reference where a number is expected',
      (json: Record<string, any>) => {
        json.contracts[1].constructorArgs[0] = { ref: 'safes.ops' }
      },
      'contracts[1].constructorArgs[0]',
      'a { "ref" } is an address, but the parameter is uint256.',
    ],
    [
      'an unknown initializer',
      (json: Record<string, any>) => {
        json.contracts[2].constructorArgs[1].encode.functionName = 'init'
      },
      'contracts[2].constructorArgs[1].encode.functionName',
      'AuthorCoin has no function "init".',
    ],
    [
      'a bad address',
      (json: Record<string, any>) => {
        json.contracts[2].constructorArgs[1].encode.args[5] = '0x1234'
      },
      'contracts[2].constructorArgs[1].encode.args[5]',
      'expected an address or { "ref": "<name>" }, got "0x1234".',
    ],
    [
      'a proxy without the ABI it speaks',
      (json: Record<string, any>) => {
        delete json.contracts[2].manifest.artifact
      },
      'contracts[2].manifest.artifact',
      'a uups-proxy needs the artifact whose ABI it speaks',
    ],
    [
      'an unknown manifest kind',
      (json: Record<string, any>) => {
        json.contracts[1].manifest.kind = 'proxy'
      },
      'contracts[1].manifest.kind',
      'expected one of uups-proxy, beacon, beacon-proxy, timelock, governor, plain.',
    ],
    [
      'an implementation nothing records or references',
      (json: Record<string, any>) => {
        json.contracts.push({ name: 'Spare', artifact: 'Treasury' })
      },
      'contracts[7]',
      '"Spare" has no "manifest" section and no other entry references it',
    ],
    [
      'a duplicate name',
      (json: Record<string, any>) => {
        json.contracts[4].name = 'StoryDAO'
      },
      'contracts[4].name',
      '"StoryDAO" is used twice.',
    ],
    [
      'a role naming nothing',
      (json: Record<string, any>) => {
        json.roles.token = 'AuthorToken'
      },
      'roles.token',
      '"AuthorToken" is neither a release entry nor a contract of the manifest.',
    ],
    [
      'a call with a bad value',
      (json: Record<string, any>) => {
        json.calls[0].value = 1
      },
      'calls[0].value',
      'expected wei as a decimal string.',
    ],
    [
      'a salt that is not bytes32',
      (json: Record<string, any>) => {
        json.salt = '0x01'
      },
      'salt',
      'expected a bytes32 salt',
    ],
  ])('error: %s names its JSON path', async (_, edit, path, text) => {
    await expect(deploy(variant(edit))).rejects.toMatchObject(
      invalid(path, text),
    )
  })

  test('error: an unknown artifact names its path and near names', async () => {
    const error = await deploy(
      variant((json) => {
        json.contracts[3].artifact = 'StoryDAOO'
      }),
    ).catch((caught: unknown) => caught)
    expect(error).toMatchObject(
      invalid('contracts[3].artifact', 'has no contract "StoryDAOO"'),
    )
    expect((error as Error).message).toContain('Build the contracts first')
  })
})
