import type { Hex } from 'viem'
import {
  assertParameters,
  type MissingParameterErrorType,
} from './errors/parameters.js'
import { version } from './errors/version.js'

/**
 * Compares two hex strings (hashes, calldata, selectors) ignoring letter case,
 * the one comparison every package needs; for addresses use viem's
 * `isAddressEqual`.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#ishexequal
 *
 * @example
 * ```ts
 * import { isHexEqual } from '@storydao/core'
 *
 * isHexEqual('0xABcd', '0xabCD') // true
 * ```
 *
 * @param a - A `0x`-prefixed hex string.
 * @param b - Another `0x`-prefixed hex string.
 * @returns Whether both denote the same bytes (same length, same digits).
 */
export function isHexEqual(a: Hex, b: Hex): IsHexEqualReturnType {
  assertParameters('isHexEqual', { a, b }, ['a', 'b'], { version })
  return a.length === b.length && a.toLowerCase() === b.toLowerCase()
}

export type IsHexEqualReturnType = boolean
export type IsHexEqualErrorType = MissingParameterErrorType
