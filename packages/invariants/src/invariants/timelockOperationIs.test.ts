import { storyTimelockAbi, treasuryAbi } from '@storydao/core'
import { buildTimelockSchedule } from '@storydao/governance'
import { encodeFunctionData, zeroHash } from 'viem'
import { describe, expect, test } from 'vitest'
import { checkInvariants } from '../checkInvariants.js'
import { executeOnStack, passTime } from '../test/helpers.js'
import {
  client,
  stack,
  stranger,
  timelock,
  treasury,
  useInvariantStack,
} from '../test/invariantStack.js'
import { timelockOperationIs } from './timelockOperationIs.js'

useInvariantStack()

describe('timelockOperationIs', () => {
  test('behavior: follows an operation through its states', async () => {
    const { call, operationId } = buildTimelockSchedule({
      timelock,
      calls: [
        {
          to: treasury,
          data: encodeFunctionData({
            abi: treasuryAbi,
            functionName: 'withdrawETH',
            args: [stranger, 1n],
          }),
        },
      ],
      salt: zeroHash,
      delay: 3600n,
    })
    // The id we compute is the one the contract computes.
    expect(operationId).toBe(
      await stack.client.readContract({
        address: timelock,
        abi: storyTimelockAbi,
        functionName: 'hashOperation',
        args: [
          treasury,
          0n,
          encodeFunctionData({
            abi: treasuryAbi,
            functionName: 'withdrawETH',
            args: [stranger, 1n],
          }),
          zeroHash,
          zeroHash,
        ],
      }),
    )
    const states = ['unset', 'waiting', 'ready', 'done', 'pending'] as const
    const invariants = states.map((state) =>
      timelockOperationIs({ timelock, operationId, state }),
    )
    const okStates = async () =>
      (await checkInvariants(client(), { invariants })).results
        .filter((r) => r.ok)
        .map((r) => r.expected)
    expect(await okStates()).toEqual(['unset'])
    await executeOnStack(stack, 'ops', [call])
    expect(await okStates()).toEqual(['waiting', 'pending'])
    await passTime(stack, 3601)
    expect(await okStates()).toEqual(['ready', 'pending'])
  })
})
