import { OpsError } from './base.js'

export type MissingAbiErrorType = MissingAbiError & { name: 'MissingAbiError' }

/**
 * One or more manifest contracts name an artifact for which no ABI was given.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors
 *
 * @example
 * ```ts
 * import { MissingAbiError, toFrontendArtifacts } from '@storydao/core'
 *
 * try {
 *   toFrontendArtifacts({ manifest, abis: {} })
 * } catch (error) {
 *   if (error instanceof MissingAbiError) console.error(error.missing)
 * }
 * ```
 */
export class MissingAbiError extends OpsError {
  override name = 'MissingAbiError'
  /** Each contract whose artifact has no ABI. */
  missing: readonly { contract: string; artifact: string }[]

  constructor({
    missing,
    available,
  }: {
    missing: readonly { contract: string; artifact: string }[]
    available: readonly string[]
  }) {
    super(
      missing.length === 1
        ? `No ABI for artifact "${missing[0]!.artifact}" (contract ${missing[0]!.contract}).`
        : `No ABI for ${missing.length} artifacts.`,
      {
        code: 'ABI_MISSING',
        metaMessages: [
          ...missing.map(
            ({ contract, artifact }) =>
              `- contracts.${contract}.artifact: "${artifact}"`,
          ),
          `ABIs given: ${available.length > 0 ? available.join(', ') : '(none)'}`,
        ],
        hint: 'Pass an ABI for every artifact named in the manifest (keyed by artifact name, e.g. from `forge build` output).',
      },
    )
    this.missing = missing
  }
}
