import { OpsError } from './base.js'

/**
 * One problem found in a manifest.
 *
 * @example
 * ```ts
 * import type { ManifestIssue } from '@storydao/core'
 *
 * const issue: ManifestIssue = {
 *   code: 'address_not_checksummed',
 *   path: 'contracts.AuthorCoin.address',
 *   message: 'Address 0x5fbd… is not checksummed.',
 *   hint: 'Write it as 0x5FbD… (its EIP-55 checksummed form, viem getAddress).',
 * }
 * ```
 */
export type ManifestIssue = {
  /** Stable issue code (`address_not_checksummed`, `unknown_key`, …). */
  code: string
  /** JSON path of the offending value (`contracts.AuthorCoin.address`); `$` is the root. */
  path: string
  /** What is wrong. */
  message: string
  /** How to fix it. */
  hint?: string | undefined
}

export type ManifestErrorType = ManifestError & { name: 'ManifestError' }

/**
 * A manifest failed validation. Lists every problem with its JSON path and a
 * hint; `issues` holds them as data.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors
 *
 * @example
 * ```ts
 * import { ManifestError, parseManifest } from '@storydao/core'
 *
 * try {
 *   parseManifest({ input: {}, source: 'deployments/local.json' })
 * } catch (error) {
 *   if (error instanceof ManifestError)
 *     for (const issue of error.issues) console.error(issue.path, issue.message)
 * }
 * ```
 */
export class ManifestError extends OpsError {
  override name = 'ManifestError'
  /** The file (or label) that was validated. */
  source: string
  /** Every problem found. */
  issues: readonly ManifestIssue[]

  constructor({
    source,
    issues,
  }: {
    source: string
    issues: readonly ManifestIssue[]
  }) {
    const count =
      issues.length === 1 ? '1 problem' : `${issues.length} problems`
    super(`Invalid manifest ${source}: ${count}.`, {
      code: 'MANIFEST_INVALID',
      metaMessages: issues.flatMap((issue) => [
        `- ${issue.path}: ${issue.message}`,
        ...(issue.hint ? [`  Hint: ${issue.hint}`] : []),
      ]),
    })
    this.source = source
    this.issues = issues
  }
}

export type ManifestParseErrorType = ManifestParseError & {
  name: 'ManifestParseError'
}

/**
 * A manifest file is not valid JSON (or is empty).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors
 *
 * @example
 * ```ts
 * import { ManifestParseError, loadManifest } from '@storydao/core'
 *
 * try {
 *   await loadManifest('local')
 * } catch (error) {
 *   if (error instanceof ManifestParseError) console.error(error.line, error.column)
 * }
 * ```
 */
export class ManifestParseError extends OpsError {
  override name = 'ManifestParseError'
  /** The file that was read. */
  source: string
  /** 1-based line of the syntax error, when known. */
  line?: number | undefined
  /** 1-based column of the syntax error, when known. */
  column?: number | undefined

  constructor({
    source,
    reason,
    line,
    column,
    cause,
  }: {
    source: string
    reason: string
    line?: number | undefined
    column?: number | undefined
    cause?: unknown
  }) {
    const at =
      line === undefined ? '' : ` at line ${line}, column ${column ?? 1}`
    super(`Manifest ${source} is not valid JSON${at}.`, {
      code: 'MANIFEST_PARSE',
      cause,
      details: reason,
      hint: `Fix the JSON syntax${at} (a missing comma, quote or bracket, or a trailing comma), or restore the file from its archive/ copy.`,
    })
    this.source = source
    this.line = line
    this.column = column
  }
}

export type ManifestNotFoundErrorType = ManifestNotFoundError & {
  name: 'ManifestNotFoundError'
}

/**
 * No manifest at the given path (or for the given network name).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors
 *
 * @example
 * ```ts
 * import { ManifestNotFoundError, loadManifest } from '@storydao/core'
 *
 * try {
 *   await loadManifest('holesky')
 * } catch (error) {
 *   if (error instanceof ManifestNotFoundError) console.error(error.available)
 * }
 * ```
 */
export class ManifestNotFoundError extends OpsError {
  override name = 'ManifestNotFoundError'
  /** The path that does not exist. */
  path: string
  /** Network names that do have a manifest in the same directory. */
  available: readonly string[]

  constructor({
    path,
    available,
    cause,
  }: {
    path: string
    available: readonly string[]
    cause?: unknown
  }) {
    super(`Manifest not found: ${path}.`, {
      code: 'MANIFEST_NOT_FOUND',
      cause,
      hint:
        available.length > 0
          ? `Manifests in that directory: ${available.join(', ')}. Pass one of these names, a path, or \`deploymentsDir\`.`
          : 'Check the path (relative paths resolve from the current directory) or `deploymentsDir`; create a new manifest with writeManifest.',
    })
    this.path = path
    this.available = available
  }
}

export type ManifestFileErrorType = ManifestFileError & {
  name: 'ManifestFileError'
}

/**
 * Reading or writing a manifest (or its archive copy) failed at the file
 * system level; `cause` holds the Node.js error.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors
 *
 * @example
 * ```ts
 * import { ManifestFileError, writeManifest } from '@storydao/core'
 *
 * try {
 *   await writeManifest('deployments/local.json', { manifest })
 * } catch (error) {
 *   if (error instanceof ManifestFileError) console.error(error.operation, error.path)
 * }
 * ```
 */
export class ManifestFileError extends OpsError {
  override name = 'ManifestFileError'
  /** What was being done. */
  operation: 'read' | 'write' | 'archive' | 'lock'
  /** The file involved. */
  path: string

