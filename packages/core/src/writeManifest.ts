import { resolve } from 'node:path'
import type {
  ManifestErrorType,
  ManifestFileErrorType,
  ManifestLockedErrorType,
  ManifestParseErrorType,
  ManifestReadOnlyErrorType,
} from './errors/manifest.js'
import {
  assertParameters,
  type MissingParameterErrorType,
} from './errors/parameters.js'
import { version } from './errors/version.js'
import { commitManifest } from './internal/commitManifest.js'
import {
  assertWritable,
  displayPath,
  resolveWriteTarget,
} from './internal/fileSystem.js'
import {
  defaultStaleLockMs,
  withManifestLock,
} from './internal/manifestLock.js'
import type { Manifest } from './manifestSchema.js'
import { parseManifest } from './parseManifest.js'

/** How a manifest is written: archive, lock waits. Shared with {@link updateManifest}. */
export type ManifestWriteSettings = {
  /**
   * Where the previous version is archived as
   * `<YYYY-MM-DD>-<network>-pre.json` (UTC date; `-<HHmmss>` and then a
   * counter are added when taken). Default: `archive/` next to the manifest.
   */
  archiveDir?: string | undefined
  /**
   * Set `false` to skip archiving, for throwaway manifests only (a local
   * chain's, rewritten on every start). Default `true`.
   */
  archive?: boolean | undefined
  /** How long to wait for another writer's lock. Default 10 000 ms. */
  lockTimeoutMs?: number | undefined
  /**
   * A lock whose holder has shown no heartbeat for this long is taken over
   * (a dead holder on the same host is detected at once by pid). Default
   * 30 000 ms.
   */
  staleLockMs?: number | undefined
}

export type WriteManifestParameters = ManifestWriteSettings & {
  /** The manifest to write. */
  manifest: Manifest
}

export type WriteManifestReturnType = {
  /**
   * The manifest as written (validated), with the `$schema` reference that
   * was written.
   */
  manifest: Manifest
  /**
   * Absolute path of the file that was written: the given path with symlinks
   * resolved (a link stays a link; its target changes).
   */
  path: string
  /** The path as given, absolute (differs from `path` when it is a symlink). */
  requestedPath: string
  /** Absolute path of the archived previous version (undefined when there was none or nothing changed). */
  archivePath: string | undefined
  /** `false` when the file already had exactly this content (nothing was written or archived). */
  changed: boolean
}

export type WriteManifestErrorType =
  | ManifestErrorType
  | ManifestParseErrorType
  | ManifestLockedErrorType
  | ManifestFileErrorType
  | ManifestReadOnlyErrorType
  | MissingParameterErrorType

/**
 * Validates and writes a manifest, crash-safe and exclusive:
 *
 * 1. validates with {@link parseManifest} (a failure writes nothing: neither
 *    manifest nor archive);
 * 2. resolves symlinks: the file a link points to is locked and written, and
 *    the link stays a link;
 * 3. takes `<file>.lock` (a directory renamed into place; waits for a live
 *    writer, takes over a dead one's; `ManifestLockedError` after
 *    `lockTimeoutMs`);
 * 4. archives the current file, if any, to `archiveDir` without ever
 *    overwriting an archive;
 * 5. writes {@link serializeManifest}'s text to a temp file in the same
 *    directory, fsyncs it, renames it over the manifest, fsyncs the
 *    directory.
 *
 * A failure (disk full, …) removes what it created: temp files, and the
 * archive of the update that did not happen; a retry then starts clean. A
 * read-only file system fails first with `ManifestReadOnlyError`. A file that
 * already holds exactly this text is left alone.
 *
 * `$schema` is written so editors find the JSON Schema from the manifest's
 * folder: `./manifest.schema.json` when it sits next to the manifest, else
 * the schema of the installed `@storydao/core` (a relative path into
 * `node_modules`), else {@link manifestSchemaUrl}. A `$schema` that already
 * resolves is kept. To change a manifest that others may change concurrently,
 * use {@link updateManifest}.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#writemanifest
 *
 * @example
 * ```ts
 * import { writeManifest } from '@storydao/core'
 *
 * const { path, archivePath } = await writeManifest('deployments/local.json', {
 *   manifest,
 * })
 * ```
 *
 * @param path - The manifest file (created with its directory when missing).
 * @param parameters - {@link WriteManifestParameters}
 * @returns What was written and archived.
 */
export async function writeManifest(
  path: string,
  parameters: WriteManifestParameters,
): Promise<WriteManifestReturnType> {
  assertParameters('writeManifest', { path }, ['path'], { version })
  assertParameters('writeManifest', parameters, ['manifest'], { version })
  const requestedPath = resolve(path)
  const valid = parseManifest({
    input: parameters.manifest,
    source: displayPath(requestedPath),
  })
  const target = await resolveWriteTarget(requestedPath)
  await assertWritable(target)
  const result = await withManifestLock(target, parameters, () =>
    commitManifest(target, valid, {
      archive: parameters.archive ?? true,
      archiveDir: parameters.archiveDir,
      staleLockMs: parameters.staleLockMs ?? defaultStaleLockMs,
    }),
  )
  return { ...result, requestedPath }
}
