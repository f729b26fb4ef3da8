import { getErrorConfig } from './errorConfig.js'
import { version } from './version.js'

/** Parameters of the {@link OpsError} constructor. */
export type OpsErrorParameters = {
  /** Stable, machine-readable identifier (`MANIFEST_INVALID`, …). */
  code: string
  /** How to fix it, printed as `Hint:`. */
  hint?: string | undefined
  /** The foreign or lower-level error this one wraps. */
  cause?: unknown
  /** Extra detail; defaults to the cause's details or message. */
  details?: string | undefined
  /** Documentation path printed as `Docs:`. */
  docsPath?: string | undefined
  /** Lines with concrete values, printed under the short message. */
  metaMessages?: string[] | undefined
  /** Overrides the error's `name`. */
  name?: string | undefined
  /**
   * The package that raises the error, as `@storydao/<name>@<version>`
   * (printed as `Version:`). Each package passes its own.
   */
  version?: string | undefined
}

export type OpsErrorType = OpsError & { name: 'OpsError' }

/**
 * Base error of every `@storydao/*` package, shaped like viem's `BaseError`
 * (`shortMessage`, `metaMessages`, `details`, `docsPath`, `cause`, `version`,
 * `walk`) plus a stable `code` and an optional `hint`.
 *
 * The message reads: short message, meta lines, `Hint:`, `Docs:`, `Details:`,
 * `Version:`.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors
 *
 * @example
 * ```ts
 * import { OpsError } from '@storydao/core'
 *
 * try {
 *   // …
 * } catch (error) {
 *   if (error instanceof OpsError) console.error(error.code, error.hint)
 * }
 * ```
 */
export class OpsError extends Error {
  /** Stable, machine-readable identifier. */
  code: string
  /** Extra detail (the wrapped error's message, when there is one). */
  details: string
  /** Documentation path, if any. */
  docsPath?: string | undefined
  /** How to fix it. */
  hint?: string | undefined
  /** Lines with concrete values. */
  metaMessages?: string[] | undefined
  /** The message without meta lines, hint, docs, details or version. */
  shortMessage: string
  /** Package version that raised the error. */
  version: string

  override name = 'OpsError'

  constructor(shortMessage: string, parameters: OpsErrorParameters) {
    const cause = parameters.cause
    const details = (() => {
      if (cause instanceof OpsError) return cause.details
      if (cause instanceof Error && cause.message) {
        // A viem error's `shortMessage` is the readable part of its message.
        const short = (cause as { shortMessage?: unknown }).shortMessage
        return typeof short === 'string' && short ? short : cause.message
      }
      if (typeof cause === 'string') return cause
      return parameters.details ?? ''
    })()
    const docsPath =
      cause instanceof OpsError
        ? cause.docsPath || parameters.docsPath
        : parameters.docsPath
    const errorConfig = getErrorConfig()
    const docsUrl = errorConfig.getDocsUrl?.({ docsPath })
    const errorVersion = errorConfig.version ?? parameters.version ?? version

    const message = [
      shortMessage || 'An error occurred.',
      '',
      ...(parameters.metaMessages ? [...parameters.metaMessages, ''] : []),
      ...(parameters.hint ? [`Hint: ${parameters.hint}`] : []),
      ...(docsUrl ? [`Docs: ${docsUrl}`] : []),
      ...(details ? [`Details: ${details}`] : []),
      `Version: ${errorVersion}`,
    ].join('\n')

    super(message, cause === undefined ? undefined : { cause })

    this.code = parameters.code
    this.details = details
    this.docsPath = docsPath
    this.hint = parameters.hint
    this.metaMessages = parameters.metaMessages
    this.name = parameters.name ?? this.name
    this.shortMessage = shortMessage
    this.version = errorVersion
  }

  /**
   * Follows the `cause` chain. Without `fn`, returns the innermost error; with
   * `fn`, the first error (this one included) for which it returns `true`, or
   * `null`.
   */
  walk(): unknown
  walk(fn: (error: unknown) => boolean): unknown
  walk(fn?: (error: unknown) => boolean): unknown {
    return walk(this, fn)
  }
}

function walk(
  error: unknown,
  fn?: ((error: unknown) => boolean) | undefined,
): unknown {
  if (fn?.(error)) return error
  if (
    error &&
    typeof error === 'object' &&
    'cause' in error &&
    error.cause !== undefined
  )
    return walk(error.cause, fn)
  return fn ? null : error
}
