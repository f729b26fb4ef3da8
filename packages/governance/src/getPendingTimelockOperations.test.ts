import { ChainReadError, storyTimelockAbi } from '@storydao/core'
import { createPublicClient, http, keccak256, toHex, zeroHash } from 'viem'
import { describe, expect, test } from 'vitest'
import { buildTimelockCancel } from './buildTimelockCancel.js'
import { buildTimelockExecute } from './buildTimelockExecute.js'
import { buildTimelockSchedule } from './buildTimelockSchedule.js'
import { buildUnpause } from './buildUnpause.js'
import { getPendingTimelockOperations } from './getPendingTimelockOperations.js'
import {
  advanceTime,
  contractAddress,
  safes,
  sendAs,
  useLocalStack,
} from './test/localStack.js'

const context = useLocalStack()

function operations() {
  const { stack } = context
  const timelock = contractAddress(stack, 'StoryTimelock')
  const authorCoin = contractAddress(stack, 'AuthorCoin')
  const stranger = stack.accounts.stranger.address
  const single = {
    timelock,
    calls: [buildUnpause({ target: authorCoin })],
    salt: zeroHash,
    delay: 3600n,
  }
  const batch = {
    timelock,
    calls: [
      { to: stranger, value: 1n, data: '0x' as const },
      { to: authorCoin, value: 0n, data: '0x8456cb59' as const },
    ],
    salt: keccak256(toHex('batch')),
    delay: 7200n,
  }
  return { timelock, single, batch }
}

describe('getPendingTimelockOperations', () => {
  test('default', async () => {
    const { stack, client } = context
    const { ops } = safes(stack)
    const { timelock, single, batch } = operations()
    const scheduledSingle = buildTimelockSchedule(single)
    const scheduledBatch = buildTimelockSchedule(batch)
    await sendAs(context, ops, scheduledSingle.call)
    await sendAs(context, ops, scheduledBatch.call)

    const found = await getPendingTimelockOperations(client, { timelock })
    expect(
      found.map(({ id, state, batch, salt, delay }) => ({
        id,
        state,
        batch,
        salt,
        delay,
      })),
    ).toEqual([
      {
        id: scheduledSingle.operationId,
        state: 'pending',
        batch: false,
        salt: zeroHash,
        delay: 3600n,
      },
      {
        id: scheduledBatch.operationId,
        state: 'pending',
        batch: true,
        salt: batch.salt,
        delay: 7200n,
      },
    ])
    expect(found[1]!.calls).toEqual(batch.calls)
    expect(found[0]!.calls).toEqual([
      { to: single.calls[0]!.to, value: 0n, data: single.calls[0]!.data },
    ])
    // The ready time equals the timelock's own record.
    for (const operation of found)
      expect(operation.readyAt).toBe(
        await client.readContract({
          address: timelock,
          abi: storyTimelockAbi,
          functionName: 'getTimestamp',
          args: [operation.id],
        }),
      )
  })

  test('behavior: pending → ready → done, and cancelled', async () => {
    const { stack, client } = context
    const { ops, emergency } = safes(stack)
    const { timelock, single, batch } = operations()
    await sendAs(context, emergency, {
      to: contractAddress(stack, 'AuthorCoin'),
      data: '0x8456cb59', // pause(), so that unpause can run
    })
    const scheduledSingle = buildTimelockSchedule(single)
    const scheduledBatch = buildTimelockSchedule(batch)
    await sendAs(context, ops, scheduledSingle.call)
    await sendAs(context, ops, scheduledBatch.call)
    const states = async () =>
      (await getPendingTimelockOperations(client, { timelock })).map(
        (operation) => operation.state,
      )
    expect(await states()).toEqual(['pending', 'pending'])
    await advanceTime(context, 3600n)
    expect(await states()).toEqual(['ready', 'pending'])
    // What the reader returns is enough to execute.
    const [ready] = await getPendingTimelockOperations(client, {
      timelock,
      states: ['ready'],
    })
    await sendAs(
      context,
      ops,
      buildTimelockExecute({
        timelock,
        calls: ready!.calls,
        predecessor: ready!.predecessor,
        salt: ready!.salt,
        batch: ready!.batch,
      }).call,
    )
    await sendAs(
      context,
      emergency,
      buildTimelockCancel({
        timelock,
        operationId: scheduledBatch.operationId,
      }),
    )
    const found = await getPendingTimelockOperations(client, { timelock })
    expect(found.map((operation) => operation.state)).toEqual([
      'done',
      'cancelled',
    ])
    expect(found[0]!.executed?.transactionHash).toMatch(/^0x[0-9a-f]{64}$/)
    expect(found[1]!.cancelled?.transactionHash).toMatch(/^0x[0-9a-f]{64}$/)
  })

  test('behavior: a cancelled id scheduled again appears once per scheduling', async () => {
    const { stack, client } = context
    const { ops, emergency } = safes(stack)
    const { timelock, single } = operations()
    const scheduled = buildTimelockSchedule(single)
    await sendAs(context, ops, scheduled.call)
    await sendAs(
      context,
      emergency,
      buildTimelockCancel({ timelock, operationId: scheduled.operationId }),
    )
    await sendAs(context, ops, scheduled.call)
    const found = await getPendingTimelockOperations(client, { timelock })
    expect(found.map(({ id, state }) => ({ id, state }))).toEqual([
      { id: scheduled.operationId, state: 'cancelled' },
      { id: scheduled.operationId, state: 'pending' },
    ])
  })

  test('behavior: fromBlock and states filter', async () => {
    const { stack, client } = context
    const { ops } = safes(stack)
    const { timelock, single, batch } = operations()
    await sendAs(context, ops, buildTimelockSchedule(single).call)
    const after = (await client.getBlockNumber()) + 1n
    await sendAs(context, ops, buildTimelockSchedule(batch).call)
    const fromBlock = await getPendingTimelockOperations(client, {
      timelock,
      fromBlock: after,
    })
    expect(fromBlock.map((operation) => operation.id)).toEqual([
      buildTimelockSchedule(batch).operationId,
    ])
    expect(
      await getPendingTimelockOperations(client, {
        timelock,
        states: ['ready', 'done'],
      }),
    ).toEqual([])
  })

  test('error: RPC unreachable', async () => {
    const client = createPublicClient({
      transport: http('http://127.0.0.1:9', { retryCount: 0 }),
    })
    await expect(
      getPendingTimelockOperations(client, {
        timelock: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      }),
    ).rejects.toBeInstanceOf(ChainReadError)
  })
})
