import { OpsError } from '@storydao/core'
import type { Address } from 'viem'
import { version } from './version.js'

const docsPath = 'packages/safe/README.md#errors'
export type SafeChainMismatchErrorType = SafeChainMismatchError & {
  name: 'SafeChainMismatchError'
}

/**
 * The chain the RPC (or a service, a plan, a file) is on is not the chain the
 * caller expects.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors
 *
 * @example
 * ```ts
 * import { SafeChainMismatchError, buildSafePlan } from '@storydao/safe'
 *
 * try {
 *   await buildSafePlan(client, { safe, calls, chainId: 1 })
 * } catch (error) {
 *   if (error instanceof SafeChainMismatchError) console.error(error.actual)
 * }
 * ```
 */
export class SafeChainMismatchError extends OpsError {
  override name = 'SafeChainMismatchError'
  /** The chain id the caller expects. */
  expected: number
  /** The chain id actually found. */
  actual: number

  constructor({
    expected,
    actual,
    expectedFrom,
    actualFrom,
  }: {
    expected: number
    actual: number
    /** Where the expectation comes from (`the service`, `chainId parameter`…). */
    expectedFrom: string
    /** Where the actual value was read (`the RPC`, `the plan`…). */
    actualFrom: string
  }) {
    super(
      `Wrong chain: ${actualFrom} is on chain ${actual}, expected ${expected}.`,
      {
        code: 'SAFE_CHAIN_MISMATCH',
        docsPath,
        version,
        metaMessages: [
          `Expected: ${expected} (${expectedFrom})`,
          `Actual:   ${actual} (${actualFrom})`,
        ],
        hint: 'Point the client (RPC URL), the service and the plan at the same network.',
      },
    )
    this.expected = expected
    this.actual = actual
  }
}

export type UnsupportedSafeVersionErrorType = UnsupportedSafeVersionError & {
  name: 'UnsupportedSafeVersionError'
}

/**
 * The Safe version is not one whose transaction hash this package computes
 * (1.0.0 up to 1.x).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors
 *
 * @example
 * ```ts
 * import { UnsupportedSafeVersionError, hashSafeTransaction } from '@storydao/safe'
 *
 * try {
 *   hashSafeTransaction({ chainId: 1, safe, safeVersion: '0.1.0', safeTx })
 * } catch (error) {
 *   if (error instanceof UnsupportedSafeVersionError) console.error(error.safeVersion)
 * }
 * ```
 */
export class UnsupportedSafeVersionError extends OpsError {
  override name = 'UnsupportedSafeVersionError'
  /** The version that was given or read. */
  safeVersion: string

  constructor({ version }: { version: string }) {
    super(`Unsupported Safe version "${version}".`, {
      code: 'SAFE_VERSION_UNSUPPORTED',
      docsPath,
      version,
      hint: 'Supported: Safe 1.0.0 – 1.5.x (chainId in the EIP-712 domain from 1.3.0 on). Versions before 1.0.0 use `dataGas` and are not supported.',
    })
    this.safeVersion = version
  }
}

export type SafeVersionMismatchErrorType = SafeVersionMismatchError & {
  name: 'SafeVersionMismatchError'
}

/**
 * The `safeVersion` passed by the caller differs from the Safe's on-chain
 * `VERSION()`.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors
 *
 * @example
 * ```ts
 * import { SafeVersionMismatchError, buildSafePlan } from '@storydao/safe'
 *
 * try {
 *   await buildSafePlan(client, { safe, calls, safeVersion: '1.3.0' })
 * } catch (error) {
 *   if (error instanceof SafeVersionMismatchError) console.error(error.actual)
 * }
 * ```
 */
export class SafeVersionMismatchError extends OpsError {
  override name = 'SafeVersionMismatchError'
  /** The version the caller expected. */
  expected: string
  /** The Safe's `VERSION()`. */
  actual: string

  constructor({
    safe,
    expected,
    actual,
  }: {
    safe: Address
    expected: string
    actual: string
  }) {
    super(`Safe ${safe} is version ${actual}, not ${expected}.`, {
      code: 'SAFE_VERSION_MISMATCH',
      docsPath,
      version,
      hint: 'The version decides the EIP-712 domain of the safeTxHash. Omit `safeVersion` to use the on-chain one.',
    })
    this.expected = expected
    this.actual = actual
  }
}

export type SafeNotDeployedErrorType = SafeNotDeployedError & {
  name: 'SafeNotDeployedError'
}

/**
 * There is no Safe at the address on this chain: no code at all (for an
 * address with code that is not a Safe, see {@link NotASafeError}).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors
 *
 * @example
 * ```ts
 * import { SafeNotDeployedError, buildSafePlan } from '@storydao/safe'
 *
 * try {
 *   await buildSafePlan(client, { safe, calls })
 * } catch (error) {
 *   if (error instanceof SafeNotDeployedError) console.error(error.safe)
 * }
 * ```
 */
export class SafeNotDeployedError extends OpsError {
  override name = 'SafeNotDeployedError'
  /** The address that was read. */
  safe: Address

  constructor({
    safe,
    chainId,
    cause,
  }: {
    safe: Address
    chainId: number
    cause?: unknown
  }) {
    super(`No Safe at ${safe} on chain ${chainId}.`, {
      code: 'SAFE_NOT_DEPLOYED',
      docsPath,
      version,
      cause,
      hint: 'Check the Safe address (manifest `safes`) and that the RPC serves the right network.',
    })
    this.safe = safe
  }
}

export type NotASafeErrorType = NotASafeError & {
  name: 'NotASafeError'
}

/**
 * The address has code, but not a Safe's: `VERSION()` or `nonce()` reverted,
 * returned nothing, or returned something that is not a Safe's answer (a
 * token, a module, an owner contract, an implementation…).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors
 *
 * @example
 * ```ts
 * import { NotASafeError, buildSafePlan } from '@storydao/safe'
 *
 * try {
 *   await buildSafePlan(client, { safe: manifest.contracts.AuthorCoin.address, calls })
 * } catch (error) {
 *   if (error instanceof NotASafeError) console.error(error.address)
 * }
 * ```
 */
export class NotASafeError extends OpsError {
  override name = 'NotASafeError'
  /** The address that was read. */
  address: Address

  constructor({
    address,
    chainId,
    codeSize,
    version,
    nonce,
    cause,
  }: {
    address: Address
    chainId: number
    /** Bytes of code at the address. */
    codeSize: number
    /** What `VERSION()` gave (`reverted`, `returned "…"`…). */
    version: string
    /** What `nonce()` gave. */
    nonce: string
    cause?: unknown
  }) {
    super(`${address} on chain ${chainId} is a contract, but not a Safe.`, {
      code: 'SAFE_NOT_A_SAFE',
      docsPath,
      version,
      cause,
      metaMessages: [
        `Code:      ${codeSize} bytes`,
        `VERSION(): ${version}`,
        `nonce():   ${nonce}`,
      ],
      hint: 'Check the address: it must be the Safe (proxy) itself, e.g. the manifest’s `safes.<name>.address`, not a token, module, owner or implementation contract.',
    })
    this.address = address
  }
}
