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

export type SupplyUnchangedParameters = InvariantParameters & {
  /** The ERC-20. */
  token: Address
}

export type SupplyUnchangedErrorType =
  | MissingParameterErrorType
  | GetAddressErrorType

export type SupplyUnchangedReturnType = Invariant

/**
 * Invariant: the token's `totalSupply()` after the transaction equals its
 * value before (nothing minted or burned). Needs a baseline, which
 * `checkSafePlan` always has.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#invariants
 *
 * @example
 * ```ts
 * import { checkSafePlan, supplyUnchanged } from '@storydao/invariants'
 *
 * const report = await checkSafePlan(fork, {
 *   plan,
 *   manifest,
 *   invariants: [supplyUnchanged({ token: manifest.contracts.AuthorCoin.address, label: 'AuthorCoin' })],
 * })
 * ```
 *
 * @param parameters - {@link SupplyUnchangedParameters}
 * @returns The {@link Invariant}.
 */
export function supplyUnchanged(
  parameters: SupplyUnchangedParameters,
): SupplyUnchangedReturnType {
  assertParameters('supplyUnchanged', parameters, ['token'], { version })
  const { token, ...options } = parameters
  const address = getAddress(token)
  const name = nameOf(address, options)
  return unchangedInvariant({
    name: 'supplyUnchanged',
    id: `supplyUnchanged(${address})`,
    description: `${name}: totalSupply() unchanged`,
    what: `${name} total supply`,
    read: {
      type: 'call',
      address,
      abi: erc20ReadAbi,
      functionName: 'totalSupply',
    },
  })
}
