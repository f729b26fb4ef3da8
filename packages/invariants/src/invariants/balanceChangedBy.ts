import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { GetAddressErrorType } from 'viem'
import { type Address, getAddress } from 'viem'
import { version } from '../errors/version.js'
import { balanceRead, requireBefore } from '../internal/invariantHelpers.js'
import type { BalanceInvariantParameters, Invariant } from '../types.js'

export type BalanceChangedByParameters = BalanceInvariantParameters & {
  /** ERC-20 address, or `'ETH'`. */
  asset: Address | 'ETH'
  /** Whose balance. */
  holder: Address
  /** Signed change in base units (wei). */
  expected: bigint
}

export type BalanceChangedByErrorType =
  | MissingParameterErrorType
  | GetAddressErrorType

export type BalanceChangedByReturnType = Invariant

/**
 * Invariant: `holder`'s balance of `asset` (an ERC-20, or `'ETH'`) changes by
 * exactly `expected` (negative for an outflow) across the transaction.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#invariants
 *
 * @example
 * ```ts
 * import { balanceChangedBy } from '@storydao/invariants'
 * import { parseEther } from 'viem'
 *
 * // A grant of 5 ETH out of the Treasury, and nothing else.
 * const invariant = balanceChangedBy({ asset: 'ETH', holder: manifest.contracts.Treasury.address, expected: -parseEther('5'), *   holderLabel: 'Treasury',
 * })
 * ```
 *
 * @param parameters - {@link BalanceChangedByParameters}
 * @returns The {@link Invariant}.
 */
export function balanceChangedBy(
  parameters: BalanceChangedByParameters,
): BalanceChangedByReturnType {
  assertParameters(
    'balanceChangedBy',
    parameters,
    ['asset', 'holder', 'expected'],
    { version },
  )
  const { asset, holder, expected, ...options } = parameters
  const token = asset === 'ETH' ? 'ETH' : getAddress(asset)
  const account = getAddress(holder)
  const assetName = options?.label ?? token
  const holderName = options?.holderLabel ?? account
  const signed = (value: bigint) => `${value > 0n ? '+' : ''}${value}`
  return {
    name: 'balanceChangedBy',
    id: `balanceChangedBy(${token},${account},${expected})`,
    description: `${holderName}: ${assetName} balance changes by ${signed(expected)}`,
    reads: { balance: balanceRead(token, account) },
    needsBefore: true,
    needsLogs: false,
    evaluate(context) {
      const before = requireBefore(context).balance as bigint
      const after = context.after.balance as bigint
      const delta = after - before
      const ok = delta === expected
      return {
        ok,
        expected,
        actual: delta,
        message: ok
          ? `${holderName}'s ${assetName} balance changed by ${signed(delta)} as expected.`
          : `${holderName}'s ${assetName} balance changed by ${signed(delta)}, expected ${signed(expected)}.`,
      }
    },
  }
}
