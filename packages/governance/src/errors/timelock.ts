import { OpsError } from '@storydao/core'
import type { Address, Hex } from 'viem'

export type TimelockDelayTooShortErrorType = TimelockDelayTooShortError & {
  name: 'TimelockDelayTooShortError'
}

/**
 * The delay asked for is below the timelock's `getMinDelay()`: `schedule`
 * would revert with `TimelockInsufficientDelay`.
 *
 * - Docs: packages/governance/README.md#errors
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
 * - Docs: packages/governance/README.md#errors
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
