import { type ChainReadErrorType, storyDaoAbis } from '@storydao/core'
import {
  type DecodedCall,
  decodeCall,
  getPendingTimelockOperations,
  type TimelockOperation,
  type TimelockOperationState,
} from '@storydao/governance'
import {
  getQueuedSafePlans,
  type SafeServiceErrorType,
  type SafeServiceTimeoutErrorType,
  type SafeServiceUnreachableErrorType,
} from '@storydao/safe'
import type { Address } from 'viem'
import type { TimelockNotInManifestErrorType } from '../../errors/timelock.js'
import type {
  QueuedSchedule,
  TimelockOperationOrigin,
} from '../../types/timelockOperationOrigin.js'
import type { OpsContext } from '../createOpsContext.js'
import { timelockOf } from '../internal/timelockOf.js'
import {
  originOf,
  toQueuedSchedules,
} from '../internal/timelockOperationOrigin.js'

export type { TimelockOperationOrigin } from '../../types/timelockOperationOrigin.js'

export type ListTimelockOperationsParameters = {
  /** Keep only operations in these states. Default: all four. */
  states?: readonly TimelockOperationState[] | undefined
}

/** One timelock operation, decoded and marked known or UNKNOWN. */
export type ListedTimelockOperation = TimelockOperation & {
  /** Its calls, decoded with the manifest's ABIs. */
  decoded: DecodedCall[]
  /** It matches a manifest upgrade entry or a queued Safe proposal. */
  known: boolean
  /** What it matches, when known. */
  origin: TimelockOperationOrigin | undefined
}

export type ListTimelockOperationsReturnType = {
  /** The manifest's timelock. */
  timelock: { name: string; address: Address }
  /** First block scanned (the timelock's deployment block when recorded). */
  fromBlock: bigint
  /** Operations in scheduling order. */
  operations: ListedTimelockOperation[]
}

export type ListTimelockOperationsErrorType =
  | TimelockNotInManifestErrorType
  | ChainReadErrorType
  | SafeServiceErrorType
  | SafeServiceTimeoutErrorType
  | SafeServiceUnreachableErrorType

/**
 * The incident playbook's first look: every operation of the manifest's
 * timelock (pending, ready, done, cancelled), its calls decoded, each marked
 * known when it matches a manifest `upgrades[]` entry (operation id or
 * calldata) or a schedule waiting in a manifest Safe's queue on the
 * Transaction Service, else UNKNOWN: a pending UNKNOWN operation is what
 * `cancelTimelockOperations` is for.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/incident-response.md#2-look-timelock-list
 *
 * @example
 * ```ts
 * import { createOpsContext, listTimelockOperations } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'mainnet' })
 * const { operations } = await listTimelockOperations(context, { states: ['pending', 'ready'] })
 * const rogue = operations.filter((operation) => !operation.known)
 * ```
 */
export async function listTimelockOperations(
  context: OpsContext,
  parameters: ListTimelockOperationsParameters = {},
): Promise<ListTimelockOperationsReturnType> {
  const timelock = timelockOf(context.manifest)
  const [operations, queuedSchedules] = await Promise.all([
    getPendingTimelockOperations(context.client, {
      timelock: timelock.address,
      fromBlock: timelock.fromBlock,
      ...(parameters.states ? { states: parameters.states } : {}),
    }),
    readQueuedSchedules(context, timelock.address),
  ])
  return {
    timelock: { name: timelock.name, address: timelock.address },
    fromBlock: timelock.fromBlock,
    operations: operations.map((operation) => {
      const origin = originOf({
        manifest: context.manifest,
        operation,
        queuedSchedules,
      })
      return {
        ...operation,
        decoded: operation.calls.map((call) =>
          decodeCall({ call, abis: storyDaoAbis }),
        ),
        known: origin !== undefined,
        origin,
      }
    }),
  }
}

/**
 * The manifest Safes' queues on the Transaction Service, read in parallel:
 * a schedule waiting there was reviewed as that proposal.
 */
async function readQueuedSchedules(
  context: OpsContext,
  timelock: Address,
): Promise<QueuedSchedule[]> {
  const safes = Object.entries(context.manifest.safes).flatMap(
    ([name, safe]) => (safe ? [{ name, address: safe.address }] : []),
  )
  const queues = await Promise.all(
    safes.map(async (safe) => ({
      safe: safe.name,
      plans: await getQueuedSafePlans(context.service, { safe: safe.address }),
    })),
  )
  return toQueuedSchedules({ timelock, queues })
}
