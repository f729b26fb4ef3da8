import { OpsError } from '@storydao/core'
import type { Address } from 'viem'
import { version } from './version.js'

export type Create2DeployerMissingErrorType = Create2DeployerMissingError & {
  name: 'Create2DeployerMissingError'
}

/**
 * The deterministic deployment proxy (Arachnid's CREATE2 deployer at
 * `0x4e59b44847b379578588920cA78FbF26c0B4956C`) has no code on this chain.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#errors
 *
 * @example
 * ```ts
 * import { assertCreate2DeployerPresent, Create2DeployerMissingError } from '@storydao/governance'
 *
 * try {
 *   await assertCreate2DeployerPresent(client)
 * } catch (error) {
 *   if (error instanceof Create2DeployerMissingError) console.error(error.hint)
 * }
 * ```
 */
export class Create2DeployerMissingError extends OpsError {
  override name = 'Create2DeployerMissingError'
  /** Where the deployer was expected. */
  address: Address

  constructor({ address, chainId }: { address: Address; chainId: number }) {
    super(`The CREATE2 deployer ${address} has no code on chain ${chainId}.`, {
      code: 'CREATE2_DEPLOYER_MISSING',
      docsPath: 'packages/governance/README.md#errors',
      version,
      metaMessages: [`Chain id: ${chainId}`, `Deployer: ${address}`],
      hint: 'Deploy the deterministic deployment proxy first: fund 0x3fAB184622Dc19b6109349B94811493BF2a45362 with 0.01 ETH and broadcast its presigned transaction (github.com/Arachnid/deterministic-deployment-proxy). Chains with EIP-155-only RPCs need the per-chain variant. anvil has it unless started with --disable-default-create2-deployer.',
    })
    this.address = address
  }
}

export type Create2AddressOccupiedErrorType = Create2AddressOccupiedError & {
  name: 'Create2AddressOccupiedError'
}

/**
 * A predicted CREATE2 address already holds code: the deployment would
 * revert (the same init code and salt were already deployed).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#errors
 *
 * @example
 * ```ts
 * import { assertCreate2AddressesFree, Create2AddressOccupiedError } from '@storydao/governance'
 *
 * try {
 *   await assertCreate2AddressesFree(client, { addresses: [address] })
 * } catch (error) {
 *   if (error instanceof Create2AddressOccupiedError) console.error(error.occupied)
 * }
 * ```
 */
export class Create2AddressOccupiedError extends OpsError {
  override name = 'Create2AddressOccupiedError'
  /** Addresses that already hold code. */
  occupied: readonly Address[]

  constructor({ occupied }: { occupied: readonly Address[] }) {
    super(
      occupied.length === 1
        ? `Address ${occupied[0]} already holds code.`
        : `${occupied.length} predicted addresses already hold code.`,
      {
        code: 'CREATE2_ADDRESS_OCCUPIED',
        docsPath: 'packages/governance/README.md#errors',
        version,
        metaMessages: occupied.map((address) => `- ${address}`),
        hint: 'These contracts are already deployed with this exact init code and salt. Reuse them, or pick a new `salt` to deploy fresh copies.',
      },
    )
    this.occupied = occupied
  }
}

export type ReleaseReferenceCycleErrorType = ReleaseReferenceCycleError & {
  name: 'ReleaseReferenceCycleError'
}

/**
 * Release entries reference each other in a cycle. A CREATE2 address depends
 * on the constructor arguments, so no entry in the cycle can be predicted.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#errors
 *
 * @example
 * ```ts
 * import { buildRelease, ReleaseReferenceCycleError } from '@storydao/governance'
 *
 * try {
 *   buildRelease({ release })
 * } catch (error) {
 *   if (error instanceof ReleaseReferenceCycleError) console.error(error.cycle)
 * }
 * ```
 */
export class ReleaseReferenceCycleError extends OpsError {
  override name = 'ReleaseReferenceCycleError'
  /** The entries of the cycle, first one repeated at the end. */
  cycle: readonly string[]

