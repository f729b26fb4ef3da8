import { authorCoinAbi, storyDaoAbi } from '@storydao/core'
import { keccak256, toHex } from 'viem'
import { describe, expect, test } from 'vitest'
import { buildGovernorExecute } from './buildGovernorExecute.js'
import { buildGovernorQueue } from './buildGovernorQueue.js'
import { buildGrantRole } from './buildGrantRole.js'
import { buildPause } from './buildPause.js'
import { buildUnpause } from './buildUnpause.js'
import { getPendingTimelockOperations } from './getPendingTimelockOperations.js'
import { hashProposal } from './hashProposal.js'
import { proposalState, proposeAndPass } from './test/governor.js'
import {
  advanceTime,
  contractAddress,
  safes,
  sendAs,
  useLocalStack,
} from './test/localStack.js'

const context = useLocalStack()

describe('buildGovernorExecute', () => {
  test('default', async () => {
    const { stack, client } = context
    const authorCoin = contractAddress(stack, 'AuthorCoin')
    const timelock = contractAddress(stack, 'StoryTimelock')
    const stranger = stack.accounts.stranger.address
    await sendAs(
      context,
      safes(stack).emergency,
      buildPause({ target: authorCoin }),
    )
    const calls = [
      buildUnpause({ target: authorCoin }),
      buildGrantRole({
        target: authorCoin,
        abi: authorCoinAbi,
        role: 'MINTER_ROLE',
        account: stranger,
      }),
    ]
    const description = 'Unpause AuthorCoin and let the stranger mint'
    const { governor, proposalId } = await proposeAndPass(
      context,
      calls,
      description,
    )
    expect(proposalId).toBe(
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
    const queued = buildGovernorQueue({ governor, calls, description })
    await sendAs(context, stranger, queued.call)
    const timelockState = async () =>
      (await getPendingTimelockOperations(client, { timelock }))[0]?.state
    expect(await timelockState()).toBe('pending')
    await advanceTime(context, 3600n)
    expect(await timelockState()).toBe('ready')

    // The hash form of the description works as well as the text.
    const { call, proposalId: executed } = buildGovernorExecute({
      governor,
      calls,
      descriptionHash: keccak256(toHex(description)),
    })
    expect(executed).toBe(proposalId)
    expect({ ...call, data: undefined, abi: undefined }).toMatchInlineSnapshot(`
      {
        "abi": undefined,
        "data": undefined,
        "label": "Governor 0x9A9f2CCfdE556A7E9Ff0848998Aa4a0CFD8863AE: execute proposal 43295758598581228068103590671936125410929092272584728969029489172138317088464 (2 calls)",
        "operation": "call",
        "to": "0x9A9f2CCfdE556A7E9Ff0848998Aa4a0CFD8863AE",
        "value": 0n,
      }
    `)
    await sendAs(context, stranger, call)
    expect(await timelockState()).toBe('done')
    expect(await proposalState(context, proposalId)).toBe('Executed')
    expect(
      await client.readContract({
        address: authorCoin,
        abi: authorCoinAbi,
        functionName: 'paused',
      }),
    ).toBe(false)
    expect(
      await client.readContract({
        address: authorCoin,
        abi: authorCoinAbi,
        functionName: 'hasRole',
        args: [keccak256(toHex('MINTER_ROLE')), stranger],
      }),
    ).toBe(true)
  })

  test('behavior: the id does not depend on the description form', () => {
    const calls = [
      { to: '0x5FbDB2315678afecb367f032d93F642f64180aa3', data: '0x' },
    ] as const
    const governor = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0'
    expect(
      buildGovernorExecute({ governor, calls, description: 'x' }).proposalId,
    ).toBe(hashProposal({ calls, descriptionHash: keccak256(toHex('x')) }))
  })

  test('error: no calls', () => {
    expect(() =>
      buildGovernorExecute({
        governor: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        calls: [],
        description: 'Nothing',
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [NoCallsError: A governor proposal needs at least one call.

      Hint: Pass the calls the timelock or governor should make (\`calls: [{ to, value, data }]\`).
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
