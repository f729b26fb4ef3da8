import { storyTimelockAbi } from '@storydao/core'
import { describe, expect, test } from 'vitest'
import { buildGovernorQueue } from './buildGovernorQueue.js'
import { buildPause } from './buildPause.js'
import { buildUnpause } from './buildUnpause.js'
import { getPendingTimelockOperations } from './getPendingTimelockOperations.js'
import { proposalState, proposeAndPass } from './test/governor.js'
import {
  contractAddress,
  safes,
  sendAs,
  useLocalStack,
} from './test/localStack.js'

const context = useLocalStack()

describe('buildGovernorQueue', () => {
  test('default', async () => {
    const { stack, client } = context
    const authorCoin = contractAddress(stack, 'AuthorCoin')
    const timelock = contractAddress(stack, 'StoryTimelock')
    await sendAs(
      context,
      safes(stack).emergency,
      buildPause({ target: authorCoin }),
    )
    const calls = [buildUnpause({ target: authorCoin })]
    const description = 'Unpause AuthorCoin'
    const { governor, proposalId } = await proposeAndPass(
      context,
      calls,
      description,
    )
    expect(await proposalState(context, proposalId)).toBe('Succeeded')

    const queued = buildGovernorQueue({ governor, calls, description })
    expect(queued.proposalId).toBe(proposalId)
    expect({
      ...queued.call,
      data: undefined,
      abi: undefined,
    }).toMatchInlineSnapshot(`
      {
        "abi": undefined,
        "data": undefined,
        "label": "Governor 0x9A9f2CCfdE556A7E9Ff0848998Aa4a0CFD8863AE: queue proposal 101877337217146138683508425538675187831016165999362005251583859436551222640506 (1 call)",
        "operation": "call",
        "to": "0x9A9f2CCfdE556A7E9Ff0848998Aa4a0CFD8863AE",
        "value": 0n,
      }
    `)
    // Anyone may queue a succeeded proposal.
    await sendAs(context, stack.accounts.stranger.address, queued.call)
    expect(await proposalState(context, proposalId)).toBe('Queued')

    // The timelock operation id and salt are the ones the governor used.
    expect(
      await client.readContract({
        address: timelock,
        abi: storyTimelockAbi,
        functionName: 'hashOperationBatch',
        args: [
          calls.map((c) => c.to),
          calls.map((c) => c.value),
          calls.map((c) => c.data),
          `0x${'0'.repeat(64)}`,
          queued.timelockSalt,
        ],
      }),
    ).toBe(queued.timelockOperationId)
    expect(
      await client.readContract({
        address: timelock,
        abi: storyTimelockAbi,
        functionName: 'isOperationPending',
        args: [queued.timelockOperationId],
      }),
    ).toBe(true)
    const [operation] = await getPendingTimelockOperations(client, { timelock })
    expect(operation).toMatchObject({
      id: queued.timelockOperationId,
      state: 'pending',
      salt: queued.timelockSalt,
      batch: true,
    })
  })

  test('error: malformed description hash', () => {
    expect(() =>
      buildGovernorQueue({
        governor: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        calls: [
          { to: '0x5FbDB2315678afecb367f032d93F642f64180aa3', data: '0x' },
        ],
        descriptionHash: '0x1234',
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidBytes32Error: Invalid descriptionHash "0x1234": expected 32 bytes of hex.

      Hint: Pass "0x" followed by exactly 64 hex digits, e.g. \`pad(toHex(1), { size: 32 })\` or \`keccak256(toHex("release-1"))\` from viem.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
