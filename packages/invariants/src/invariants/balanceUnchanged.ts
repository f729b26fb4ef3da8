import { type Address, getAddress } from 'viem'
import {
  balanceRead,
  unchangedInvariant,
} from '../internal/invariantHelpers.js'
import type { BalanceInvariantOptions, Invariant } from '../types.js'

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
 *   balanceUnchanged('ETH', treasury, { holderLabel: 'Treasury' }),
 *   balanceUnchanged(manifest.contracts.AuthorCoin.address, treasury, { label: 'AuthorCoin', holderLabel: 'Treasury' }),
 * ]
 * ```
 *
 * @param asset - ERC-20 address, or `'ETH'`.
 * @param holder - Whose balance.
 * @param options - {@link BalanceInvariantOptions}
 * @returns The {@link Invariant}.
 */
export function balanceUnchanged(
  asset: Address | 'ETH',
  holder: Address,
  options?: BalanceInvariantOptions,
): BalanceUnchangedReturnType {
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
