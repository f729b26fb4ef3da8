import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { GetAddressErrorType } from 'viem'
import { type Address, getAddress } from 'viem'
import { version } from '../errors/version.js'
import {
  balanceRead,
  unchangedInvariant,
} from '../internal/invariantHelpers.js'
import type { BalanceInvariantParameters, Invariant } from '../types.js'

export type BalanceUnchangedParameters = BalanceInvariantParameters & {
  /** ERC-20 address, or `'ETH'`. */
  asset: Address | 'ETH'
  /** Whose balance. */
  holder: Address
}

export type BalanceUnchangedErrorType =
  | MissingParameterErrorType
  | GetAddressErrorType

export type BalanceUnchangedReturnType = Invariant

/**
 * Invariant: `holder`'s balance of `asset` (an ERC-20, or `'ETH'`) after the
 * transaction equals its balance before.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#invariants
 *
 * @example
 * ```ts
 * import { balanceUnchanged } from '@storydao/invariants'
 *
 * const treasury = manifest.contracts.Treasury.address
 * const invariants = [
 *   balanceUnchanged({ asset: 'ETH', holder: treasury, holderLabel: 'Treasury' }),
 *   balanceUnchanged({ asset: manifest.contracts.AuthorCoin.address, holder: treasury, label: 'AuthorCoin', holderLabel: 'Treasury' }),
 * ]
 * ```
 *
 * @param parameters - {@link BalanceUnchangedParameters}
 * @returns The {@link Invariant}.
 */
export function balanceUnchanged(
  parameters: BalanceUnchangedParameters,
): BalanceUnchangedReturnType {
  assertParameters('balanceUnchanged', parameters, ['asset', 'holder'], {
    version,
  })
  const { asset, holder, ...options } = parameters
  const token = asset === 'ETH' ? 'ETH' : getAddress(asset)
  const account = getAddress(holder)
  const assetName = options?.label ?? token
  const holderName = options?.holderLabel ?? account
  return unchangedInvariant({
    name: 'balanceUnchanged',
    id: `balanceUnchanged(${token},${account})`,
    description: `${holderName}: ${assetName} balance unchanged`,
    what: `${holderName}'s ${assetName} balance`,
    read: balanceRead(token, account),
  })
}
