import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import {
  type CheckSafePlanErrorType,
  type CheckSafePlanParameters,
  type CheckSafePlanReturnType,
  checkSafePlan,
} from './checkSafePlan.js'
import {
  InvariantViolationError,
  type InvariantViolationErrorType,
} from './errors/invariant.js'
import { version } from './errors/version.js'
import { assertFork } from './internal/assertFork.js'
import { toViolation } from './internal/toViolation.js'
import type { Fork } from './types/fork.js'
import type { InvariantViolation } from './types.js'

export type AssertSafePlanParameters = CheckSafePlanParameters

export type AssertSafePlanReturnType = CheckSafePlanReturnType

export type AssertSafePlanErrorType =
  | MissingParameterErrorType
  | CheckSafePlanErrorType
  | InvariantViolationErrorType

/**
 * {@link checkSafePlan} that throws {@link InvariantViolationError} when the
 * rehearsal fails: a reverted Safe transaction is reported as the violation
 * `safeTransactionSucceeds` (expected `success`, actual the revert reason),
 * followed by every failed invariant.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#checksafeplan
 *
 * @example
 * ```ts
 * import { assertSafePlan, getDefaultInvariants } from '@storydao/invariants'
 *
 * // Throws before anyone is asked to sign a transaction that breaks an invariant.
 * const report = await assertSafePlan(fork, {
 *   plan,
 *   manifest,
 *   invariants: getDefaultInvariants({ manifest, action: 'upgrade' }),
 * })
 * ```
 *
 * @param fork - The fork to rehearse on (`createFork`).
 * @param parameters - {@link CheckSafePlanParameters}
 * @returns The passing {@link Report}.
 * @throws {InvariantViolationError} When the transaction reverts or an invariant fails.
 */
export async function assertSafePlan(
  fork: Fork,
  parameters: AssertSafePlanParameters,
): Promise<AssertSafePlanReturnType> {
  // Checked here too, so the error names the function the caller called.
  assertFork('assertSafePlan', fork)
  assertParameters(
    'assertSafePlan',
    parameters,
    ['plan', 'manifest', 'invariants'],
    { version },
  )
  const report = await checkSafePlan(fork, parameters)
  const violations: InvariantViolation[] = []
  const { simulation } = report
  if (simulation.status !== 'success') {
    const at =
      simulation.revert?.callIndex === undefined
        ? ''
        : `call ${simulation.revert.callIndex} (${simulation.revert.call?.label ?? simulation.revert.call?.contract ?? simulation.revert.call?.to ?? '?'}) `
    const reason = simulation.revert?.reason ?? 'reverted'
    violations.push({
      invariant: 'safeTransactionSucceeds',
      name: 'safeTransactionSucceeds',
      description: 'The Safe transaction executes',
      expected: 'success',
      actual: reason,
      message: `The Safe transaction reverts: ${at}${reason}.`,
    })
  }
  for (const result of report.invariants)
    if (!result.ok) violations.push(toViolation(result))
  const [first, ...rest] = violations
  if (first)
    throw new InvariantViolationError({
      violations: [first, ...rest],
      context: `Safe transaction ${report.safeTxHash}`,
    })
  return report
}
