import type { DecodedCall } from '@storydao/governance'
import type { Address, Hex } from 'viem'
import type {
  QueuedSchedule,
  TimelockOperationOrigin,
} from './timelockOperationOrigin.js'

/** A pending or ready timelock operation that `watch` follows. */
export type WatchedOperation = {
  /** The operation id. */
  id: Hex
  /** `ready`: its delay has passed, anyone with the executor role can run it. */
  state: 'pending' | 'ready'
  /** It matches a manifest upgrade entry or a queued Safe proposal. */
  known: boolean
  /** What it matches, when known. */
  origin: TimelockOperationOrigin | undefined
  /** Unix time (seconds) from which it can be executed. */
  readyAt: bigint
  /** The block that scheduled it. */
  scheduledBlock: bigint
  /** The scheduled calls, in order. */
  calls: { to: Address; value: bigint; data: Hex }[]
  /** Its calls, decoded with the manifest's ABIs. */
  decoded: DecodedCall[]
}

/** What one poll saw; the next poll reports what changed since. */
export type WatchState = {
  /** The last block read (the next poll reads the timelock's logs after it). */
  block: bigint
  /** That block's timestamp (seconds). */
  timestamp: bigint
  /** Pending and ready timelock operations, in scheduling order. */
  operations: WatchedOperation[]
  /** `paused()` of every pausable manifest contract, by name. */
  paused: Record<string, boolean>
  /** The implementation in use of every proxy and beacon, by name. */
  implementations: Record<string, Address | undefined>
  /** The safeTxHashes queued on the Transaction Service, by manifest Safe name (`undefined` while the service is down). */
  queues: Record<string, Hex[]> | undefined
  /**
   * Every timelock schedule seen waiting in a Safe queue so far: once the
   * Safe executes it, it leaves the queue, and the operation it creates is
   * still the one that was reviewed.
   */
  expectedSchedules: QueuedSchedule[]
}

/** What a poll reports. */
export type WatchEventType =
  | 'operation-pending'
  | 'operation-scheduled'
  | 'operation-ready'
  | 'operation-marked'
  | 'operation-executed'
  | 'operation-cancelled'
  | 'safe-transaction-queued'
  | 'safe-transaction-dequeued'
  | 'safe-service-down'
  | 'safe-service-up'
  | 'contract-paused'
  | 'contract-unpaused'
  | 'implementation-changed'
  // Written by `storydao-ops watch` itself, after a poll flags an UNKNOWN operation.
  | 'cancel-prepared'
  | 'cancel-failed'

/** One change seen by a poll (one JSON line of `storydao-ops watch`). */
export type WatchEvent = {
  type: WatchEventType
  /** The block the change was seen at (the poll's latest block, or the log's block). */
  block: bigint
  /** The timelock operation id, for `operation-*` events. */
  operationId: Hex | undefined
  /** Whether the operation or the new implementation is accounted for by the manifest or a queued proposal; `undefined` when not applicable. */
  known: boolean | undefined
  /** The rest, by event type: contract, safe, safeTxHash, from/to, readyAt, origin, calls, error. */
  details: Record<string, unknown>
}
