import type { Registry } from 'prom-client'
import { secondsUntilReady } from '../playbooks/watch/diffWatchState.js'
import type {
  PollDeploymentReturnType,
  WatchEvent,
  WatchState,
} from '../playbooks/watch/pollDeployment.js'

/** @internal The gauges and counters `watch` serves at `/metrics`. */
export type WatchMetrics = {
  /** A private registry: nothing else in the process adds to it. */
  registry: Registry
  /** Sets every gauge from a poll's result and counts its implementation changes. */
  record(poll: PollDeploymentReturnType): void
  /** Counts a poll that failed (the gauges keep the last good values). */
  recordError(): void
}

/**
 * @internal Creates `watch`'s metrics. prom-client is imported here, on
 * first use, so that no other command loads it.
 */
export async function createWatchMetrics({
  network,
}: {
  network: string
}): Promise<WatchMetrics> {
  const prom = await import('prom-client')
  const registry = new prom.Registry()
  registry.setDefaultLabels({ network })
  const registers = [registry]
  const gauge = (name: string, help: string, labelNames: string[] = []) =>
    new prom.Gauge({ name, help, labelNames, registers })
  const unknown = gauge(
    'storydao_timelock_unknown_operations',
    'Pending or ready timelock operations that match no manifest upgrade and no queued Safe proposal (alert on > 0).',
  )
  const pending = gauge(
    'storydao_timelock_pending_operations',
    'Pending or ready (not executed, not cancelled) timelock operations.',
  )
  const untilReady = gauge(
    'storydao_timelock_operation_seconds_until_ready',
    'Seconds (chain time) until a pending timelock operation can be executed; 0 once ready.',
    ['id', 'known'],
  )
  const paused = gauge(
    'storydao_contract_paused',
    'paused() of a pausable manifest contract (1 paused, 0 not).',
    ['contract'],
  )
  const queued = gauge(
    'storydao_safe_queued_transactions',
    "Transactions waiting in a manifest Safe's queue on the Safe Transaction Service.",
    ['safe'],
  )
  const serviceUp = gauge(
    'storydao_safe_service_up',
    'Whether the last poll could read the Safe Transaction Service (1) or not (0).',
  )
  const lastPoll = gauge(
    'storydao_watch_last_poll_timestamp_seconds',
    'Unix time of the last successful poll (alert when it stops moving).',
  )
  const lastBlock = gauge(
    'storydao_watch_last_block',
    'The latest block the last successful poll read.',
  )
  const changes = new prom.Counter({
    name: 'storydao_proxy_implementation_changes_total',
    help: 'Implementation changes seen on a proxy or beacon since the watch started.',
    labelNames: ['contract'],
    registers,
  })
  const errors = new prom.Counter({
    name: 'storydao_watch_poll_errors_total',
    help: 'Polls that failed (RPC or manifest errors); the gauges keep their last values.',
    registers,
  })
  return {
    registry,
    record({ state, events, service }) {
      setOperations(state, { unknown, pending, untilReady })
      paused.reset()
      for (const [contract, value] of Object.entries(state.paused))
        paused.set({ contract }, value ? 1 : 0)
      queued.reset()
      for (const [safe, hashes] of Object.entries(state.queues ?? {}))
        queued.set({ safe }, hashes.length)
      serviceUp.set(service.up ? 1 : 0)
      for (const contract of Object.keys(state.implementations))
        changes.inc({ contract }, countChanges(events, contract))
      lastPoll.set(Date.now() / 1000)
      lastBlock.set(Number(state.block))
    },
    recordError: () => errors.inc(),
  }
}

function setOperations(
  state: WatchState,
  gauges: {
    unknown: { set(value: number): void }
    pending: { set(value: number): void }
    untilReady: {
      reset(): void
      set(labels: { id: string; known: string }, value: number): void
    }
  },
): void {
  gauges.unknown.set(
    state.operations.filter((operation) => !operation.known).length,
  )
  gauges.pending.set(state.operations.length)
  // Cancelled and executed operations drop out of the series.
  gauges.untilReady.reset()
  for (const operation of state.operations)
    gauges.untilReady.set(
      { id: operation.id, known: String(operation.known) },
      Number(secondsUntilReady(operation, state.timestamp)),
    )
}

function countChanges(events: readonly WatchEvent[], contract: string) {
  return events.filter(
    (event) =>
      event.type === 'implementation-changed' &&
      event.details.contract === contract,
  ).length
}
