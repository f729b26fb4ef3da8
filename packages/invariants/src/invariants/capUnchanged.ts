import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { GetAddressErrorType } from 'viem'
import { type Address, getAddress } from 'viem'
import { version } from '../errors/version.js'
import { erc20ReadAbi } from '../internal/abis.js'
import { nameOf, unchangedInvariant } from '../internal/invariantHelpers.js'
import type { Invariant, InvariantParameters } from '../types.js'

export type CapUnchangedParameters = InvariantParameters & {
  /** The capped ERC-20. */
  token: Address
}

export type CapUnchangedErrorType =
  | MissingParameterErrorType
  | GetAddressErrorType

export type CapUnchangedReturnType = Invariant

/**
 * Invariant: the token's `cap()` after the transaction equals its value
 * before (an upgrade must not move the supply cap).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#invariants
 *
 * @example
 * ```ts
 * import { capUnchanged, checkSafePlan } from '@storydao/invariants'
 *
 * const report = await checkSafePlan(fork, {
 *   plan,
 *   manifest,
 *   invariants: [capUnchanged({ token: manifest.contracts.AuthorCoin.address })],
 * })
 * ```
 *
 * @param parameters - {@link CapUnchangedParameters}
 * @returns The {@link Invariant}.
 */
export function capUnchanged(
  parameters: CapUnchangedParameters,
): CapUnchangedReturnType {
  assertParameters('capUnchanged', parameters, ['token'], { version })
  const { token, ...options } = parameters
  const address = getAddress(token)
  const name = nameOf(address, options)
  return unchangedInvariant({
    name: 'capUnchanged',
    id: `capUnchanged(${address})`,
    description: `${name}: cap() unchanged`,
    what: `${name} cap`,
    read: { type: 'call', address, abi: erc20ReadAbi, functionName: 'cap' },
  })
}
