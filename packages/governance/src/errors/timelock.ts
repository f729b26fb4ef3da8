import { OpsError } from '@storydao/core'
import type { Address, Hex } from 'viem'
import { version } from './version.js'

export type TimelockDelayTooShortErrorType = TimelockDelayTooShortError & {
  name: 'TimelockDelayTooShortError'
}

/**
 * The delay asked for is below the timelock's `getMinDelay()`: `schedule`
 * would revert with `TimelockInsufficientDelay`.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#errors
 *
 * @example
 * ```ts
 * import { prepareTimelockSchedule, TimelockDelayTooShortError } from '@storydao/governance'
 *
 * try {
 *   await prepareTimelockSchedule(client, { timelock, calls, salt, delay: 60n })
 * } catch (error) {
 *   if (error instanceof TimelockDelayTooShortError) console.error(error.minDelay)
 * }
 * ```
 */
export class TimelockDelayTooShortError extends OpsError {
  override name = 'TimelockDelayTooShortError'
  /** The delay asked for, in seconds. */
  delay: bigint
  /** The timelock's minimum delay, in seconds. */
  minDelay: bigint

  constructor({
    timelock,
    delay,
    minDelay,
  }: {
    timelock: Address
    delay: bigint
    minDelay: bigint
  }) {
    super(
      `Delay ${delay} s is below the timelock's minimum delay of ${minDelay} s.`,
      {
        code: 'TIMELOCK_DELAY_TOO_SHORT',
        docsPath: 'packages/governance/README.md#errors',
        version,
        metaMessages: [
          `Timelock:  ${timelock}`,
          `Delay:     ${delay} s`,
          `Min delay: ${minDelay} s`,
        ],
        hint: `Pass \`delay: ${minDelay}n\` (or more). The minimum delay can only be lowered by the timelock itself (\`updateDelay\` through a scheduled operation).`,
      },
    )
    this.delay = delay
    this.minDelay = minDelay
  }
}

export type TimelockOperationExistsErrorType = TimelockOperationExistsError & {
  name: 'TimelockOperationExistsError'
}

/**
 * An operation with the same id is already scheduled (or was executed):
 * `schedule` would revert with `TimelockUnexpectedOperationState`.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#errors
 *
 * @example
 * ```ts
 * import { prepareTimelockSchedule, TimelockOperationExistsError } from '@storydao/governance'
 *
 * try {
 *   await prepareTimelockSchedule(client, { timelock, calls, salt, delay: 3600n })
 * } catch (error) {
 *   if (error instanceof TimelockOperationExistsError) console.error(error.state)
 * }
 * ```
 */
export class TimelockOperationExistsError extends OpsError {
  override name = 'TimelockOperationExistsError'
  /** The operation id (`hashOperation` / `hashOperationBatch`). */
  operationId: Hex
  /** Its state on chain. */
  state: 'pending' | 'ready' | 'done'

  constructor({
    timelock,
    operationId,
    state,
  }: {
    timelock: Address
    operationId: Hex
    state: 'pending' | 'ready' | 'done'
  }) {
    super(`Timelock operation ${operationId} already exists (${state}).`, {
      code: 'TIMELOCK_OPERATION_EXISTS',
      docsPath: 'packages/governance/README.md#errors',
      version,
      metaMessages: [
        `Timelock:  ${timelock}`,
        `Operation: ${operationId}`,
        `State:     ${state}`,
      ],
      hint:
        state === 'done'
          ? 'This exact operation was already executed. To run the same calls again, schedule them with a new `salt`.'
          : 'This exact operation is already queued: execute it once ready, cancel it first, or use a new `salt` to schedule a separate copy.',
    })
    this.operationId = operationId
    this.state = state
  }
}

export type InvalidDelayErrorType = InvalidDelayError & {
  name: 'InvalidDelayError'
}

/**
 * A timelock delay is not a bigint from `0n` to `2^256 - 1` seconds.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#errors
 *
 * @example
 * ```ts
 * import { buildTimelockSchedule, InvalidDelayError } from '@storydao/governance'
 *
 * try {
 *   buildTimelockSchedule({ timelock, calls, salt, delay: -1n })
 * } catch (error) {
 *   if (error instanceof InvalidDelayError) console.error(error.path)
 * }
 * ```
 */
export class InvalidDelayError extends OpsError {
  override name = 'InvalidDelayError'
  /** Which parameter (`delay`). */
  path: string
  /** The rejected value. */
  value: unknown

  constructor({
    path,
    value,
    reason,
  }: {
    path: string
    value: unknown
    /** Why, e.g. `-1 is negative`. */
    reason: string
  }) {
    super(`Invalid ${path}: ${reason}.`, {
      code: 'TIMELOCK_DELAY_INVALID',
      docsPath: 'packages/governance/README.md#errors',
      version,
      hint: 'Pass the delay in seconds as a bigint, at least the timelock’s `getMinDelay()` (e.g. `3600n`); `prepareTimelockSchedule` reads and checks the minimum.',
    })
    this.path = path
    this.value = value
  }
}

export type InvalidBlockRangeErrorType = InvalidBlockRangeError & {
  name: 'InvalidBlockRangeError'
}

/**
 * A block range parameter of an event scan is invalid: `blockRange` below
 * `1n`, or a negative `fromBlock` / `toBlock`.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#errors
 *
 * @example
 * ```ts
 * import { getPendingTimelockOperations, InvalidBlockRangeError } from '@storydao/governance'
 *
 * try {
 *   await getPendingTimelockOperations(client, { timelock, blockRange: 0n })
 * } catch (error) {
 *   if (error instanceof InvalidBlockRangeError) console.error(error.path)
 * }
 * ```
 */
export class InvalidBlockRangeError extends OpsError {
  override name = 'InvalidBlockRangeError'
  /** Which parameter (`blockRange`, `fromBlock`, `toBlock`). */
  path: string
  /** The rejected value. */
  value: unknown

  constructor({
    path,
    value,
    reason,
  }: {
    path: string
    value: unknown
    reason: string
  }) {
    super(`Invalid ${path} ${String(value)}: ${reason}.`, {
      code: 'BLOCK_RANGE_INVALID',
      docsPath: 'packages/governance/README.md#errors',
      version,
      hint: 'Pass block numbers as bigints ≥ 0n (or a block tag) and `blockRange` as a bigint ≥ 1n (e.g. `2_000n` for RPCs that cap eth_getLogs at 2 000 blocks).',
    })
    this.path = path
    this.value = value
  }
}
