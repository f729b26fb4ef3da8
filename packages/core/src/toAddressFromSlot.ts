import { type Address, getAddress, type Hex } from 'viem'
import {
  InvalidSlotValueError,
  type InvalidSlotValueErrorType,
} from './errors/chain.js'

export type ToAddressFromSlotReturnType = Address

export type ToAddressFromSlotErrorType = InvalidSlotValueErrorType

// RPCs return the full 32-byte word, but some trim leading zeros ("0x0").
const slotValueRegex = /^0x[0-9a-fA-F]{0,64}$/

/**
 * Decodes the address held in a storage word, such as an EIP-1967 slot
 * ({@link eip1967Slots}): the low 20 bytes, as Solidity's
 * `address(uint160(uint256(word)))` does, EIP-55 checksummed. An empty or zero
 * word gives the zero address.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#toaddressfromslot
 *
 * @example
 * ```ts
 * import { toAddressFromSlot } from '@storydao/core'
 *
 * toAddressFromSlot('0x0000000000000000000000005fbdb2315678afecb367f032d93f642f64180aa3')
 * // '0x5FbDB2315678afecb367f032d93F642f64180aa3'
 * ```
 *
 * @param value - The storage word (`eth_getStorageAt`'s result), at most 32 bytes.
 * @returns The checksummed address.
 * @throws {InvalidSlotValueError} When the value is not hex of at most 32 bytes.
 */
export function toAddressFromSlot(value: Hex): ToAddressFromSlotReturnType {
  if (typeof value !== 'string' || !slotValueRegex.test(value))
    throw new InvalidSlotValueError({ value })
  return getAddress(`0x${value.slice(2).padStart(40, '0').slice(-40)}`)
}