  constructor({
    operation,
    path,
    cause,
  }: {
    operation: 'read' | 'write' | 'archive' | 'lock'
    path: string
    cause: unknown
  }) {
    const code = (cause as { code?: unknown } | undefined)?.code
    super(`Could not ${operation} ${path}.`, {
      code: 'MANIFEST_FILE',
      cause,
      hint:
        code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'Check the permissions of the file and its directory.'
          : operation === 'read'
            ? 'Check that the path is a readable file.'
            : 'Nothing was replaced: the previous manifest is intact. Check free space and permissions, then retry.',
    })
    this.operation = operation
    this.path = path
  }
}

export type ManifestReadOnlyErrorType = ManifestReadOnlyError & {
  name: 'ManifestReadOnlyError'
}

/**
 * A manifest cannot be written because its file or directory is read-only (a
 * read-only mount, or no write permission); `cause` holds the Node.js error
 * (`EROFS`, `EACCES` or `EPERM`). Nothing was changed.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors
 *
 * @example
 * ```ts
 * import { ManifestReadOnlyError, writeManifest } from '@storydao/core'
 *
 * try {
 *   await writeManifest('/mnt/ro/local.json', { manifest })
 * } catch (error) {
 *   if (error instanceof ManifestReadOnlyError) console.error(error.path)
 * }
 * ```
 */
export class ManifestReadOnlyError extends OpsError {
  override name = 'ManifestReadOnlyError'
  /** The read-only file or directory. */
  path: string

  constructor({ path, cause }: { path: string; cause: unknown }) {
    const code = (cause as { code?: unknown } | undefined)?.code
    super(`Cannot write ${path}: it is read-only.`, {
      code: 'MANIFEST_READ_ONLY',
      cause,
      docsPath: 'packages/core/README.md#writemanifest',
      metaMessages: [
        `Path:   ${path}`,
        `Reason: ${code === 'EROFS' ? 'read-only file system (EROFS)' : `no write permission (${String(code ?? 'EACCES')})`}`,
      ],
      hint:
        code === 'EROFS'
          ? 'The file system is mounted read-only: write the manifest to a writable location, or remount it read-write.'
          : 'Grant write permission on the manifest and its directory (the lock and temp files are created next to it), or run as a user who has it.',
    })
    this.path = path
  }
}

export type ManifestLockedErrorType = ManifestLockedError & {
  name: 'ManifestLockedError'
}

/** Who holds a manifest lock, as recorded in the lock. */
export type ManifestLockHolder = {
  /** Process id of the writer. */
  pid: number
  /** Host name of the writer. */
  hostname: string
  /** When the lock was taken (ISO 8601). */
  createdAt: string
}

/**
 * Another writer held the manifest's lock for longer than the allowed wait.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors
 *
 * @example
 * ```ts
 * import { ManifestLockedError, updateManifest } from '@storydao/core'
 *
 * try {
 *   await updateManifest('deployments/local.json', {
 *     update: (m) => m,
 *     lockTimeoutMs: 1_000,
 *   })
 * } catch (error) {
 *   if (error instanceof ManifestLockedError) console.error(error.lockPath)
 * }
 * ```
 */
export class ManifestLockedError extends OpsError {
  override name = 'ManifestLockedError'
  /** The manifest being written. */
  path: string
  /** The lock (a directory holding the holder's `<token>.json`). */
  lockPath: string
  /** The holder, when the lock could be read. */
  holder?: ManifestLockHolder | undefined
  /** How long this writer waited, in milliseconds. */
  waitedMs: number

  constructor({
    path,
    lockPath,
    holder,
    waitedMs,
  }: {
    path: string
    lockPath: string
    holder?: ManifestLockHolder | undefined
    waitedMs: number
  }) {
    super(`Manifest ${path} is locked by another writer.`, {
      code: 'MANIFEST_LOCKED',
      metaMessages: [
        `Lock:      ${lockPath}`,
        holder
          ? `Held by:   pid ${holder.pid} on ${holder.hostname} since ${holder.createdAt}`
          : 'Held by:   unknown (lock unreadable)',
        `Waited:    ${waitedMs} ms`,
      ],
      hint: `Wait for the other writer and retry. If no writer is running (e.g. it crashed on another host), delete ${lockPath} (\`rm -r ${lockPath}\`).`,
    })
    this.path = path
    this.lockPath = lockPath
    this.holder = holder
    this.waitedMs = waitedMs
  }
}

export type ManifestUpdaterErrorType = ManifestUpdaterError & {
  name: 'ManifestUpdaterError'
}

/**
 * The function given to `updateManifest` threw something that is not an
 * `OpsError`; `cause` holds it. Nothing was written.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors
 *
 * @example
 * ```ts
 * import { ManifestUpdaterError, updateManifest } from '@storydao/core'
 *
 * try {
 *   await updateManifest('deployments/local.json', {
 *     update: () => {
 *       throw new TypeError('oops')
 *     },
 *   })
 * } catch (error) {
 *   if (error instanceof ManifestUpdaterError) console.error(error.cause)
 * }
 * ```
 */
export class ManifestUpdaterError extends OpsError {
  override name = 'ManifestUpdaterError'
  /** The manifest being updated. */
  path: string

  constructor({ path, cause }: { path: string; cause: unknown }) {
    super(`The update function for ${path} threw; nothing was written.`, {
      code: 'MANIFEST_UPDATER_FAILED',
      cause,
      hint: 'See Details (and `cause`) for the original error.',
    })
    this.path = path
  }
}
