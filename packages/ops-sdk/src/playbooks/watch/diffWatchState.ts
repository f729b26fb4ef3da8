import type { Manifest } from '@storydao/core'
import { type Address, type Hex, isAddressEqual } from 'viem'
import type {
  WatchEvent,
  WatchedOperation,
  WatchState,
} from '../../types/watch.js'
import { describeCall } from '../internal/describeCall.js'
import type { SafeQueues } from './readSafeQueues.js'
import type { ClosedOperation } from './readTimelockChanges.js'

/**
 * @internal The events between two polls' states, in the order an operator
 * reads them: timelock, Safe queues, paused flags, implementations. The
 * first poll (no previous state) reports the pending operations and a
 * service that is down; everything else is its baseline.
 */
export function diffWatchState({
  manifest,
  previous,
  next,
  closed,
  safe,
}: {
  manifest: Manifest
  previous: WatchState | undefined
  next: WatchState
  closed: readonly (ClosedOperation & { known: boolean | undefined })[]
  safe: SafeQueues
}): WatchEvent[] {
  return [
    ...operationEvents(manifest, previous, next),
    ...closed.map(
      (operation): WatchEvent => ({
        type: `operation-${operation.how}`,
        block: operation.block,
        operationId: operation.id,
        known: operation.known,
        details: { transactionHash: operation.transactionHash },
      }),
    ),
    ...queueEvents(previous, next, safe),
    ...changes(previous?.paused, next.paused).map(
      ({ name, to }): WatchEvent => ({
        type: to ? 'contract-paused' : 'contract-unpaused',
        block: next.block,
        operationId: undefined,
        known: undefined,
        details: { contract: name, address: manifest.contracts[name]?.address },
      }),
    ),
    ...changes(previous?.implementations, next.implementations).map(
      ({ name, from, to }): WatchEvent => ({
        type: 'implementation-changed',
        block: next.block,
        operationId: undefined,
        known: isExpectedImplementation(manifest, name, to),
        details: { contract: name, from: from ?? null, to: to ?? null },
      }),
    ),
  ]
}

function operationEvents(
  manifest: Manifest,
  previous: WatchState | undefined,
  next: WatchState,
): WatchEvent[] {
  return next.operations.flatMap((operation): WatchEvent[] => {
    const before = previous?.operations.find((seen) => seen.id === operation.id)
    const event = (type: WatchEvent['type'], block: bigint): WatchEvent => ({
      type,
      block,
      operationId: operation.id,
      known: operation.known,
      details: describeOperation(manifest, operation, next.timestamp),
    })
    if (!previous) return [event('operation-pending', operation.scheduledBlock)]
    if (!before) return [event('operation-scheduled', operation.scheduledBlock)]
    return [
      ...(before.state === 'pending' && operation.state === 'ready'
        ? [event('operation-ready', next.block)]
        : []),
      ...(before.known !== operation.known
        ? [event('operation-marked', next.block)]
        : []),
    ]
  })
}

/** @internal What an operation event line says about the operation. */
export function describeOperation(
  manifest: Manifest,
  operation: WatchedOperation,
  now: bigint,
): Record<string, unknown> {
  return {
    state: operation.state,
    readyAt: operation.readyAt,
    secondsUntilReady: secondsUntilReady(operation, now),
    origin: operation.origin ?? null,
    calls: operation.calls.map((call) => describeCall(manifest, call).text),
  }
}

/** @internal Seconds until the operation can be executed, from the chain's clock; 0 once ready. */
export function secondsUntilReady(
  operation: Pick<WatchedOperation, 'readyAt'>,
  now: bigint,
): bigint {
  return operation.readyAt > now ? operation.readyAt - now : 0n
}

function queueEvents(
  previous: WatchState | undefined,
  next: WatchState,
  safe: SafeQueues,
): WatchEvent[] {
  const event = (
    type: WatchEvent['type'],
    details: Record<string, unknown>,
  ): WatchEvent => ({
    type,
    block: next.block,
    operationId: undefined,
    known: undefined,
    details,
  })
  if (!safe.up)
    return !previous || previous.queues
      ? [event('safe-service-down', { error: safe.error })]
      : []
  if (!previous) return []
  if (!previous.queues) return [event('safe-service-up', {})]
  const before = previous.queues
  return Object.entries(next.queues ?? {}).flatMap(([name, hashes]) => [
    ...hashes
      .filter((hash) => !before[name]?.includes(hash))
      .map((safeTxHash) =>
        event('safe-transaction-queued', { safe: name, safeTxHash }),
      ),
    ...(before[name] ?? [])
      .filter((hash) => !hashes.includes(hash))
      .map((safeTxHash) =>
        event('safe-transaction-dequeued', { safe: name, safeTxHash }),
      ),
  ])
}

function changes<value>(
  before: Record<string, value> | undefined,
  after: Record<string, value>,
): { name: string; from: value | undefined; to: value }[] {
  if (!before) return []
  return Object.entries(after).flatMap(([name, to]) =>
    name in before && before[name] !== to
      ? [{ name, from: before[name], to }]
      : [],
  )
}

/**
 * The manifest records it, or an upgrades[] entry moves the contract (or,
 * for a beacon proxy, its beacon) to it.
 */
function isExpectedImplementation(
  manifest: Manifest,
  name: string,
  implementation: Address | undefined,
): boolean {
  if (!implementation) return false
  const entry = manifest.contracts[name]
  const recorded =
    entry && 'implementation' in entry
      ? (entry.implementation as Hex | undefined)
      : undefined
  if (recorded && isAddressEqual(recorded, implementation)) return true
  const beacon =
    entry && 'beacon' in entry
      ? (entry.beacon as Address | undefined)
      : undefined
  const targets = new Set([
    name,
    ...Object.entries(manifest.contracts)
      .filter(([, other]) => beacon && isAddressEqual(other.address, beacon))
      .map(([other]) => other),
  ])
  return (manifest.upgrades ?? []).some(
    (upgrade) =>
      targets.has(upgrade.target) &&
      isAddressEqual(upgrade.toImplementation, implementation),
  )
}
