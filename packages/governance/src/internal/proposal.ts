import { type Hex, keccak256, toHex } from 'viem'
import { toBytes32 } from './toBytes32.js'

/**
 * A proposal's description, as text (`propose` needs it) or as its hash
 * (`queue`, `execute` and `cancel` take `keccak256(bytes(description))`).
 */
export type ProposalDescription =
  | {
      /** The proposal's description text, exactly as proposed. */
      description: string
      /** Not with `description`. */
      descriptionHash?: undefined
    }
  | {
      /** Not with `descriptionHash`. */
      description?: undefined
      /** `keccak256(bytes(description))`. */
      descriptionHash: Hex
    }

/** @internal `keccak256(bytes(description))`, or the hash given. */
export function toDescriptionHash(parameters: ProposalDescription): Hex {
  return parameters.description !== undefined
    ? keccak256(toHex(parameters.description))
    : toBytes32(parameters.descriptionHash, 'descriptionHash')
}
