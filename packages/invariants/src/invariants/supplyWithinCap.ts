import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { GetAddressErrorType } from 'viem'
import { type Address, getAddress } from 'viem'
import { version } from '../errors/version.js'
import { erc20ReadAbi } from '../internal/abis.js'
import { nameOf } from '../internal/invariantHelpers.js'
import type { Invariant, InvariantParameters } from '../types.js'

export type SupplyWithinCapParameters = InvariantParameters & {
  /** The capped ERC-20. */
  token: Address
}

export type SupplyWithinCapErrorType =
  | MissingParameterErrorType
  | GetAddressErrorType

export type SupplyWithinCapReturnType = Invariant

/**
 * Invariant: the token's `totalSupply()` does not exceed its `cap()`
 * (ERC20Capped). Holds by construction for a correct token; it exists to
 * catch an implementation (or upgrade) that breaks the cap.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#invariants
 *
 * @example
 * ```ts
 * import { checkInvariants, supplyWithinCap } from '@storydao/invariants'
 *
 * const { ok } = await checkInvariants(client, {
 *   invariants: [supplyWithinCap({ token: manifest.contracts.AuthorCoin.address, label: 'AuthorCoin' })],
 * })
 * ```
 *
 * @param parameters - {@link SupplyWithinCapParameters}
 * @returns The {@link Invariant}.
 */
export function supplyWithinCap(
  parameters: SupplyWithinCapParameters,
): SupplyWithinCapReturnType {
  assertParameters('supplyWithinCap', parameters, ['token'], { version })
  const { token, ...options } = parameters
  const address = getAddress(token)
  const name = nameOf(address, options)
  return {
    name: 'supplyWithinCap',
    id: `supplyWithinCap(${address})`,
    description: `${name}: totalSupply() ≤ cap()`,
    reads: {
      totalSupply: {
        type: 'call',
        address,
        abi: erc20ReadAbi,
        functionName: 'totalSupply',
      },
      cap: { type: 'call', address, abi: erc20ReadAbi, functionName: 'cap' },
    },
    needsBefore: false,
    needsLogs: false,
    evaluate({ after }) {
      const supply = after.totalSupply as bigint
      const cap = after.cap as bigint
      const ok = supply <= cap
      return {
        ok,
        expected: { atMost: cap },
        actual: supply,
        message: ok
          ? `${name} total supply ${supply} is within its cap ${cap}.`
          : `${name} total supply ${supply} exceeds its cap ${cap} by ${supply - cap}.`,
      }
    },
  }
}
