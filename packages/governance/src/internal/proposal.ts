import { type Hex, keccak256, toHex } from 'viem'
import type { ProposalDescription } from '../types/calls.js'
import { toBytes32 } from './toBytes32.js'

/** @internal `keccak256(bytes(description))`, or the hash given. */
export function toDescriptionHash(parameters: ProposalDescription): Hex {
  return parameters.description !== undefined
    ? keccak256(toHex(parameters.description))
    : toBytes32(parameters.descriptionHash, 'descriptionHash')
}
