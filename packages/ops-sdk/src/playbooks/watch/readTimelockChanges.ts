import { ChainReadError, storyTimelockAbi } from '@storydao/core'
import {
  getPendingTimelockOperations,
  type TimelockOperation,
} from '@storydao/governance'
import { type Address, getAbiItem, type Hex } from 'viem'
import { getLogs } from 'viem/actions'
import type { WatchState } from '../../types/watch.js'
import type { OpsContext } from '../createOpsContext.js'

/** @internal An operation that left the pending set: executed or cancelled. */
export type ClosedOperation = {
  id: Hex
  how: 'executed' | 'cancelled'
  block: bigint
  transactionHash: Hex
}

/**
 * @internal The timelock since the previous poll. The first poll reads the
 * pending set from the timelock's deployment block; later polls read only
 * the blocks after the last one read: operations scheduled there, and
 * `CallExecuted`/`Cancelled` logs closing earlier ones.
 */
export async function readTimelockChanges(
  context: OpsContext,
  {
    timelock,
    previous,
    head,
  }: {
    timelock: { address: Address; fromBlock: bigint }
    previous: WatchState | undefined
    head: bigint
  },
): Promise<{ scheduled: TimelockOperation[]; closed: ClosedOperation[] }> {
  if (!previous) {
    const scheduled = await getPendingTimelockOperations(context.client, {
      timelock: timelock.address,
      fromBlock: timelock.fromBlock,
      toBlock: head,
      states: ['pending', 'ready'],
    })
    return { scheduled, closed: [] }
  }
  if (head <= previous.block) return { scheduled: [], closed: [] }
  const range = { fromBlock: previous.block + 1n, toBlock: head }
  const [scheduled, closed] = await Promise.all([
    getPendingTimelockOperations(context.client, {
      timelock: timelock.address,
      ...range,
    }),
    readClosed(context, timelock.address, range),
  ])
  return { scheduled, closed }
}

const closingEvents = [
  getAbiItem({ abi: storyTimelockAbi, name: 'CallExecuted' }),
  getAbiItem({ abi: storyTimelockAbi, name: 'Cancelled' }),
] as const

async function readClosed(
  context: OpsContext,
  timelock: Address,
  range: { fromBlock: bigint; toBlock: bigint },
): Promise<ClosedOperation[]> {
  const logs = await getLogs(context.client, {
    address: timelock,
    events: closingEvents,
    ...range,
    strict: true,
  }).catch((cause: unknown) => {
    throw new ChainReadError({
      what: `the CallExecuted and Cancelled logs of ${timelock} in blocks ${range.fromBlock}-${range.toBlock}`,
      cause,
    })
  })
  // A batch logs CallExecuted once per call: one closing per operation.
  const seen = new Set<string>()
  return logs.flatMap((log) => {
    const id = log.args.id as Hex
    if (seen.has(`${id}:${log.eventName}`)) return []
    seen.add(`${id}:${log.eventName}`)
    return [
      {
        id,
        how:
          log.eventName === 'Cancelled'
            ? ('cancelled' as const)
            : ('executed' as const),
        block: log.blockNumber,
        transactionHash: log.transactionHash,
      },
    ]
  })
}
