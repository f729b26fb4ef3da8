import type { Hex } from 'viem'
import { InvalidBytes32Error } from '../errors/hex.js'

const bytes32Regex = /^0x[0-9a-fA-F]{64}$/

/** @internal Checks a 32-byte hex value and returns it lowercased. */
export function toBytes32(value: unknown, path: string): Hex {
  if (typeof value !== 'string' || !bytes32Regex.test(value))
    throw new InvalidBytes32Error({ value, path })
  return value.toLowerCase() as Hex
}

/** @internal Whether a value is a 32-byte hex string. */
export function isBytes32(value: unknown): value is Hex {
  return typeof value === 'string' && bytes32Regex.test(value)
}
