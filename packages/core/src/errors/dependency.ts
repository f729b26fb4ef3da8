import { OpsError } from './base.js'
import { version as coreVersion } from './version.js'

export type OptionalDependencyMissingErrorType =
  OptionalDependencyMissingError & { name: 'OptionalDependencyMissingError' }

/**
 * A function needs a heavy package that `@storydao/*` lists as an optional
 * peer dependency (solc, `@openzeppelin/upgrades-core`, `@foundry-rs/anvil`),
 * and it is not installed. Planning and proposing never need them.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors
 *
 * @example
 * ```ts
 * import { OptionalDependencyMissingError } from '@storydao/core'
 * import { createFork } from '@storydao/invariants'
 *
 * try {
 *   await createFork({ rpcUrl })
 * } catch (error) {
 *   if (error instanceof OptionalDependencyMissingError) console.error(error.hint)
 * }
 * ```
 */
export class OptionalDependencyMissingError extends OpsError {
  override name = 'OptionalDependencyMissingError'
  /** The missing packages, as npm names. */
  packages: readonly string[]

  constructor({
    packages,
    feature,
    install,
    cause,
    version,
  }: {
    /** The missing packages, as npm names. */
    packages: readonly [string, ...string[]]
    /** What needs them (`checkUpgradeSafety`, `createFork`). */
    feature: string
    /** The command that installs them. */
    install: string
    cause?: unknown
    /** The raising package, as `@storydao/<name>@<version>`. */
    version?: string | undefined
  }) {
    const names = packages.join(' and ')
    super(
      `${feature} needs ${names}, which ${packages.length > 1 ? 'are' : 'is'} not installed.`,
      {
        code: 'OPTIONAL_DEPENDENCY_MISSING',
        cause,
        docsPath: 'packages/core/README.md#errors',
        hint: `Install ${packages.length > 1 ? 'them' : 'it'} next to @storydao/*: ${install}`,
        metaMessages: [`Install: ${install}`],
        version: version ?? `@storydao/core@${coreVersion}`,
      },
    )
    this.packages = packages
  }

  /**
   * Whether `error` says the module `specifier` could not be found (Node's
   * ESM and CommonJS loaders, and vite's, word it differently), so a loader
   * can turn exactly that into this error and let anything else through.
   */
  static isModuleNotFound(error: unknown, specifier: string): boolean {
    if (!(error instanceof Error)) return false
    const code = (error as { code?: unknown }).code
    const aboutIt = error.message.includes(specifier)
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND')
      return aboutIt
    return (
      aboutIt &&
      /cannot find (package|module)|failed to (load|resolve)/i.test(
        error.message,
      )
    )
  }
}
