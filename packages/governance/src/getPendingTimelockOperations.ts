import {
  assertParameters,
  ChainReadError,
  type ChainReadErrorType,
  type MissingParameterErrorType,
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
import {
  InvalidBlockRangeError,
  type InvalidBlockRangeErrorType,
} from './errors/timelock.js'
import { version } from './errors/version.js'
import { hashTimelockOperation } from './hashTimelockOperation.js'
import { timelockEventsAbi } from './internal/abis.js'
import { getLogsPaginated } from './internal/getLogsPaginated.js'
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
  /**
   * First block to scan. Pass the timelock's deployment block from the
   * manifest, `BigInt(manifest.contracts.StoryTimelock.deployment.block)`:
   * nothing is scheduled before it, and from `0n` a long chain costs one
   * request per `blockRange` blocks of history. Operations scheduled before
   * `fromBlock` are not seen. Default: `0n`.
   */
  fromBlock?: BlockNumber | BlockTag | undefined
  /** Last block to scan (included). Default: `'latest'`. */
  toBlock?: BlockNumber | BlockTag | undefined
  /**
   * Blocks per `eth_getLogs` request. Hosted RPCs cap the range of one
   * request (often 10 000 blocks or fewer): a request rejected for its range
   * or result size is retried in halves, and later requests use the smaller
   * range. Default: `50_000n`.
   */
  blockRange?: bigint | undefined
  /** Keep only operations in these states. Default: all. */
  states?: readonly TimelockOperationState[] | undefined
}

export type GetPendingTimelockOperationsReturnType = TimelockOperation[]

export type GetPendingTimelockOperationsErrorType =
  | MissingParameterErrorType
  | ChainReadErrorType
  | InvalidBlockRangeErrorType
  | ToChecksummedAddressErrorType

type Instance = Omit<TimelockOperation, 'state' | 'batch' | 'readyAt'> & {
  calls: ({ to: Address; value: bigint; data: Hex } | undefined)[]
}

/**
 * Lists a TimelockController's operations with their calls, ready time and
 * state (`pending`, `ready`, `done`, `cancelled`), rebuilt from the
 * `CallScheduled`, `CallSalt`, `CallExecuted` and `Cancelled` events.
 *
 * Reads the latest block, then the events with one `eth_getLogs` per
 * `blockRange` blocks (a few requests at a time; a range the RPC rejects as
 * too large is split in halves), then one `eth_getBlock` per block that
 * scheduled something (for the ready time), in parallel. An id cancelled and
 * scheduled again appears once per scheduling. Operations scheduled before
 * `fromBlock` are not seen: pass the timelock's deployment block.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#getpendingtimelockoperations
 *
 * @example
 * ```ts
 * import { getPendingTimelockOperations } from '@storydao/governance'
 *
 * const timelock = manifest.contracts.StoryTimelock
 * const operations = await getPendingTimelockOperations(client, {
 *   timelock: timelock.address,
 *   fromBlock: BigInt(timelock.deployment?.block ?? 0),
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
  assertParameters('getPendingTimelockOperations', { client }, ['client'], {
    version,
  })
  assertParameters('getPendingTimelockOperations', parameters, ['timelock'], {
    version,
  })
  const timelock = toChecksummedAddress({
    address: parameters.timelock,
    path: 'timelock',
  })
  const { fromBlock = 0n, toBlock = 'latest' } = parameters
  const blockRange = parameters.blockRange ?? 50_000n
  if (typeof blockRange !== 'bigint' || blockRange < 1n)
    throw new InvalidBlockRangeError({
      path: 'blockRange',
      value: blockRange,
      reason: 'expected a bigint of at least 1n',
    })
  for (const [path, value] of [
    ['fromBlock', fromBlock],
    ['toBlock', toBlock],
  ] as const)
    if (typeof value === 'bigint' && value < 0n)
      throw new InvalidBlockRangeError({
        path,
        value,
        reason: 'a block number cannot be negative',
      })

  const readBlock = getAction(client, getBlock, 'getBlock')
  // First, so that the block range and the states describe the same chain.
  const [latest] = await readChain(
    'the latest block',
    () => [readBlock({ blockTag: 'latest' })] as const,
  )
  const toNumber = async (block: BlockNumber | BlockTag): Promise<bigint> => {
    if (typeof block === 'bigint') return block
    if (block === 'earliest') return 0n
    if (block === 'latest') return latest.number
    const [found] = await readChain(
      `the ${block} block`,
      () => [readBlock({ blockTag: block })] as const,
    )
    // A pending block has no number yet.
    return found.number ?? latest.number
  }
  const [first, last] = await Promise.all([
    toNumber(fromBlock),
    toNumber(toBlock),
  ])
  const logs = await getLogsPaginated({
    fromBlock: first,
    toBlock: last,
    blockRange,
    getLogs: (range) =>
      getAction(
        client,
        getLogs,
        'getLogs',
      )({
        address: timelock,
        events: timelockEventsAbi,
        fromBlock: range.fromBlock,
        toBlock: range.toBlock,
        strict: true,
      }),
  }).catch((error: unknown) => {
    throw new ChainReadError({
      what: `the events of the timelock ${timelock}`,
      cause: error,
    })
  })

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
  const scheduledBlocks = await readChain('block timestamps', () =>
    blocks.map((blockNumber) => readBlock({ blockNumber })),
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
