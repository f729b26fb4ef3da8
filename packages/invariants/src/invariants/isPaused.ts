import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { Address, GetAddressErrorType } from 'viem'
import { version } from '../errors/version.js'
import { pausedInvariant } from '../internal/invariantHelpers.js'
import type { Invariant, InvariantParameters } from '../types.js'

export type IsPausedParameters = InvariantParameters & {
  /** The Pausable contract. */
  contract: Address
}

export type IsPausedErrorType = MissingParameterErrorType | GetAddressErrorType

export type IsPausedReturnType = Invariant

/**
 * Invariant: the contract is paused (OpenZeppelin Pausable, `paused() == true`).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#invariants
 *
 * @example
 * ```ts
 * import { isPaused } from '@storydao/invariants'
 *
 * const invariant = isPaused({ contract: manifest.contracts.AuthorCoin.address, label: 'AuthorCoin' })
 * ```
 *
 * @param parameters - {@link IsPausedParameters}
 * @returns The {@link Invariant}.
 */
export function isPaused(parameters: IsPausedParameters): IsPausedReturnType {
  assertParameters('isPaused', parameters, ['contract'], { version })
  const { contract, ...options } = parameters
  return pausedInvariant({
    name: 'isPaused',
    contract,
    expected: true,
    options,
  })
}
