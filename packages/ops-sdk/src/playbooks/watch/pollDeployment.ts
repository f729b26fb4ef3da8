import {
  assertParameters,
  ChainReadError,
  type ChainReadErrorType,
  isHexEqual,
  type LoadManifestErrorType,
  loadManifest,
  type Manifest,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { TimelockOperation } from '@storydao/governance'
import type { Hex } from 'viem'
import { getBlock } from 'viem/actions'
import type { TimelockNotInManifestErrorType } from '../../errors/timelock.js'
import { version } from '../../errors/version.js'
import type { QueuedSchedule } from '../../types/timelockOperationOrigin.js'
import type {
  WatchEvent,
  WatchedOperation,
  WatchState,
} from '../../types/watch.js'
import type { OpsContext } from '../createOpsContext.js'
import { describeCall } from '../internal/describeCall.js'
import { timelockOf } from '../internal/timelockOf.js'
import {
  originOf,
  toQueuedSchedules,
} from '../internal/timelockOperationOrigin.js'
import { diffWatchState } from './diffWatchState.js'
import { readContractsState } from './readContractsState.js'
import { readSafeQueues, type SafeQueues } from './readSafeQueues.js'
import {
  type ClosedOperation,
  readTimelockChanges,
} from './readTimelockChanges.js'

export type { QueuedSchedule } from '../../types/timelockOperationOrigin.js'
export type {
  WatchEvent,
  WatchEventType,
  WatchedOperation,
  WatchState,
} from '../../types/watch.js'

export type PollDeploymentParameters = {
  /** What the previous poll returned; omit it for the first poll. */
  state?: WatchState | undefined
}

export type PollDeploymentReturnType = {
  /** What changed since `state`, oldest first. */
  events: WatchEvent[]
  /** Pass it to the next poll. */
  state: WatchState
  /** The Safe Transaction Service: `up`, or the error that made it look down. */
  service:
    | { up: true }
    | { up: false; error: { code: string; message: string } }
}

export type PollDeploymentErrorType =
  | MissingParameterErrorType
  | ChainReadErrorType
  | LoadManifestErrorType
  | TimelockNotInManifestErrorType

/**
 * One look at a deployment for `storydao-ops watch`: the timelock's
 * operations since the previous poll (the first poll reads the pending set),
 * each marked known (a manifest upgrade entry or a schedule seen in a Safe
 * queue) or UNKNOWN, the manifest Safes' queues on the Transaction Service
 * (a service that is down is reported, not thrown), `paused()` of every
 * pausable contract and the implementation behind every proxy and beacon.
 * The manifest is read again from disk on every poll, so an upgrade that
 * `upgrade propose` records while the watch runs is known.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/incident-response.md#detection-watch
 *
 * @example
 * ```ts
 * import { createOpsContext, pollDeployment } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'mainnet' })
 * let { state, events } = await pollDeployment(context, {})
 * // later:
 * ;({ state, events } = await pollDeployment(context, { state }))
 * const rogue = state.operations.filter((operation) => !operation.known)
 * ```
 *
 * @param context - {@link OpsContext} (`createOpsContext`).
 * @param parameters - {@link PollDeploymentParameters}
 * @returns The events since `state`, the new state and the service's health.
 */
export async function pollDeployment(
  context: OpsContext,
  parameters: PollDeploymentParameters = {},
): Promise<PollDeploymentReturnType> {
  assertParameters('pollDeployment', { context }, ['context'], { version })
  const previous = parameters.state
  const head = await getBlock(context.client, { blockTag: 'latest' }).catch(
    (cause: unknown) => {
      throw new ChainReadError({ what: 'the latest block', cause })
    },
  )
  const manifest = await loadManifest(context.manifestPath)
  const timelock = timelockOf(manifest)
  const [timelockChanges, safe, contracts] = await Promise.all([
    readTimelockChanges(context, { timelock, previous, head: head.number }),
    readSafeQueues(context, manifest),
    readContractsState(context, manifest),
  ])
  const expectedSchedules = mergeSchedules(
    previous?.expectedSchedules ?? [],
    safe.up
      ? toQueuedSchedules({ timelock: timelock.address, queues: safe.queues })
      : [],
  )
  const operations = nextOperations({
    manifest,
    previous: previous?.operations ?? [],
    ...timelockChanges,
    expectedSchedules,
    now: head.timestamp,
  })
  const state: WatchState = {
    block: head.number,
    timestamp: head.timestamp,
    operations,
    ...contracts,
    queues: toQueueHashes(safe),
    expectedSchedules,
  }
  const closed = timelockChanges.closed.map((operation) => ({
    ...operation,
    known: knownOf(operation.id, previous?.operations ?? [], operations),
  }))
  return {
    events: diffWatchState({ manifest, previous, next: state, closed, safe }),
    state,
    service: safe.up ? { up: true } : { up: false, error: safe.error },
  }
}

/**
 * The pending and ready operations after this poll: the previous ones not
 * closed since, then the newly scheduled ones still open. Known stays known
 * (its Safe proposal leaves the queue once executed); an UNKNOWN one is
 * matched again, as the manifest may have been updated.
 */
function nextOperations({
  manifest,
  previous,
  scheduled,
  closed,
  expectedSchedules,
  now,
}: {
  manifest: Manifest
  previous: readonly WatchedOperation[]
  scheduled: readonly TimelockOperation[]
  closed: readonly ClosedOperation[]
  expectedSchedules: readonly QueuedSchedule[]
  now: bigint
}): WatchedOperation[] {
  const isClosed = (id: Hex) =>
    closed.some((operation) => isHexEqual(operation.id, id))
  const fresh = scheduled
    .filter(
      (operation) =>
        operation.state === 'pending' || operation.state === 'ready',
    )
    .filter(
      (operation) =>
        !previous.some((seen) => isHexEqual(seen.id, operation.id)),
    )
    .map((operation) => ({
      id: operation.id,
      readyAt: operation.readyAt,
      scheduledBlock: operation.scheduled.blockNumber,
      calls: operation.calls,
      decoded: operation.calls.map(
        (call) => describeCall(manifest, call).decoded,
      ),
      known: false,
      origin: undefined,
      state: 'pending' as const,
    }))
  return [...previous, ...fresh]
    .filter((operation) => !isClosed(operation.id))
    .map((operation) => {
      const origin =
        operation.origin ??
        originOf({ manifest, operation, queuedSchedules: expectedSchedules })
      return {
        ...operation,
        origin,
        known: origin !== undefined,
        state: operation.readyAt <= now ? 'ready' : 'pending',
      }
    })
}

function knownOf(
  id: Hex,
  ...lists: (readonly WatchedOperation[])[]
): boolean | undefined {
  for (const list of lists) {
    const found = list.find((operation) => isHexEqual(operation.id, id))
    if (found) return found.known
  }
  return undefined
}

function mergeSchedules(
  seen: readonly QueuedSchedule[],
  current: readonly QueuedSchedule[],
): QueuedSchedule[] {
  return [
    ...seen,
    ...current.filter(
      (schedule) => !seen.some((other) => isHexEqual(other.id, schedule.id)),
    ),
  ]
}

function toQueueHashes(safe: SafeQueues): WatchState['queues'] {
  if (!safe.up) return undefined
  return Object.fromEntries(
    safe.queues.map(({ safe: name, plans }) => [
      name,
      plans.map((plan) => plan.safeTxHash),
    ]),
  )
}
