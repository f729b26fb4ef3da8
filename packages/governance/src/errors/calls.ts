import { OpsError } from '@storydao/core'

export type NoCallsErrorType = NoCallsError & { name: 'NoCallsError' }

/**
 * A timelock operation or governor proposal was built with no calls.
 *
 * - Docs: packages/governance/README.md#errors
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
      hint: 'Pass the calls the timelock or governor should make (`calls: [{ to, value, data }]`).',
    })
  }
}
