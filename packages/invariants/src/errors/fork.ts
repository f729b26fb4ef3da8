import { OpsError } from '@storydao/core'
import { version } from './version.js'

export type ForkErrorType = ForkError & { name: 'ForkError' }

/**
 * A fork could not be started or used: the anvil binary is missing, anvil
 * did not answer, or the upstream RPC could not be forked.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#errors
 *
 * @example
 * ```ts
 * import { createFork, ForkError } from '@storydao/invariants'
 *
 * try {
 *   await createFork({ rpcUrl: 'http://127.0.0.1:1' })
 * } catch (error) {
 *   if (error instanceof ForkError) console.error(error.code, error.hint)
 * }
 * ```
 */
export class ForkError extends OpsError {
  override name = 'ForkError'

  constructor(
    shortMessage: string,
    parameters: {
      code: string
      hint?: string | undefined
      cause?: unknown
      details?: string | undefined
      metaMessages?: string[] | undefined
    },
  ) {
    super(shortMessage, {
      ...parameters,
      docsPath: 'packages/invariants/README.md#errors',
      version,
    })
  }
}
