import type { InvariantResult, InvariantViolation } from '../types.js'

/** @internal A failed result as a violation. */
export function toViolation(result: InvariantResult): InvariantViolation {
  return {
    invariant: result.id,
    name: result.name,
    description: result.description,
    expected: result.expected,
    actual: result.actual,
    message: result.message,
  }
}
