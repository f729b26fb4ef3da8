import { dirname } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { contractsDir, ensureFoundryBuild } from '../../test/foundryBuild.js'
import { storyDaoReleaseFile } from '../../test/releaseRepository.js'
import { loadReleaseFile } from './loadReleaseFile.js'
import { selectReleaseWork } from './selectReleaseWork.js'

beforeAll(() => ensureFoundryBuild())

const load = () =>
  loadReleaseFile({
    path: storyDaoReleaseFile,
    root: dirname(storyDaoReleaseFile),
    project: contractsDir,
  })

describe('selectReleaseWork', () => {
  test('default: an empty manifest deploys everything and makes every call', async () => {
    const file = await load()
    const work = selectReleaseWork({ file, present: [] })
    expect(work.skipped).toEqual([])
    expect(work.skippedCalls).toBe(0)
    expect(work.release.contracts).toHaveLength(7)
    expect(work.release.calls).toHaveLength(5)
  })

  test('behavior: with the token and the timelock present, their implementation and the timelock-only calls are skipped', async () => {
    const file = await load()
    const work = selectReleaseWork({
      file,
      present: ['StoryTimelock', 'AuthorCoin'],
    })
    expect(work.skipped).toEqual([
      'AuthorCoinImplementation',
      'StoryTimelock',
      'AuthorCoin',
    ])
    expect(work.release.contracts.map(({ name }) => name)).toEqual([
      'StoryDAO',
      'TreasuryImplementation',
      'TreasuryBeacon',
      'Treasury',
    ])
    // The governor's three grants still run (they touch StoryDAO); the
    // emergency Safe's grant and the renounce only touch existing contracts.
    expect(work.skippedCalls).toBe(2)
    expect(
      work.release.calls?.map(({ functionName, args }) => [
        functionName,
        ((args ?? [])[1] as { ref: string }).ref,
      ]),
    ).toEqual([
      ['grantRole', 'StoryDAO'],
      ['grantRole', 'StoryDAO'],
      ['grantRole', 'StoryDAO'],
    ])
  })

  test('behavior: an implementation is deployed while one entry that needs it is missing', async () => {
    const file = await load()
    const work = selectReleaseWork({ file, present: ['Treasury'] })
    expect(work.skipped).toEqual(['Treasury'])
    expect(work.release.contracts.map(({ name }) => name)).toContain(
      'TreasuryImplementation',
    )
  })
})