  constructor({ cycle }: { cycle: readonly string[] }) {
    super(`Release entries reference each other: ${cycle.join(' → ')}.`, {
      code: 'RELEASE_REFERENCE_CYCLE',
      docsPath: 'packages/governance/README.md#errors',
      version,
      hint: 'A CREATE2 address depends on the constructor arguments, so a cycle cannot be resolved. Break it by constructing one side without the reference (for example a timelock whose admin is the deploying Safe) and wiring it with a call in the release’s `calls` (grantRole, then renounceRole).',
    })
    this.cycle = cycle
  }
}

export type ReleaseUnknownReferenceErrorType = ReleaseUnknownReferenceError & {
  name: 'ReleaseUnknownReferenceError'
}

/**
 * A `{ ref }` names neither a release entry nor (when a manifest is given) a
 * manifest contract or Safe.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#errors
 *
 * @example
 * ```ts
 * import { buildRelease, ReleaseUnknownReferenceError } from '@storydao/governance'
 *
 * try {
 *   buildRelease({ release })
 * } catch (error) {
 *   if (error instanceof ReleaseUnknownReferenceError) console.error(error.reference)
 * }
 * ```
 */
export class ReleaseUnknownReferenceError extends OpsError {
  override name = 'ReleaseUnknownReferenceError'
  /** The unknown name. */
  reference: string
  /** Where it appears (`contracts.StoryDAO.constructorArgs[1]`, `calls[0].to`, …). */
  path: string

  constructor({
    reference,
    path,
    available,
  }: {
    reference: string
    path: string
    available: readonly string[]
  }) {
    super(`Unknown reference "${reference}" at ${path}.`, {
      code: 'RELEASE_REFERENCE_UNKNOWN',
      docsPath: 'packages/governance/README.md#errors',
      version,
      metaMessages: [
        `Known names: ${available.length > 0 ? available.join(', ') : '(none)'}`,
      ],
      hint: 'A reference names a contract of the same release, or, when a manifest is passed, one of its contracts or `safes.ops` / `safes.emergency`.',
    })
    this.reference = reference
    this.path = path
  }
}

export type ReleaseDuplicateNameErrorType = ReleaseDuplicateNameError & {
  name: 'ReleaseDuplicateNameError'
}

/**
 * Two release entries share a name, so references to it are ambiguous.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#errors
 *
 * @example
 * ```ts
 * import { buildRelease, ReleaseDuplicateNameError } from '@storydao/governance'
 *
 * try {
 *   buildRelease({ release })
 * } catch (error) {
 *   if (error instanceof ReleaseDuplicateNameError) console.error(error.duplicate)
 * }
 * ```
 */
export class ReleaseDuplicateNameError extends OpsError {
  override name = 'ReleaseDuplicateNameError'
  /** The name used more than once. */
  duplicate: string

  constructor({ duplicate }: { duplicate: string }) {
    super(`Release entry name "${duplicate}" is used more than once.`, {
      code: 'RELEASE_NAME_DUPLICATE',
      docsPath: 'packages/governance/README.md#errors',
      version,
      hint: 'Give every release entry a unique `name`; references resolve by name.',
    })
    this.duplicate = duplicate
  }
}

export type ReleaseAddressCollisionErrorType = ReleaseAddressCollisionError & {
  name: 'ReleaseAddressCollisionError'
}

/**
 * Two release entries have the same init code and salt, hence the same
 * CREATE2 address: the second deployment would revert.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#errors
 *
 * @example
 * ```ts
 * import { buildRelease, ReleaseAddressCollisionError } from '@storydao/governance'
 *
 * try {
 *   buildRelease({ release })
 * } catch (error) {
 *   if (error instanceof ReleaseAddressCollisionError) console.error(error.names)
 * }
 * ```
 */
export class ReleaseAddressCollisionError extends OpsError {
  override name = 'ReleaseAddressCollisionError'
  /** The shared address. */
  address: Address
  /** The entries that collide. */
  names: readonly string[]

  constructor({ address, names }: { address: Address; names: string[] }) {
    super(
      `Release entries ${names.join(' and ')} would deploy to the same address ${address}.`,
      {
        code: 'RELEASE_ADDRESS_COLLISION',
        docsPath: 'packages/governance/README.md#errors',
        version,
        hint: 'They have the same bytecode, constructor arguments and salt. Give each its own `salt`.',
      },
    )
    this.address = address
    this.names = names
  }
}

