import { startLocalStack } from '@storydao/testkit'
import type { Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { contractsDir, ensureFoundryBuild } from '../../test/foundryBuild.js'
import { compareRuntimeBytecode } from './compareRuntimeBytecode.js'
import { readFoundryArtifact } from './readFoundryArtifact.js'

let stack: Awaited<ReturnType<typeof startLocalStack>>
const code = async (name: string): Promise<Hex | undefined> => {
  const entry = stack.manifest.contracts[name]!
  return stack.client.getCode({
    address: 'implementation' in entry ? entry.implementation : entry.address,
  })
}

beforeAll(async () => {
  ensureFoundryBuild()
  stack = await startLocalStack()
}, 120_000)
afterAll(() => stack?.stop())

describe('compareRuntimeBytecode', () => {
  test('the deployed AuthorCoin implementation matches forge build', async () => {
    const artifact = await readFoundryArtifact({
      project: contractsDir,
      contract: 'AuthorCoin',
    })
    expect(
      compareRuntimeBytecode({ code: await code('AuthorCoin'), artifact }),
    ).toEqual({ status: 'match' })
  })

  test('immutables are masked: the governor (token and timelock immutables) matches', async () => {
    const artifact = await readFoundryArtifact({
      project: contractsDir,
      contract: 'StoryDAO',
    })
    expect(artifact.immutableRanges.length).toBeGreaterThan(0)
    const deployed = await code('StoryDAO')
    expect(compareRuntimeBytecode({ code: deployed, artifact })).toEqual({
      status: 'match',
    })
    // Without the mask the constructor-written bytes differ.
    expect(
      compareRuntimeBytecode({
        code: deployed,
        artifact: { ...artifact, immutableRanges: [] },
      }).status,
    ).toBe('mismatch')
  })

  test('another contract or no code is reported', async () => {
    const v2 = await readFoundryArtifact({
      project: contractsDir,
      contract: 'AuthorCoinV2',
    })
    expect(
      compareRuntimeBytecode({ code: await code('AuthorCoin'), artifact: v2 })
        .status,
    ).toMatch(/mismatch/)
    expect(compareRuntimeBytecode({ code: '0x', artifact: v2 })).toEqual({
      status: 'no-code',
    })
  })

  test('one flipped byte outside the immutables is a mismatch at that byte', async () => {
    const artifact = await readFoundryArtifact({
      project: contractsDir,
      contract: 'AuthorCoin',
    })
    const deployed = (await code('AuthorCoin'))!
    const tampered =
      `${deployed.slice(0, 22)}${deployed[22] === 'f' ? '0' : 'f'}${deployed.slice(23)}` as Hex
    expect(compareRuntimeBytecode({ code: tampered, artifact })).toEqual({
      status: 'mismatch',
      firstDifference: 10,
    })
  })
})
