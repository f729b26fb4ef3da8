import type { Abi, Address, Hex } from 'viem'

/**
 * One call a timelock operation or governor proposal makes. A `Call` from
 * `@storydao/core` fits (its `operation` and `label` are ignored).
 */
export type OperationCall = {
  /** Target contract. */
  to: Address
  /** Wei sent with the call; `0n` when omitted. */
  value?: bigint | undefined
  /** Calldata. */
  data: Hex
  /** Shown to reviewers. */
  label?: string | undefined
  /** ABI that decodes `data` (review context). */
  abi?: Abi | undefined
}

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
