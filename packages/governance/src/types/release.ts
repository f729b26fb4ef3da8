import type { Abi, Address, Hex } from 'viem'

/** The address of another entry of the release (or of the manifest). */
export type ReleaseReference = {
  /** A release entry's `name`; with a manifest also a manifest contract or `safes.ops` / `safes.emergency`. */
  ref: string
}

/** Calldata encoded at build time, e.g. a proxy's initializer call. */
export type ReleaseEncodedCall = {
  /** The call to encode; the value becomes its calldata (`bytes`). */
  encode: {
    /** ABI that has `functionName`. */
    abi: Abi
    /** The function to encode. */
    functionName: string
    /** Its arguments (references allowed). */
    args?: readonly ReleaseValue[] | undefined
  }
}

/**
 * A constructor or call argument: any ABI value, in which `{ ref }` and
 * `{ encode }` objects (at any depth, arrays and structs included) are
 * replaced by an address and by encoded calldata.
 */
export type ReleaseValue =
  | string
  | number
  | bigint
  | boolean
  | ReleaseReference
  | ReleaseEncodedCall
  | readonly ReleaseValue[]
  | { readonly [key: string]: ReleaseValue }

/** One contract deployed by the release through the CREATE2 deployer. */
export type ReleaseContract = {
  /** Unique name; other entries reference it with `{ ref: name }`. */
  name: string
  /** The artifact it comes from (informational: labels, manifest). */
  artifact?: string | undefined
  /** Creation bytecode. */
  bytecode: Hex
  /** ABI whose constructor encodes `constructorArgs`. */
  abi?: Abi | undefined
  /** Constructor arguments. Never rely on `msg.sender`: it is the CREATE2 deployer. */
  constructorArgs?: readonly ReleaseValue[] | undefined
  /** CREATE2 salt (bytes32). */
  salt: Hex
}

/** A call made after every deployment (role wiring, ownership transfers, …). */
export type ReleaseCall = {
  /** Target: an address or a reference. */
  to: Address | ReleaseReference
  /** ABI that has `functionName`. */
  abi: Abi
  /** The function. */
  functionName: string
  /** Its arguments (references allowed). */
  args?: readonly ReleaseValue[] | undefined
  /** Wei sent; `0n` when omitted. */
  value?: bigint | undefined
  /** Overrides the generated label. */
  label?: string | undefined
}

/** A declarative release: contracts to deploy and calls to make afterwards. */
export type Release = {
  /** Contracts to deploy (any order: they are sorted so that every reference is deployed first). */
  contracts: readonly ReleaseContract[]
  /** Calls to make after the deployments, in this order. */
  calls?: readonly ReleaseCall[] | undefined
}

/** One deployment of the release. */
export type ReleaseDeployment = {
  /** The entry's name. */
  name: string
  /** The entry's artifact, if given. */
  artifact?: string | undefined
  /** Predicted address. */
  address: Address
  /** The salt. */
  salt: Hex
  /** `keccak256(initCode)`. */
  initCodeHash: Hex
}
