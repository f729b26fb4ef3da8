import { encodeFunctionData } from 'viem'
import { describe, expect, test } from 'vitest'
import { checkInvariants } from '../checkInvariants.js'
import { readInvariantState } from '../readInvariantState.js'
import { executeOnStack } from '../test/helpers.js'
import {
  client,
  ops,
  stack,
  useInvariantStack,
} from '../test/invariantStack.js'
import { safeOwnersAndThresholdUnchanged } from './safeOwnersAndThresholdUnchanged.js'

useInvariantStack()

describe('safeOwnersAndThresholdUnchanged', () => {
  test('default', async () => {
    const invariants = [
      safeOwnersAndThresholdUnchanged({ safe: ops, label: 'ops Safe' }),
    ]
    const before = await readInvariantState(client(), { invariants })
    const unchanged = await checkInvariants(client(), { invariants, before })
    expect(unchanged.results[0]!.message).toMatchInlineSnapshot(
      `"ops Safe keeps its 2-of-3 owners."`,
    )
    // The Safe changes its own threshold (a self-call, as a Safe does).
    await executeOnStack(stack, 'ops', [
      {
        to: ops,
        value: 0n,
        data: encodeFunctionData({
          abi: [
            {
              type: 'function',
              name: 'changeThreshold',
              inputs: [{ name: '_threshold', type: 'uint256' }],
              outputs: [],
              stateMutability: 'nonpayable',
            },
          ],
          functionName: 'changeThreshold',
          args: [1n],
        }),
        operation: 'call',
        label: 'ops Safe: threshold 1',
      },
    ])
    const changed = await checkInvariants(client(), { invariants, before })
    expect(changed.ok).toBe(false)
    expect(changed.results[0]!.message).toMatchInlineSnapshot(
      `"ops Safe configuration changed: threshold 2 → 1."`,
    )
  })
})
