import { authorCoinAbi, storyTimelockAbi } from '@storydao/core'
import { keccak256, parseEther, toHex, zeroHash } from 'viem'
import { describe, expect, test } from 'vitest'
import { buildGrantRole } from './buildGrantRole.js'
import { buildTimelockExecute } from './buildTimelockExecute.js'
import { buildTimelockSchedule } from './buildTimelockSchedule.js'
import {
  advanceTime,
  contractAddress,
  safes,
  sendAs,
  useLocalStack,
} from './test/localStack.js'

const context = useLocalStack()

describe('buildTimelockExecute', () => {
  test('default', async () => {
    const { stack, client } = context
    const timelock = contractAddress(stack, 'StoryTimelock')
    const authorCoin = contractAddress(stack, 'AuthorCoin')
    const { ops } = safes(stack)
    const stranger = stack.accounts.stranger.address
    const calls = [
      buildGrantRole({
        target: authorCoin,
        abi: authorCoinAbi,
        role: 'MINTER_ROLE',
        account: stranger,
      }),
    ]
    const scheduled = buildTimelockSchedule({
      timelock,
      calls,
      salt: zeroHash,
      delay: 3600n,
    })
    await sendAs(context, ops, scheduled.call)
    await advanceTime(context, 3600n)
    const { call, operationId } = buildTimelockExecute({
      timelock,
      calls,
      salt: zeroHash,
    })
    expect(operationId).toBe(scheduled.operationId)
    expect({ ...call, data: undefined, abi: undefined }).toMatchInlineSnapshot(`
      {
        "abi": undefined,
        "data": undefined,
        "label": "Timelock 0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e: execute 1 call (operation 0xab669b67…4495)",
        "operation": "call",
        "to": "0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e",
        "value": 0n,
      }
    `)
    await sendAs(context, ops, call)
    expect(
      await client.readContract({
        address: timelock,
        abi: storyTimelockAbi,
        functionName: 'isOperationDone',
        args: [operationId],
      }),
    ).toBe(true)
    expect(
      await client.readContract({
        address: authorCoin,
        abi: authorCoinAbi,
        functionName: 'hasRole',
        args: [keccak256(toHex('MINTER_ROLE')), stranger],
      }),
    ).toBe(true)
  })

  test('behavior: one call scheduled with scheduleBatch executes with batch: true', async () => {
    const { stack, client } = context
    const timelock = contractAddress(stack, 'StoryTimelock')
    const { ops } = safes(stack)
    const stranger = stack.accounts.stranger.address
    const calls = [
      { to: stranger, value: parseEther('1'), data: '0x' as const },
    ]
    const scheduled = buildTimelockSchedule({
      timelock,
      calls,
      salt: zeroHash,
      delay: 3600n,
      batch: true,
    })
    expect(scheduled.call.data.slice(0, 10)).toBe('0x8f2a0bb0') // scheduleBatch
    await sendAs(context, ops, scheduled.call)
    await advanceTime(context, 3600n)
    const before = await client.getBalance({ address: stranger })
    // The timelock holds no ETH: the executor sends the call's value along.
    const { call, operationId } = buildTimelockExecute({
      timelock,
      calls,
      salt: zeroHash,
      batch: true,
      value: parseEther('1'),
    })
    expect(operationId).toBe(scheduled.operationId)
    expect(call.data.slice(0, 10)).toBe('0xe38335e5') // executeBatch
    await sendAs(context, ops, call)
    expect((await client.getBalance({ address: stranger })) - before).toBe(
      parseEther('1'),
    )
  })

  test('behavior: executing before the delay has passed reverts on chain', async () => {
    const { stack } = context
    const timelock = contractAddress(stack, 'StoryTimelock')
    const { ops } = safes(stack)
    const calls = [{ to: stack.accounts.stranger.address, data: '0x' as const }]
    await sendAs(
      context,
      ops,
      buildTimelockSchedule({ timelock, calls, salt: zeroHash, delay: 3600n })
        .call,
    )
    await expect(
      sendAs(
        context,
        ops,
        buildTimelockExecute({ timelock, calls, salt: zeroHash }).call,
      ),
    ).rejects.toThrowError(/TimelockUnexpectedOperationState/)
  })

  test('error: no calls', () => {
    expect(() =>
      buildTimelockExecute({
        timelock: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        calls: [],
        salt: zeroHash,
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [NoCallsError: A timelock operation needs at least one call.

      Hint: Pass the calls the timelock or governor should make (\`calls: [{ to, value, data }]\`).
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
  test('error: negative value sent with execute', () => {
    expect(() =>
      buildTimelockExecute({
        timelock: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        calls: [
          { to: '0x5FbDB2315678afecb367f032d93F642f64180aa3', data: '0x' },
        ],
        salt: zeroHash,
        value: -1n,
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidCallError: Invalid value: -1 is negative.

      Hint: Pass wei as a bigint from 0n to 2^256 - 1, e.g. \`0n\` or \`parseEther("1")\` from viem.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
