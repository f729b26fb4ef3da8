import { ChainReadError, storyTimelockAbi } from '@storydao/core'
import {
  type Address,
  createPublicClient,
  custom,
  type Hex,
  http,
  keccak256,
  toHex,
  zeroHash,
} from 'viem'
import { describe, expect, test } from 'vitest'
import { buildTimelockCancel } from './buildTimelockCancel.js'
import { buildTimelockExecute } from './buildTimelockExecute.js'
import { buildTimelockSchedule } from './buildTimelockSchedule.js'
import { buildUnpause } from './buildUnpause.js'
import { InvalidBlockRangeError } from './errors/timelock.js'
import { getPendingTimelockOperations } from './getPendingTimelockOperations.js'
import {
  advanceTime,
  contractAddress,
  safes,
  sendAs,
  useLocalStack,
} from './test/localStack.js'

const context = useLocalStack()

/**
 * A client for the stack that records every JSON-RPC request and, like a
 * hosted RPC, answers `eth_getLogs` over more than `maxRange` blocks with an
 * error (or every `eth_getLogs` with `failLogs`).
 */
function recordingClient(
  options: { maxRange?: bigint; failLogs?: string } = {},
) {
  const inner = http(context.stack.rpcUrl, { retryCount: 0 })({})
  const requests: { method: string; params: unknown; rejected: boolean }[] = []
  const client = createPublicClient({
    transport: custom(
      {
        async request({ method, params }) {
          let rejection: string | undefined
          if (method === 'eth_getLogs') {
            const [filter] = params as [{ fromBlock: Hex; toBlock: Hex }]
            const size = BigInt(filter.toBlock) - BigInt(filter.fromBlock) + 1n
            if (options.failLogs) rejection = options.failLogs
            else if (options.maxRange !== undefined && size > options.maxRange)
              rejection = `block range is too large: ${size} blocks, max ${options.maxRange}`
          }
          requests.push({ method, params, rejected: rejection !== undefined })
          if (rejection)
            throw Object.assign(new Error(rejection), { code: -32602 })
          return inner.request({ method, params } as never)
        },
      },
      { retryCount: 0 },
    ),
  })
  /** The `[fromBlock, toBlock]` of each eth_getLogs the RPC answered. */
  const ranges = (which: 'answered' | 'rejected' = 'answered') =>
    requests
      .filter(
        (request) =>
          request.method === 'eth_getLogs' &&
          request.rejected === (which === 'rejected'),
      )
      .map((request) => {
        const [filter] = request.params as [{ fromBlock: Hex; toBlock: Hex }]
        return [BigInt(filter.fromBlock), BigInt(filter.toBlock)] as const
      })
  return { client, requests, ranges }
}

/** Ranges in order, each starting right after the previous one. */
function expectTiling(
  ranges: readonly (readonly [bigint, bigint])[],
  from: bigint,
  to: bigint,
) {
  const sorted = [...ranges].sort((a, b) => (a[0] < b[0] ? -1 : 1))
  let next = from
  for (const [start, end] of sorted) {
    expect(start).toBe(next)
    expect(end).toBeGreaterThanOrEqual(start)
    next = end + 1n
  }
  expect(next).toBe(to + 1n)
}

async function scheduleBoth(timelock: Address) {
  const { ops } = safes(context.stack)
  const { single, batch } = operations()
  await sendAs(context, ops, buildTimelockSchedule(single).call)
  // Some empty blocks between the two, so pages split them.
  await context.client.mine({ blocks: 5 })
  await sendAs(context, ops, buildTimelockSchedule(batch).call)
  await sendAs(
    context,
    safes(context.stack).emergency,
    buildTimelockCancel({
      timelock,
      operationId: buildTimelockSchedule(batch).operationId,
    }),
  )
}

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

  test('behavior: paginates eth_getLogs by blockRange, same result', async () => {
    const { client } = context
    const { timelock } = operations()
    await scheduleBoth(timelock)
    const latest = await client.getBlockNumber()

    const whole = recordingClient()
    const unpaginated = await getPendingTimelockOperations(whole.client, {
      timelock,
    })
    expect(unpaginated.map((operation) => operation.state)).toEqual([
      'pending',
      'cancelled',
    ])
    // The local chain is shorter than the default range: one request.
    expect(whole.ranges()).toEqual([[0n, latest]])

    const paged = recordingClient()
    expect(
      await getPendingTimelockOperations(paged.client, {
        timelock,
        blockRange: 2n,
      }),
    ).toEqual(unpaginated)
    // One eth_getLogs per 2 blocks of [0, latest], nothing skipped or read twice.
    expect(paged.ranges()).toHaveLength(Number((latest + 2n) / 2n))
    expect(paged.ranges().every(([start, end]) => end - start < 2n)).toBe(true)
    expectTiling(paged.ranges(), 0n, latest)
  })

  test('behavior: fromBlock (the manifest deployment block) and toBlock bound the pages', async () => {
    const { stack, client } = context
    const { timelock } = operations()
    await scheduleBoth(timelock)
    const latest = await client.getBlockNumber()
    const deployed = BigInt(
      stack.manifest.contracts.StoryTimelock!.deployment!.block,
    )
    const all = await getPendingTimelockOperations(client, { timelock })

    const recorder = recordingClient()
    expect(
      await getPendingTimelockOperations(recorder.client, {
        timelock,
        fromBlock: deployed,
        toBlock: 'latest',
        blockRange: 3n,
      }),
    ).toEqual(all)
    expectTiling(recorder.ranges(), deployed, latest)

    // toBlock before the second scheduling: only the first operation.
    const first = all[0]!.scheduled.blockNumber
    const upTo = await getPendingTimelockOperations(client, {
      timelock,
      fromBlock: deployed,
      toBlock: first,
      blockRange: 3n,
    })
    expect(upTo.map((operation) => operation.id)).toEqual([all[0]!.id])
  })

  test('behavior: a range the RPC rejects as too large is retried in halves', async () => {
    const { client } = context
    const { timelock } = operations()
    await scheduleBoth(timelock)
    const latest = await client.getBlockNumber()
    const all = await getPendingTimelockOperations(client, { timelock })

    const capped = recordingClient({ maxRange: 3n })
    expect(
      await getPendingTimelockOperations(capped.client, {
        timelock,
        blockRange: 16n,
      }),
    ).toEqual(all)
    expect(capped.ranges('rejected').length).toBeGreaterThan(0)
    expect(capped.ranges().every(([start, end]) => end - start < 3n)).toBe(true)
    expectTiling(capped.ranges(), 0n, latest)
  })

  test('error: another eth_getLogs failure is not retried', async () => {
    const { timelock } = operations()
    const failing = recordingClient({ failLogs: 'filter not supported' })
    await expect(
      getPendingTimelockOperations(failing.client, { timelock }),
    ).rejects.toBeInstanceOf(ChainReadError)
    expect(failing.ranges('rejected')).toHaveLength(1)
  })

  test('error: blockRange below 1n', async () => {
    const { client } = context
    const { timelock } = operations()
    const error = await getPendingTimelockOperations(client, {
      timelock,
      blockRange: 0n,
    }).catch((error: unknown) => error)
    expect(error).toBeInstanceOf(InvalidBlockRangeError)
    expect(error).toMatchInlineSnapshot(`
      [InvalidBlockRangeError: Invalid blockRange 0: expected a bigint of at least 1n.

      Hint: Pass block numbers as bigints ≥ 0n (or a block tag) and \`blockRange\` as a bigint ≥ 1n (e.g. \`2_000n\` for RPCs that cap eth_getLogs at 2 000 blocks).
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
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
