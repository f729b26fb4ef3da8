import { storyDaoAbi } from '@storydao/core'
import fc from 'fast-check'
import { getAddress, keccak256, toHex } from 'viem'
import { describe, expect, test } from 'vitest'
import { hashProposal } from './hashProposal.js'
import { contractAddress, useLocalStack } from './test/localStack.js'

const context = useLocalStack()

const address = fc
  .uint8Array({ minLength: 20, maxLength: 20 })
  .map((bytes) => getAddress(toHex(bytes)))
const call = fc.record({
  to: address,
  value: fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
  data: fc.uint8Array({ maxLength: 100 }).map((bytes) => toHex(bytes)),
})

describe('hashProposal', () => {
  test('default', async () => {
    const { stack, client } = context
    const governor = contractAddress(stack, 'StoryDAO')
    const calls = [{ to: governor, value: 0n, data: '0x' as const }]
    const proposalId = hashProposal({ calls, description: 'Hello' })
    expect(proposalId).toMatchInlineSnapshot(
      `106783920583756651891132000365163895287633554181349204871045270763734978862858n`,
    )
    expect(proposalId).toBe(
      await client.readContract({
        address: governor,
        abi: storyDaoAbi,
        functionName: 'hashProposal',
        args: [[governor], [0n], ['0x'], keccak256(toHex('Hello'))],
      }),
    )
  })

  test('behavior: equals Governor.hashProposal on chain (randomized)', async () => {
    const { stack, client } = context
    const governor = contractAddress(stack, 'StoryDAO')
    await fc.assert(
      fc.asyncProperty(
        fc.array(call, { minLength: 1, maxLength: 4 }),
        fc.string({ maxLength: 200 }),
        async (calls, description) => {
          expect(hashProposal({ calls, description })).toBe(
            await client.readContract({
              address: governor,
              abi: storyDaoAbi,
              functionName: 'hashProposal',
              args: [
                calls.map((c) => c.to),
                calls.map((c) => c.value),
                calls.map((c) => c.data),
                keccak256(toHex(description)),
              ],
            }),
          )
        },
      ),
      { numRuns: 50 },
    )
  })

  test('error: no calls', () => {
    expect(() =>
      hashProposal({ calls: [], description: 'x' }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [NoCallsError: A governor proposal needs at least one call.

      Hint: Pass the calls the timelock or governor should make (\`calls: [{ to, value, data }]\`).
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
