import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setErrorConfig } from '@storydao/core'
import { keccak256, toHex } from 'viem'
import { beforeAll, describe, expect, test } from 'vitest'
import { contractsDir, ensureFoundryBuild } from '../../test/foundryBuild.js'
import { storyDaoReleaseFile } from '../../test/releaseRepository.js'
import { loadReleaseFile } from './loadReleaseFile.js'

beforeAll(() => {
  setErrorConfig({ version: '@storydao/core@x.y.z' })
  ensureFoundryBuild()
})

const holder = '0x90F79bf6EB2c4f870365E785982E1f101E93b906'

async function loadWithHolder(value: unknown) {
  const json = JSON.parse(readFileSync(storyDaoReleaseFile, 'utf8'))
  json.contracts[2].constructorArgs[1].encode.args[5] = value
  const root = mkdtempSync(join(tmpdir(), 'release-file-'))
  writeFileSync(join(root, 'release.json'), JSON.stringify(json))
  return loadReleaseFile({
    path: join(root, 'release.json'),
    root,
    project: contractsDir,
  })
}

const initializeArgs = (file: Awaited<ReturnType<typeof loadReleaseFile>>) =>
  (
    file.release.contracts.find(({ name }) => name === 'AuthorCoin')!
      .constructorArgs![1] as { encode: { args: unknown[] } }
  ).encode.args

describe('loadReleaseFile', () => {
  test('default: the StoryDAO release, big integers as bigints, salts hashed, ABIs attached', async () => {
    const file = await loadReleaseFile({
      path: storyDaoReleaseFile,
      root: join(storyDaoReleaseFile, '../../..'),
      project: contractsDir,
    })
    expect(file.name).toBe('storydao')
    expect(
      file.entries.map(({ name, artifactId, manifest }) => [
        name,
        artifactId,
        manifest?.kind,
      ]),
    ).toEqual([
      ['AuthorCoinImplementation', 'AuthorCoin.sol:AuthorCoin', undefined],
      ['StoryTimelock', 'StoryTimelock.sol:StoryTimelock', 'timelock'],
      ['AuthorCoin', 'ERC1967Proxy.sol:ERC1967Proxy', 'uups-proxy'],
      ['StoryDAO', 'StoryDAO.sol:StoryDAO', 'governor'],
      ['TreasuryImplementation', 'Treasury.sol:Treasury', undefined],
      ['TreasuryBeacon', 'UpgradeableBeacon.sol:UpgradeableBeacon', 'beacon'],
      ['Treasury', 'BeaconProxy.sol:BeaconProxy', 'beacon-proxy'],
    ])
    expect(
      file.release.contracts.every(
        ({ salt }) => salt === keccak256(toHex('storydao-release-1')),
      ),
    ).toBe(true)
    expect(initializeArgs(file)).toEqual([
      'AuthorCoin',
      'AUTH',
      10n ** 27n,
      { ref: 'StoryTimelock' },
      { ref: 'safes.emergency' },
      { ref: 'safes.ops' },
      10n ** 26n,
    ])
    expect(file.release.calls?.[0]?.args).toEqual([
      keccak256(toHex('PROPOSER_ROLE')),
      { ref: 'StoryDAO' },
    ])
    expect(file.roles).toEqual({
      timelock: 'StoryTimelock',
      governor: 'StoryDAO',
      token: 'AuthorCoin',
      treasury: 'Treasury',
    })
  })

  test('behavior: the initial holder may be an address (checksummed on load)', async () => {
    const file = await loadWithHolder(holder.toLowerCase())
    expect(initializeArgs(file)[5]).toBe(holder)
  })

  test('error: a holder that is neither an address nor a reference', async () => {
    await expect(loadWithHolder(42)).rejects.toMatchObject({
      code: 'RELEASE_INVALID',
      path: 'contracts[2].constructorArgs[1].encode.args[5]',
    })
  })
})
