import type { ChainReadErrorType } from '@storydao/core'
import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { Chain, Client, Transport } from 'viem'
import {
  MissingBaselineError,
  type MissingBaselineErrorType,
} from './errors/invariant.js'
import { version } from './errors/version.js'
import { evaluateInvariants } from './internal/evaluateInvariants.js'
import { toViolation } from './internal/toViolation.js'
import { readInvariantState } from './readInvariantState.js'
import type {
  DecodedLog,
  Invariant,
  InvariantResult,
  InvariantState,
  InvariantViolation,
} from './types.js'

export type CheckInvariantsParameters = {
  /** The invariants to check. */
  invariants: readonly Invariant[]
  /** State read before the transaction ({@link readInvariantState}); required by relative invariants. */
  before?: InvariantState | undefined
  /** Block to read the current state at; the latest when omitted. */
  blockNumber?: bigint | undefined
  /** The transaction's logs, for log-based invariants (`noUnexpectedRoleChanges`). */
  logs?: readonly DecodedLog[] | undefined
}

export type CheckInvariantsReturnType = {
  /** `true` when every invariant holds. */
  ok: boolean
  /** Every invariant's result, in the order given. */
  results: InvariantResult[]
  /** The failed ones. */
  violations: InvariantViolation[]
  /** The state read (usable as a later baseline). */
  state: InvariantState
}

export type CheckInvariantsErrorType =
  | MissingParameterErrorType
  | ChainReadErrorType
  | MissingBaselineErrorType

/**
 * Checks invariants against a chain's current state (one batched read), e.g.
 * post-upgrade validation on the live network. Relative invariants compare
 * with `before`.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#checkinvariants
 *
 * @example
 * ```ts
 * import { checkInvariants, isNotPaused, supplyWithinCap } from '@storydao/invariants'
 *
 * const { ok, violations } = await checkInvariants(client, {
 *   invariants: [supplyWithinCap({ token }), isNotPaused({ contract: token })],
 * })
 * if (!ok) console.error(violations)
 * ```
 *
 * @param client - A viem client for the chain (or fork).
 * @param parameters - {@link CheckInvariantsParameters}
 * @returns `{ ok, results, violations, state }`.
 * @throws {MissingBaselineError} When a relative invariant has no `before`.
 * @throws {ChainReadError} When the RPC cannot be reached.
 */
export async function checkInvariants(
  client: Client<Transport, Chain | undefined>,
  parameters: CheckInvariantsParameters,
): Promise<CheckInvariantsReturnType> {
  assertParameters('checkInvariants', { client }, ['client'], { version })
  assertParameters('checkInvariants', parameters, ['invariants'], { version })
  const { invariants, before, blockNumber, logs = [] } = parameters
  if (!before) {
    const relative = invariants.filter((invariant) => invariant.needsBefore)
    if (relative.length > 0)
      throw new MissingBaselineError({
        invariants: relative.map((invariant) => invariant.id),
      })
  }
  const state = await readInvariantState(client, { invariants, blockNumber })
  const results = evaluateInvariants({
    invariants,
    before: before?.values,
    after: state.values,
    logs,
  })
  const violations = results.filter((result) => !result.ok).map(toViolation)
  return { ok: violations.length === 0, results, violations, state }
}
