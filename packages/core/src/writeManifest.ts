import { resolve } from 'node:path'
import type {
  ManifestErrorType,
  ManifestFileErrorType,
  ManifestLockedErrorType,
  ManifestParseErrorType,
} from './errors/manifest.js'
import { commitManifest } from './internal/commitManifest.js'
import { displayPath } from './internal/fileSystem.js'
import {
  defaultStaleLockMs,
  withManifestLock,
} from './internal/manifestLock.js'
import type { Manifest } from './manifestSchema.js'
import { parseManifest } from './parseManifest.js'

export type WriteManifestParameters = {
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

export type WriteManifestReturnType = {
  /** The manifest as written (validated). */
  manifest: Manifest
  /** Absolute path of the manifest. */
  path: string
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

/**
 * Validates and writes a manifest, crash-safe and exclusive:
 *
 * 1. validates with {@link parseManifest} (a failure writes nothing: neither
 *    manifest nor archive);
 * 2. takes `<path>.lock` (a directory renamed into place; waits for a live
 *    writer, takes over a dead one's; `ManifestLockedError` after
 *    `lockTimeoutMs`);
 * 3. archives the current file, if any, to `archiveDir` without ever
 *    overwriting an archive;
 * 4. writes {@link serializeManifest}'s text to a temp file in the same
 *    directory, fsyncs it, renames it over the manifest, fsyncs the
 *    directory.
 *
 * A file that already holds exactly this text is left alone. To change a
 * manifest that others may change concurrently, use {@link updateManifest}.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#writemanifest
 *
 * @example
 * ```ts
 * import { writeManifest } from '@storydao/core'
 *
 * const { archivePath } = await writeManifest('deployments/local.json', manifest)
 * ```
 *
 * @param path - The manifest file (created with its directory when missing).
 * @param manifest - The manifest to write.
 * @param options - {@link WriteManifestParameters}
 * @returns What was written and archived.
 */
export async function writeManifest(
  path: string,
  manifest: Manifest,
  options: WriteManifestParameters = {},
): Promise<WriteManifestReturnType> {
  const absolute = resolve(path)
  const valid = parseManifest(manifest, displayPath(absolute))
  return withManifestLock(absolute, options, () =>
    commitManifest(absolute, valid, {
      archive: options.archive ?? true,
      archiveDir: options.archiveDir,
      staleLockMs: options.staleLockMs ?? defaultStaleLockMs,
    }),
  )
}
