import {
  assertParameters,
  type MissingParameterErrorType,
  pausableAbi,
} from '@storydao/core'
import type { GetAddressErrorType } from 'viem'
import { type Address, getAddress } from 'viem'
import { version } from '../errors/version.js'
import { nameOf, unchangedInvariant } from '../internal/invariantHelpers.js'
import type { Invariant, InvariantParameters } from '../types.js'

export type PausedUnchangedParameters = InvariantParameters & {
  /** The Pausable contract. */
  contract: Address
}

export type PausedUnchangedErrorType =
  | MissingParameterErrorType
  | GetAddressErrorType

export type PausedUnchangedReturnType = Invariant

/**
 * Invariant: the contract's `paused()` flag is the same after the
 * transaction as before (an upgrade or a role change must neither pause nor
 * unpause).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#invariants
 *
 * @example
 * ```ts
 * import { pausedUnchanged } from '@storydao/invariants'
 *
 * const invariant = pausedUnchanged({ contract: manifest.contracts.AuthorCoin.address, label: 'AuthorCoin' })
 * ```
 *
 * @param parameters - {@link PausedUnchangedParameters}
 * @returns The {@link Invariant}.
 */
export function pausedUnchanged(
  parameters: PausedUnchangedParameters,
): PausedUnchangedReturnType {
  assertParameters('pausedUnchanged', parameters, ['contract'], { version })
  const { contract, ...options } = parameters
  const address = getAddress(contract)
  const name = nameOf(address, options)
  return unchangedInvariant({
    name: 'pausedUnchanged',
    id: `pausedUnchanged(${address})`,
    description: `${name}: paused() unchanged`,
    what: `${name} paused flag`,
    read: { type: 'call', address, abi: pausableAbi, functionName: 'paused' },
  })
}
