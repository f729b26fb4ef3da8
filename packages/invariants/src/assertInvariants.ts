import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { Chain, Client, Transport } from 'viem'
import {
  type CheckInvariantsErrorType,
  type CheckInvariantsParameters,
  type CheckInvariantsReturnType,
  checkInvariants,
} from './checkInvariants.js'
import {
  InvariantViolationError,
  type InvariantViolationErrorType,
} from './errors/invariant.js'
import { version } from './errors/version.js'

export type AssertInvariantsParameters = CheckInvariantsParameters

export type AssertInvariantsReturnType = CheckInvariantsReturnType

export type AssertInvariantsErrorType =
  | MissingParameterErrorType
  | CheckInvariantsErrorType
  | InvariantViolationErrorType

/**
 * {@link checkInvariants} that throws {@link InvariantViolationError} (with
 * `invariant`, `expected`, `actual`) when any invariant fails.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#checkinvariants
 *
 * @example
 * ```ts
 * import { assertInvariants, supplyWithinCap } from '@storydao/invariants'
 *
 * await assertInvariants(client, { invariants: [supplyWithinCap({ token })] })
 * ```
 *
 * @param client - A viem client for the chain (or fork).
 * @param parameters - {@link CheckInvariantsParameters}
 * @returns The passing check.
 * @throws {InvariantViolationError} When an invariant does not hold.
 */
export async function assertInvariants(
  client: Client<Transport, Chain | undefined>,
  parameters: AssertInvariantsParameters,
): Promise<AssertInvariantsReturnType> {
  assertParameters('assertInvariants', { client }, ['client'], { version })
  assertParameters('assertInvariants', parameters, ['invariants'], { version })
  const result = await checkInvariants(client, parameters)
  const [first, ...rest] = result.violations
  if (first) throw new InvariantViolationError({ violations: [first, ...rest] })
  return result
}
