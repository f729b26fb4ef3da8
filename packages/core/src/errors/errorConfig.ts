/** Settings that shape every {@link OpsError} message. */
export type ErrorConfig = {
  /** Turns an error's `docsPath` into the `Docs:` line (omitted when it returns `undefined`). */
  getDocsUrl?:
    | ((args: { docsPath?: string | undefined }) => string | undefined)
    | undefined
  /**
   * Overrides the `Version:` line of every error (tests pin it so snapshots
   * survive releases). By default each error names the package that raised it.
   */
  version?: string | undefined
}

/**
 * Where the repository's documentation lives; every `docsPath` is relative to
 * it, so a `Docs:` link works for someone who installed the package from npm.
 */
export const docsBaseUrl = 'https://github.com/storydao/ops-sdk/blob/main/'

/** @internal `docsPath` as an absolute URL (what `toDocsUrl` returns). */
export function docsUrlOf(docsPath: string): string {
  return new URL(docsPath.replace(/^\/+/, ''), docsBaseUrl).href
}

/** @internal */
export const defaultErrorConfig: ErrorConfig = {
  getDocsUrl: ({ docsPath }) => (docsPath ? docsUrlOf(docsPath) : undefined),
}

// Kept apart from OpsError (which reads it) and setErrorConfig (which checks
// its argument with an OpsError subclass), so neither imports the other.
let errorConfig: ErrorConfig = defaultErrorConfig

/** @internal The settings every OpsError message is built with. */
export function getErrorConfig(): ErrorConfig {
  return errorConfig
}

/** @internal Replaces the settings (setErrorConfig checks the argument). */
export function replaceErrorConfig(config: ErrorConfig): void {
  errorConfig = { ...defaultErrorConfig, ...config }
}
