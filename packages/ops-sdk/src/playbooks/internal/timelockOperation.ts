import { ChainReadError, isHexEqual, storyTimelockAbi } from '@storydao/core'
import {
  getPendingTimelockOperations,
  type TimelockOperation,
} from '@storydao/governance'
import type { Hex } from 'viem'
import { getBlock, readContract } from 'viem/actions'
import type { OpsContext } from '../createOpsContext.js'
import { timelockOf } from './timelockOf.js'

/**
 * @internal Every operation of the manifest's timelock (from its events) and
 * the latest block's time, which says how long a pending one still waits.
 */
export async function readTimelockOperations(context: OpsContext): Promise<{
  timelock: ReturnType<typeof timelockOf>
  operations: TimelockOperation[]
  now: bigint
}> {
  const timelock = timelockOf(context.manifest)
  const [operations, block] = await Promise.all([
    getPendingTimelockOperations(context.client, {
      timelock: timelock.address,
      fromBlock: timelock.fromBlock,
    }),
    getBlock(context.client),
  ])
  return { timelock, operations, now: block.timestamp }
}

/** @internal The newest scheduling of an operation id (an id can be rescheduled after a cancel). */
export function findOperation(
  operations: readonly TimelockOperation[],
  id: Hex,
): TimelockOperation | undefined {
  return operations.findLast((operation) => isHexEqual(operation.id, id))
}

/** @internal "2026-12-05T14:00:00Z (in 59 min 10 s)": when a pending operation becomes executable. */
export function describeReadyAt({
  readyAt,
  now,
}: {
  readyAt: bigint
  now: bigint
}): string {
  const iso = new Date(Number(readyAt) * 1000)
    .toISOString()
    .replace('.000Z', 'Z')
  return readyAt > now
    ? `${iso} (in ${describeDuration(readyAt - now)})`
    : `${iso} (now)`
}

/** @internal A duration in seconds as "1 h 2 min 3 s". */
export function describeDuration(seconds: bigint): string {
  const hours = seconds / 3600n
  const minutes = (seconds % 3600n) / 60n
  const rest = seconds % 60n
  const parts = [
    ...(hours > 0n ? [`${hours} h`] : []),
    ...(minutes > 0n ? [`${minutes} min`] : []),
    ...(rest > 0n || (hours === 0n && minutes === 0n) ? [`${rest} s`] : []),
  ]
  return parts.join(' ')
}

/** @internal The timelock's `getMinDelay()`, the default delay of what the ops Safe schedules. */
export async function readMinDelay(
  context: OpsContext,
  timelock: { name: string; address: Hex },
): Promise<bigint> {
  return readContract(context.client, {
    address: timelock.address,
    abi: storyTimelockAbi,
    functionName: 'getMinDelay',
  }).catch((cause: unknown) => {
    throw new ChainReadError({
      what: `getMinDelay() of ${timelock.name} ${timelock.address}`,
      cause,
    })
  })
}
