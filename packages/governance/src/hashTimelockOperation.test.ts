import { storyTimelockAbi } from '@storydao/core'
import fc from 'fast-check'
import { getAddress, type Hex, toHex, zeroHash } from 'viem'
import { describe, expect, test } from 'vitest'
import { hashTimelockOperation } from './hashTimelockOperation.js'
import { contractAddress, useLocalStack } from './test/localStack.js'

const context = useLocalStack()

const bytes32 = fc
  .uint8Array({ minLength: 32, maxLength: 32 })
  .map((bytes) => toHex(bytes))
const address = fc
  .uint8Array({ minLength: 20, maxLength: 20 })
  .map((bytes) => getAddress(toHex(bytes)))
const call = fc.record({
  to: address,
  value: fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
  data: fc.uint8Array({ maxLength: 100 }).map((bytes) => toHex(bytes)),
})

describe('hashTimelockOperation', () => {
  test('default', async () => {
    const { stack, client } = context
    const timelock = contractAddress(stack, 'StoryTimelock')
    const calls = [
      { to: timelock, value: 0n, data: '0x3f4ba83a' as Hex },
    ] as const
    const id = hashTimelockOperation({ calls, salt: zeroHash })
    expect(id).toMatchInlineSnapshot(
      `"0xe52e9d54708c5ba4987b5eb539b8964f9fbd58995923a005c04ecaa30209a95e"`,
    )
    expect(id).toBe(
      await client.readContract({
        address: timelock,
        abi: storyTimelockAbi,
        functionName: 'hashOperation',
        args: [timelock, 0n, '0x3f4ba83a', zeroHash, zeroHash],
      }),
    )
  })

  test('behavior: equals hashOperation / hashOperationBatch on chain (randomized)', async () => {
    const { stack, client } = context
    const timelock = contractAddress(stack, 'StoryTimelock')
    await fc.assert(
      fc.asyncProperty(
        fc.array(call, { minLength: 1, maxLength: 4 }),
        bytes32,
        bytes32,
        fc.boolean(),
        async (calls, predecessor, salt, forceBatch) => {
          const batch = forceBatch || calls.length > 1
          const id = hashTimelockOperation({
            calls,
            predecessor,
            salt,
            batch,
          })
          const onChain = batch
            ? await client.readContract({
                address: timelock,
                abi: storyTimelockAbi,
                functionName: 'hashOperationBatch',
                args: [
                  calls.map((c) => c.to),
                  calls.map((c) => c.value),
                  calls.map((c) => c.data),
                  predecessor,
                  salt,
                ],
              })
            : await client.readContract({
                address: timelock,
                abi: storyTimelockAbi,
                functionName: 'hashOperation',
                args: [
                  calls[0]!.to,
                  calls[0]!.value,
                  calls[0]!.data,
                  predecessor,
                  salt,
                ],
              })
          expect(id).toBe(onChain)
        },
      ),
      { numRuns: 50 },
    )
  })

  test('behavior: one call hashes as a batch only when asked', () => {
    const calls = [
      { to: getAddress(toHex(1, { size: 20 })), data: '0x' as Hex },
    ]
    expect(hashTimelockOperation({ calls, salt: zeroHash })).not.toBe(
      hashTimelockOperation({ calls, salt: zeroHash, batch: true }),
    )
  })

  test('error: no calls', () => {
    expect(() =>
      hashTimelockOperation({ calls: [], salt: zeroHash }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [NoCallsError: A timelock operation needs at least one call.

      Hint: Pass the calls the timelock or governor should make (\`calls: [{ to, value, data }]\`).
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: salt is not 32 bytes', () => {
    expect(() =>
      hashTimelockOperation({
        calls: [{ to: getAddress(toHex(1, { size: 20 })), data: '0x' }],
        salt: '0x01',
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidBytes32Error: Invalid salt "0x01": expected 32 bytes of hex.

      Hint: Pass "0x" followed by exactly 64 hex digits, e.g. \`pad(toHex(1), { size: 32 })\` or \`keccak256(toHex("release-1"))\` from viem.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: odd-length data is rejected, not hashed', () => {
    expect(() =>
      hashTimelockOperation({
        calls: [{ to: getAddress(toHex(1, { size: 20 })), data: '0x123' }],
        salt: zeroHash,
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidCallError: Invalid data at calls[0].data: "0x123" has an odd number of hex digits (3).

      Hint: Pass calldata as "0x" followed by an even number of hex digits ("0x" for none), e.g. from viem’s \`encodeFunctionData\`.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
