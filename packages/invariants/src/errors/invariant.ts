import { OpsError } from '@storydao/core'
import { formatValue } from '../internal/values.js'
import type { InvariantValue, InvariantViolation } from '../types.js'
import { version } from './version.js'

export type InvariantViolationErrorType = InvariantViolationError & {
  name: 'InvariantViolationError'
}

/**
 * One or more invariants do not hold. `invariant`, `expected` and `actual`
 * describe the first violation; `violations` lists them all.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#errors
 *
 * @example
 * ```ts
 * import { assertSafePlan, InvariantViolationError } from '@storydao/invariants'
 *
 * try {
 *   await assertSafePlan(fork, { plan, manifest, invariants })
 * } catch (error) {
 *   if (error instanceof InvariantViolationError)
 *     console.error(error.invariant, error.expected, error.actual)
 * }
 * ```
 */
export class InvariantViolationError extends OpsError {
  override name = 'InvariantViolationError'
  /** Id of the first violated invariant (`supplyWithinCap({ token: 0x… })`). */
  invariant: string
  /** What the first violated invariant requires. */
  expected: InvariantValue
  /** What it found. */
  actual: InvariantValue
  /** Every violation, in invariant order. */
  violations: readonly InvariantViolation[]

  constructor({
    violations,
    context,
  }: {
    violations: readonly [InvariantViolation, ...InvariantViolation[]]
    /** What was checked (e.g. `Safe transaction 0x…`), for the message. */
    context?: string | undefined
  }) {
    const [first] = violations
    super(
      violations.length === 1
        ? `Invariant ${first.name} violated${context ? ` by ${context}` : ''}: ${first.description}.`
        : `${violations.length} invariants violated${context ? ` by ${context}` : ''}.`,
      {
        code: 'INVARIANT_VIOLATED',
        version,
        docsPath: 'packages/invariants/README.md#errors',
        metaMessages: violations.flatMap((violation) => [
          `- ${violation.invariant}`,
          `  ${violation.message}`,
          `  expected: ${formatValue(violation.expected)}`,
          `  actual:   ${formatValue(violation.actual)}`,
        ]),
        hint: context
          ? 'Do not sign: the rehearsed transaction breaks a protocol invariant. Fix the batch (or the invariant set, if the change is intended) and re-run the check.'
          : 'The state read breaks a protocol invariant: investigate before going on.',
      },
    )
    this.invariant = first.invariant
    this.expected = first.expected
    this.actual = first.actual
    this.violations = violations
  }
}

export type MissingBaselineErrorType = MissingBaselineError & {
  name: 'MissingBaselineError'
}

/**
 * Invariants that compare with the state before a transaction
 * (`capUnchanged`, `balanceChangedBy`, …) were checked without a baseline.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#errors
 *
 * @example
 * ```ts
 * import { checkInvariants, MissingBaselineError, readInvariantState } from '@storydao/invariants'
 *
 * const before = await readInvariantState(client, { invariants })
 * // … send the transaction …
 * const { ok } = await checkInvariants(client, { invariants, before })
 * ```
 */
export class MissingBaselineError extends OpsError {
  override name = 'MissingBaselineError'
  /** Ids of the invariants that need a baseline. */
  invariants: readonly string[]

  constructor({ invariants }: { invariants: readonly string[] }) {
    super(
      `${invariants.length === 1 ? 'An invariant compares' : `${invariants.length} invariants compare`} with the state before, but no baseline was given.`,
      {
        code: 'INVARIANT_BASELINE_MISSING',
        version,
        docsPath: 'packages/invariants/README.md#errors',
        metaMessages: invariants.map((id) => `- ${id}`),
        hint: 'Pass `before: await readInvariantState(client, { invariants })` taken before the transaction, or use checkSafePlan, which reads it on the fork.',
      },
    )
    this.invariants = invariants
  }
}

export type InvalidStateReadErrorType = InvalidStateReadError & {
  name: 'InvalidStateReadError'
}

/**
 * A `customInvariant` declares a read whose function or arguments do not
 * encode with its ABI.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#errors
 *
 * @example
 * ```ts
 * import { customInvariant, InvalidStateReadError } from '@storydao/invariants'
 *
 * try {
 *   customInvariant({ name: 'x', read: { b: { type: 'call', address, abi, functionName: 'balanceOf', args: ['nope'] } }, check: () => true })
 * } catch (error) {
 *   if (error instanceof InvalidStateReadError) console.error(error.read)
 * }
 * ```
 */
export class InvalidStateReadError extends OpsError {
  override name = 'InvalidStateReadError'
  /** Key of the read in the invariant's `read`. */
  read: string

  constructor({
    invariant,
    read,
    cause,
  }: {
    invariant: string
    read: string
    cause: unknown
  }) {
    super(`Read "${read}" of invariant ${invariant} does not encode.`, {
      code: 'INVARIANT_READ_INVALID',
      version,
      docsPath: 'packages/invariants/README.md#errors',
      cause,
      hint: 'Check the function name and the arguments against the ABI given with the read.',
    })
    this.read = read
  }
}
