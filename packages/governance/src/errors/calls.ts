import { OpsError } from '@storydao/core'
import { version } from './version.js'

export type NoCallsErrorType = NoCallsError & { name: 'NoCallsError' }

/**
 * A timelock operation or governor proposal was built with no calls.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#errors
 *
 * @example
 * ```ts
 * import { buildTimelockSchedule, NoCallsError } from '@storydao/governance'
 *
 * try {
 *   buildTimelockSchedule({ timelock, calls: [], salt, delay: 3600n })
 * } catch (error) {
 *   if (error instanceof NoCallsError) console.error(error.hint)
 * }
 * ```
 */
export class NoCallsError extends OpsError {
  override name = 'NoCallsError'

  constructor({ what }: { what: string }) {
    super(`${what} needs at least one call.`, {
      code: 'CALLS_EMPTY',
      docsPath: 'packages/governance/README.md#errors',
      version,
      hint: 'Pass the calls the timelock or governor should make (`calls: [{ to, value, data }]`).',
    })
  }
}

export type InvalidCallErrorType = InvalidCallError & {
  name: 'InvalidCallError'
}

/**
 * A call of a timelock operation or governor proposal is malformed: its
 * `value` is not a bigint from `0n` to `2^256 - 1`, or its `data` is not
 * whole-byte hex. (A bad `to` is an `InvalidAddressError` from
 * `@storydao/core`, with the same kind of `path`.)
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#errors
 *
 * @example
 * ```ts
 * import { buildTimelockSchedule, InvalidCallError } from '@storydao/governance'
 *
 * try {
 *   buildTimelockSchedule({ timelock, calls: [{ to, data: '0x123' }], salt, delay: 3600n })
 * } catch (error) {
 *   if (error instanceof InvalidCallError) console.error(error.path) // 'calls[0].data'
 * }
 * ```
 */
export class InvalidCallError extends OpsError {
  override name = 'InvalidCallError'
  /** Where, as a JSON path (`calls[1].data`). */
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
    const field = (/(?:^|\.)(data|value)$/.exec(path)?.[1] ?? 'call') as
      | 'data'
      | 'value'
      | 'call'
    const where = path === field ? '' : ` at ${path}`
    super(`Invalid ${field}${where}: ${reason}.`, {
      code: 'CALL_INVALID',
      docsPath: 'packages/governance/README.md#errors',
      version,
      hint: {
        data: 'Pass calldata as "0x" followed by an even number of hex digits ("0x" for none), e.g. from viem’s `encodeFunctionData`.',
        value:
          'Pass wei as a bigint from 0n to 2^256 - 1, e.g. `0n` or `parseEther("1")` from viem.',
        call: 'Each call is `{ to, value?, data }`, as the builders (`buildPause`, `buildGrantRole`, …) return.',
      }[field],
    })
    this.path = path
    this.value = value
  }
}
