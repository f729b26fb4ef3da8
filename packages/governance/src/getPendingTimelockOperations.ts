import {
  type ChainReadErrorType,
  type ToChecksummedAddressErrorType,
  toChecksummedAddress,
} from '@storydao/core'
import {
  type Address,
  type BlockNumber,
  type BlockTag,
  type Chain,
  type Client,
  type Hash,
  type Hex,
  type Transport,
  zeroHash,
} from 'viem'
import { getBlock, getLogs } from 'viem/actions'
import { getAction } from 'viem/utils'
import { hashTimelockOperation } from './hashTimelockOperation.js'
import { timelockEventsAbi } from './internal/abis.js'
import { readChain } from './internal/readChain.js'

/** Where an operation stands. `ready`: its delay has passed, it can be executed. */
export type TimelockOperationState = 'pending' | 'ready' | 'done' | 'cancelled'

/** Where an event was emitted. */
export type TimelockEventLocation = {
  /** Block number. */
  blockNumber: bigint
  /** Transaction hash. */
  transactionHash: Hash
}

/** One timelock operation, reconstructed from its events. */
export type TimelockOperation = {
  /** The operation id. */
  id: Hex
  /** Its state against the latest block. */
  state: TimelockOperationState
  /** The scheduled calls, in order (`to`, `value`, `data`). */
  calls: { to: Address; value: bigint; data: Hex }[]
  /** Scheduled with `scheduleBatch` (`true`) or `schedule` (`false`); pass it on to {@link buildTimelockExecute}. */
  batch: boolean
  /** The predecessor (`bytes32(0)` for none). */
  predecessor: Hex
  /** The salt (`bytes32(0)` when none was given; the timelock only logs non-zero salts). */
  salt: Hex
  /** The delay it was scheduled with, in seconds. */
  delay: bigint
  /** Unix time (seconds) from which it can be executed. */
  readyAt: bigint
  /** The scheduling transaction. */
  scheduled: TimelockEventLocation
  /** The execution transaction, once done. */
  executed?: TimelockEventLocation | undefined
  /** The cancelling transaction, once cancelled. */
  cancelled?: TimelockEventLocation | undefined
}

export type GetPendingTimelockOperationsParameters = {
  /** The TimelockController. */
  timelock: Address
  /** First block to scan (the timelock's deployment block is a good value). Default: `0n`. */
  fromBlock?: BlockNumber | BlockTag | undefined
  /** Last block to scan. Default: `'latest'`. */
  toBlock?: BlockNumber | BlockTag | undefined
  /** Keep only operations in these states. Default: all. */
  states?: readonly TimelockOperationState[] | undefined
}

export type GetPendingTimelockOperationsReturnType = TimelockOperation[]

export type GetPendingTimelockOperationsErrorType =
  | ChainReadErrorType
  | ToChecksummedAddressErrorType

type Instance = Omit<TimelockOperation, 'state' | 'batch' | 'readyAt'> & {
  calls: ({ to: Address; value: bigint; data: Hex } | undefined)[]
}

/**
 * Lists a TimelockController's operations with their calls, ready time and
 * state (`pending`, `ready`, `done`, `cancelled`), rebuilt from the
 * `CallScheduled`, `CallSalt`, `CallExecuted` and `Cancelled` events.
 *
 * One `eth_getLogs` for the range, then one `eth_getBlock` per block that
 * scheduled something (for the ready time) plus the latest block, all in
 * parallel. An id cancelled and scheduled again appears once per scheduling.
 * Operations scheduled before `fromBlock` are not seen.
 *
 * - Docs: packages/governance/README.md#getpendingtimelockoperations
 *
 * @example
 * ```ts
 * import { getPendingTimelockOperations } from '@storydao/governance'
 *
 * const operations = await getPendingTimelockOperations(client, {
 *   timelock: manifest.contracts.StoryTimelock.address,
 *   states: ['pending', 'ready'],
 * })
 * ```
 *
 * @param client - A viem client for the timelock's chain.
 * @param parameters - {@link GetPendingTimelockOperationsParameters}
 * @returns The operations, in scheduling order.
 */
export async function getPendingTimelockOperations<
  chain extends Chain | undefined,
>(
  client: Client<Transport, chain>,
  parameters: GetPendingTimelockOperationsParameters,
): Promise<GetPendingTimelockOperationsReturnType> {
  const timelock = toChecksummedAddress(parameters.timelock, {
    path: 'timelock',
  })
  const { fromBlock = 0n, toBlock = 'latest' } = parameters
  const [logs] = await readChain(
    `the events of the timelock ${timelock}`,
    () => [
      getAction(
        client,
        getLogs,
        'getLogs',
      )({
        address: timelock,
        events: timelockEventsAbi,
        fromBlock: fromBlock as BlockNumber,
        toBlock: toBlock as BlockNumber,
        strict: true,
      }),
    ],
  )

  const instances = new Map<Hex, Instance>()
  const ordered: Instance[] = []
  for (const log of logs) {
    const where = {
      blockNumber: log.blockNumber,
      transactionHash: log.transactionHash,
    }
    const args = log.args as Record<string, unknown>
    const id = args.id as Hex
    let instance = instances.get(id)
    if (log.eventName === 'CallScheduled') {
      if (!instance || instance.cancelled) {
        instance = {
          id,
          calls: [],
          predecessor: args.predecessor as Hex,
          salt: zeroHash,
          delay: args.delay as bigint,
          scheduled: where,
        }
        instances.set(id, instance)
        ordered.push(instance)
      }
      instance.calls[Number(args.index as bigint)] = {
        to: args.target as Address,
        value: args.value as bigint,
        data: args.data as Hex,
      }
    } else if (!instance) {
      // Scheduled before `fromBlock`: its calls are unknown.
    } else if (log.eventName === 'CallSalt') instance.salt = args.salt as Hex
    else if (log.eventName === 'CallExecuted') instance.executed ??= where
    else if (log.eventName === 'Cancelled') instance.cancelled = where
  }

  const blocks = [
    ...new Set(ordered.map((instance) => instance.scheduled.blockNumber)),
  ]
  const readBlock = getAction(client, getBlock, 'getBlock')
  const [latest, ...scheduledBlocks] = await readChain(
    'block timestamps',
    () =>
      [
        readBlock({ blockTag: 'latest' }),
        ...blocks.map((blockNumber) => readBlock({ blockNumber })),
      ] as const,
  )
  const timestamps = new Map(
    scheduledBlocks.map((block) => [block.number, block.timestamp]),
  )

  const operations = ordered.map((instance): TimelockOperation => {
    const calls = instance.calls.filter(
      (call): call is NonNullable<typeof call> => call !== undefined,
    )
    const readyAt =
      (timestamps.get(instance.scheduled.blockNumber) ?? 0n) + instance.delay
    const state: TimelockOperationState = instance.cancelled
      ? 'cancelled'
      : instance.executed
        ? 'done'
        : readyAt <= latest.timestamp
          ? 'ready'
          : 'pending'
    const batch =
      calls.length !== 1 ||
      hashTimelockOperation({
        calls,
        predecessor: instance.predecessor,
        salt: instance.salt,
        batch: false,
      }) !== instance.id
    return { ...instance, calls, state, batch, readyAt }
  })
  const { states } = parameters
  return states
    ? operations.filter((operation) => states.includes(operation.state))
    : operations
}
