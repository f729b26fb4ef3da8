import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { Address, GetAddressErrorType } from 'viem'
import { version } from '../errors/version.js'
import { pausedInvariant } from '../internal/invariantHelpers.js'
import type { Invariant, InvariantParameters } from '../types.js'

export type IsNotPausedParameters = InvariantParameters & {
  /** The Pausable contract. */
  contract: Address
}

export type IsNotPausedErrorType =
  | MissingParameterErrorType
  | GetAddressErrorType

export type IsNotPausedReturnType = Invariant

/**
 * Invariant: the contract is not paused (OpenZeppelin Pausable, `paused() == false`).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#invariants
 *
 * @example
 * ```ts
 * import { isNotPaused } from '@storydao/invariants'
 *
 * const invariant = isNotPaused({ contract: manifest.contracts.AuthorCoin.address, label: 'AuthorCoin' })
 * ```
 *
 * @param parameters - {@link IsNotPausedParameters}
 * @returns The {@link Invariant}.
 */
export function isNotPaused(
  parameters: IsNotPausedParameters,
): IsNotPausedReturnType {
  assertParameters('isNotPaused', parameters, ['contract'], { version })
  const { contract, ...options } = parameters
  return pausedInvariant({
    name: 'isNotPaused',
    contract,
    expected: false,
    options,
  })
}
