import { OpsError } from '@storydao/core'
import { version } from './version.js'

export type AbiEncodingErrorType = AbiEncodingError & {
  name: 'AbiEncodingError'
}

/**
 * Arguments do not fit the ABI (wrong count or type); `cause` holds viem's
 * error.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#errors
 *
 * @example
 * ```ts
 * import { AbiEncodingError, buildCreate2Deploy } from '@storydao/governance'
 *
 * try {
 *   buildCreate2Deploy({ bytecode, abi, constructorArgs: ['not a number'], salt })
 * } catch (error) {
 *   if (error instanceof AbiEncodingError) console.error(error.details)
 * }
 * ```
 */
export class AbiEncodingError extends OpsError {
  override name = 'AbiEncodingError'

  constructor({ what, cause }: { what: string; cause: unknown }) {
    super(`Could not encode ${what}.`, {
      code: 'ABI_ENCODING_FAILED',
      docsPath: 'packages/governance/README.md#errors',
      version,
      cause,
      hint: 'Check the number and types of the arguments against the ABI.',
    })
  }
}
