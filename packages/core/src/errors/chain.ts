import { OpsError } from './base.js'

export type ChainReadErrorType = ChainReadError & { name: 'ChainReadError' }

/**
 * Reading the chain failed for a reason that is not a finding (the RPC is
 * unreachable, rejects the request…); `cause` holds the viem error.
 *
 * - Docs: packages/core/README.md#errors
 *
 * @example
 * ```ts
 * import { ChainReadError, checkManifestAgainstChain } from '@storydao/core'
 *
 * try {
 *   await checkManifestAgainstChain(manifest, client)
 * } catch (error) {
 *   if (error instanceof ChainReadError) console.error(error.details)
 * }
 * ```
 */
export class ChainReadError extends OpsError {
  override name = 'ChainReadError'

  constructor({ what, cause }: { what: string; cause: unknown }) {
    super(`Could not read ${what} from the RPC.`, {
      code: 'CHAIN_READ_FAILED',
      cause,
      hint: 'Check that the RPC URL is reachable and serves the manifest’s network.',
    })
  }
}