export type ConstructorAbiMissingErrorType = ConstructorAbiMissingError & {
  name: 'ConstructorAbiMissingError'
}

/**
 * Constructor arguments were given without an ABI that has a constructor, so
 * they cannot be encoded.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#errors
 *
 * @example
 * ```ts
 * import { buildCreate2Deploy, ConstructorAbiMissingError } from '@storydao/governance'
 *
 * try {
 *   buildCreate2Deploy({ bytecode, constructorArgs: [1n], salt })
 * } catch (error) {
 *   if (error instanceof ConstructorAbiMissingError) console.error(error.hint)
 * }
 * ```
 */
export class ConstructorAbiMissingError extends OpsError {
  override name = 'ConstructorAbiMissingError'

  constructor({ contract }: { contract: string }) {
    super(
      `Constructor arguments for ${contract} need an ABI with a constructor.`,
      {
        code: 'CONSTRUCTOR_ABI_MISSING',
        docsPath: 'packages/governance/README.md#errors',
        version,
        hint: 'Pass the contract’s `abi` (from the forge artifact or `@storydao/core`) alongside `constructorArgs`.',
      },
    )
  }
}

export type InvalidBytecodeErrorType = InvalidBytecodeError & {
  name: 'InvalidBytecodeError'
}

/**
 * Creation bytecode is not whole-byte hex, or still holds unlinked library
 * placeholders (`__$<34 hex digits>$__`, which solc leaves where a library's
 * address goes).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#errors
 *
 * @example
 * ```ts
 * import { buildCreate2Deploy, InvalidBytecodeError } from '@storydao/governance'
 *
 * try {
 *   buildCreate2Deploy({ bytecode, salt })
 * } catch (error) {
 *   if (error instanceof InvalidBytecodeError) console.error(error.placeholders)
 * }
 * ```
 */
export class InvalidBytecodeError extends OpsError {
  override name = 'InvalidBytecodeError'
  /** Where, as a JSON path (`bytecode`, `contracts.Treasury.bytecode`). */
  path: string
  /** Unlinked library placeholders with their byte offsets (empty for malformed hex). */
  placeholders: readonly { placeholder: string; offset: number }[]

  constructor(
    parameters: {
      path: string
      /** The contract's name, when known. */
      contract?: string | undefined
    } & (
      | {
          placeholders: readonly [
            { placeholder: string; offset: number },
            ...{ placeholder: string; offset: number }[],
          ]
        }
      | { reason: string }
    ),
  ) {
    const { path, contract } = parameters
    const of = contract ? ` of ${contract}` : ''
    if ('reason' in parameters) {
      super(`Invalid bytecode${of}: ${parameters.reason}.`, {
        code: 'BYTECODE_INVALID',
        docsPath: 'packages/governance/README.md#errors',
        version,
        metaMessages: [`Path: ${path}`],
        hint: 'Pass the creation bytecode as "0x" followed by an even number of hex digits: the forge artifact’s `bytecode.object` (not `deployedBytecode`).',
      })
      this.placeholders = []
    } else {
      const { placeholders } = parameters
      const [first] = placeholders
      const several = placeholders.length > 1
      super(
        `Bytecode${of} has ${several ? `${placeholders.length} unlinked library placeholders, the first` : 'an unlinked library placeholder'} ${first.placeholder} at byte ${first.offset}: link the ${several ? 'libraries' : 'library'} first.`,
        {
          code: 'BYTECODE_UNLINKED',
          docsPath: 'packages/governance/README.md#errors',
          version,
          metaMessages: [
            `Path: ${path}`,
            ...(several
              ? placeholders.map(
                  ({ placeholder, offset }) =>
                    `- ${placeholder} at byte ${offset}`,
                )
              : []),
          ],
          hint: 'Deploy each library, then put its address in place of its placeholder (`forge build --libraries src/Lib.sol:Lib:0x…`). A placeholder is `__$` + the first 17 bytes of keccak256("<source path>:<library name>") in hex + `$__`.',
        },
      )
      this.placeholders = placeholders
    }
    this.path = path
  }
}
