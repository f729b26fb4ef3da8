import { authorCoinAbi, storyTimelockAbi } from '@storydao/core'
import { keccak256, toHex, zeroHash } from 'viem'
import { describe, expect, test } from 'vitest'
import { buildGrantRole } from './buildGrantRole.js'
import { buildPause } from './buildPause.js'
import { buildRevokeRole } from './buildRevokeRole.js'
import { buildTimelockExecute } from './buildTimelockExecute.js'
import { buildTimelockSchedule } from './buildTimelockSchedule.js'
import { buildUnpause } from './buildUnpause.js'
import { InvalidCallError } from './errors/calls.js'
import { InvalidDelayError } from './errors/timelock.js'
import {
  advanceTime,
  contractAddress,
  safes,
  sendAs,
  useLocalStack,
} from './test/localStack.js'

const context = useLocalStack()

describe('buildTimelockSchedule', () => {
  test('default', async () => {
    const { stack, client } = context
    const timelock = contractAddress(stack, 'StoryTimelock')
    const authorCoin = contractAddress(stack, 'AuthorCoin')
    const { ops, emergency } = safes(stack)
    // The emergency Safe pauses directly; only the timelock may unpause.
    await sendAs(context, emergency, buildPause({ target: authorCoin }))
    const calls = [buildUnpause({ target: authorCoin })]
    const { call, operationId } = buildTimelockSchedule({
      timelock,
      calls,
      salt: zeroHash,
      delay: 3600n,
    })
    expect({ ...call, data: undefined, abi: undefined }).toMatchInlineSnapshot(`
      {
        "abi": undefined,
        "data": undefined,
        "label": "Timelock 0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e: schedule 1 call (delay 3600 s, operation 0x3ed1e8db…c342): Unpause 0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1",
        "operation": "call",
        "to": "0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e",
        "value": 0n,
      }
    `)
    expect(call.data.slice(0, 10)).toBe('0x01d5062a') // schedule
    expect(operationId).toBe(
      await client.readContract({
        address: timelock,
        abi: storyTimelockAbi,
        functionName: 'hashOperation',
        args: [authorCoin, 0n, calls[0]!.data, zeroHash, zeroHash],
      }),
    )
    await sendAs(context, ops, call)
    expect(
      await client.readContract({
        address: timelock,
        abi: storyTimelockAbi,
        functionName: 'isOperationPending',
        args: [operationId],
      }),
    ).toBe(true)
    await advanceTime(context, 3600n)
    await sendAs(
      context,
      ops,
      buildTimelockExecute({ timelock, calls, salt: zeroHash }).call,
    )
    expect(
      await client.readContract({
        address: authorCoin,
        abi: authorCoinAbi,
        functionName: 'paused',
      }),
    ).toBe(false)
  })

  test('behavior: several calls go through scheduleBatch (role grant and revoke)', async () => {
    const { stack, client } = context
    const timelock = contractAddress(stack, 'StoryTimelock')
    const authorCoin = contractAddress(stack, 'AuthorCoin')
    const { ops, emergency } = safes(stack)
    const stranger = stack.accounts.stranger.address
    const calls = [
      buildGrantRole({
        target: authorCoin,
        abi: authorCoinAbi,
        role: 'MINTER_ROLE',
        account: stranger,
      }),
      buildRevokeRole({
        target: authorCoin,
        abi: authorCoinAbi,
        role: 'PAUSER_ROLE',
        account: emergency,
      }),
    ]
    const salt = keccak256(toHex('roles'))
    const { call, operationId } = buildTimelockSchedule({
      timelock,
      calls,
      salt,
      delay: 7200n,
    })
    expect(call.data.slice(0, 10)).toBe('0x8f2a0bb0') // scheduleBatch
    expect(operationId).toBe(
      await client.readContract({
        address: timelock,
        abi: storyTimelockAbi,
        functionName: 'hashOperationBatch',
        args: [
          calls.map((c) => c.to),
          calls.map((c) => c.value),
          calls.map((c) => c.data),
          zeroHash,
          salt,
        ],
      }),
    )
    await sendAs(context, ops, call)
    await advanceTime(context, 7200n)
    await sendAs(
      context,
      ops,
      buildTimelockExecute({ timelock, calls, salt }).call,
    )
    const hasRole = (role: string, account: `0x${string}`) =>
      client.readContract({
        address: authorCoin,
        abi: authorCoinAbi,
        functionName: 'hasRole',
        args: [keccak256(toHex(role)), account],
      })
    expect(await hasRole('MINTER_ROLE', stranger)).toBe(true)
    expect(await hasRole('PAUSER_ROLE', emergency)).toBe(false)
  })

  test('behavior: a predecessor must be done first', async () => {
    const { stack } = context
    const timelock = contractAddress(stack, 'StoryTimelock')
    const authorCoin = contractAddress(stack, 'AuthorCoin')
    const { ops, emergency } = safes(stack)
    await sendAs(context, emergency, buildPause({ target: authorCoin }))
    const first = buildTimelockSchedule({
      timelock,
      calls: [buildUnpause({ target: authorCoin })],
      salt: zeroHash,
      delay: 3600n,
    })
    const secondCalls = [
      buildGrantRole({
        target: authorCoin,
        abi: authorCoinAbi,
        role: 'PAUSER_ROLE',
        account: ops,
      }),
    ]
    const second = buildTimelockSchedule({
      timelock,
      calls: secondCalls,
      predecessor: first.operationId,
      salt: zeroHash,
      delay: 3600n,
    })
    await sendAs(context, ops, first.call)
    await sendAs(context, ops, second.call)
    await advanceTime(context, 3600n)
    const executeSecond = buildTimelockExecute({
      timelock,
      calls: secondCalls,
      predecessor: first.operationId,
      salt: zeroHash,
    })
    await expect(sendAs(context, ops, executeSecond.call)).rejects.toThrowError(
      /TimelockUnexecutedPredecessor/,
    )
  })

  test('error: no calls', () => {
    expect(() =>
      buildTimelockSchedule({
        timelock: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        calls: [],
        salt: zeroHash,
        delay: 3600n,
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [NoCallsError: A timelock operation needs at least one call.

      Hint: Pass the calls the timelock or governor should make (\`calls: [{ to, value, data }]\`).
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: malformed timelock address', () => {
    expect(() =>
      buildTimelockSchedule({
        timelock: '0x5FbDB2315678afecb367f032d93F642f64180aA3',
        calls: [
          { to: '0x5FbDB2315678afecb367f032d93F642f64180aa3', data: '0x' },
        ],
        salt: zeroHash,
        delay: 3600n,
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidAddressError: Address "0x5FbDB2315678afecb367f032d93F642f64180aA3" at timelock has a wrong EIP-55 checksum.

      Hint: A wrong checksum usually means a mistyped digit: copy the address again from its source. The checksummed form of these exact digits is 0x5FbDB2315678afecb367f032d93F642f64180aa3.
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: malformed predecessor', () => {
    expect(() =>
      buildTimelockSchedule({
        timelock: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        calls: [
          { to: '0x5FbDB2315678afecb367f032d93F642f64180aa3', data: '0x' },
        ],
        predecessor: '0x1234',
        salt: zeroHash,
        delay: 3600n,
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidBytes32Error: Invalid predecessor "0x1234": expected 32 bytes of hex.

      Hint: Pass "0x" followed by exactly 64 hex digits, e.g. \`pad(toHex(1), { size: 32 })\` or \`keccak256(toHex("release-1"))\` from viem.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: negative delay (not viem’s IntegerOutOfRangeError)', () => {
    const build = () =>
      buildTimelockSchedule({
        timelock: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        calls: [
          { to: '0x5FbDB2315678afecb367f032d93F642f64180aa3', data: '0x' },
        ],
        salt: zeroHash,
        delay: -1n,
      })
    expect(build).toThrow(InvalidDelayError)
    expect(build).toThrowErrorMatchingInlineSnapshot(`
      [InvalidDelayError: Invalid delay: -1 is negative.

      Hint: Pass the delay in seconds as a bigint, at least the timelock’s \`getMinDelay()\` (e.g. \`3600n\`); \`prepareTimelockSchedule\` reads and checks the minimum.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: negative call value (not viem’s IntegerOutOfRangeError)', () => {
    const build = () =>
      buildTimelockSchedule({
        timelock: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        calls: [
          { to: '0x5FbDB2315678afecb367f032d93F642f64180aa3', data: '0x' },
          {
            to: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
            value: -5n,
            data: '0x',
          },
        ],
        salt: zeroHash,
        delay: 3600n,
      })
    expect(build).toThrow(InvalidCallError)
    expect(build).toThrowErrorMatchingInlineSnapshot(`
      [InvalidCallError: Invalid value at calls[1].value: -5 is negative.

      Hint: Pass wei as a bigint from 0n to 2^256 - 1, e.g. \`0n\` or \`parseEther("1")\` from viem.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: call data that is not hex is not hashed', () => {
    expect(() =>
      buildTimelockSchedule({
        timelock: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        calls: [
          { to: '0x5FbDB2315678afecb367f032d93F642f64180aa3', data: '0xzz' },
        ],
        salt: zeroHash,
        delay: 3600n,
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidCallError: Invalid data at calls[0].data: "0xzz" is not hex.

      Hint: Pass calldata as "0x" followed by an even number of hex digits ("0x" for none), e.g. from viem’s \`encodeFunctionData\`.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: call data with an odd number of hex digits', () => {
    expect(() =>
      buildTimelockSchedule({
        timelock: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        calls: [
          { to: '0x5FbDB2315678afecb367f032d93F642f64180aa3', data: '0x' },
          { to: '0x5FbDB2315678afecb367f032d93F642f64180aa3', data: '0x123' },
        ],
        salt: zeroHash,
        delay: 3600n,
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidCallError: Invalid data at calls[1].data: "0x123" has an odd number of hex digits (3).

      Hint: Pass calldata as "0x" followed by an even number of hex digits ("0x" for none), e.g. from viem’s \`encodeFunctionData\`.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
