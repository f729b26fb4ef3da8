import { resolve } from 'node:path'
import { OpsError } from './errors/base.js'
import {
  type ManifestErrorType,
  type ManifestFileErrorType,
  type ManifestLockedErrorType,
  type ManifestNotFoundErrorType,
  type ManifestParseErrorType,
  ManifestUpdaterError,
  type ManifestUpdaterErrorType,
} from './errors/manifest.js'
import { commitManifest } from './internal/commitManifest.js'
import { displayPath } from './internal/fileSystem.js'
import {
  defaultStaleLockMs,
  withManifestLock,
} from './internal/manifestLock.js'
import { readManifestFile } from './internal/readManifestFile.js'
import type { Manifest } from './manifestSchema.js'
import { parseManifest } from './parseManifest.js'
import type {
  WriteManifestParameters,
  WriteManifestReturnType,
} from './writeManifest.js'

export type UpdateManifestParameters = WriteManifestParameters

export type UpdateManifestReturnType = WriteManifestReturnType

export type UpdateManifestErrorType =
  | ManifestErrorType
  | ManifestParseErrorType
  | ManifestNotFoundErrorType
  | ManifestLockedErrorType
  | ManifestFileErrorType
  | ManifestUpdaterErrorType

/**
 * Read-modify-write of a manifest under its lock: reads and validates the
 * current file, calls `update` with it, validates the result and writes it as
 * {@link writeManifest} does (archive first, atomic replace). Because the read
 * happens under the lock, concurrent updaters (other processes included)
 * never lose each other's changes.
 *
 * `update` receives a fresh copy it may mutate and return. If it throws, or
 * its result is invalid, nothing is written.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#updatemanifest
 *
 * @example
 * ```ts
 * import { updateManifest } from '@storydao/core'
 *
 * await updateManifest('deployments/local.json', (manifest) => ({
 *   ...manifest,
 *   upgrades: (manifest.upgrades ?? []).map((upgrade) =>
 *     upgrade.id === '2026-11-26-authorcoin-v2'
 *       ? { ...upgrade, status: 'executed', executedTx: '0x…' }
 *       : upgrade,
 *   ),
 * }))
 * ```
 *
 * @param path - The manifest file (must exist; create one with `writeManifest`).
 * @param update - Returns the next manifest (may be async).
 * @param options - {@link UpdateManifestParameters}
 * @returns What was written and archived.
 */
export async function updateManifest(
  path: string,
  update: (current: Manifest) => Manifest | Promise<Manifest>,
  options: UpdateManifestParameters = {},
): Promise<UpdateManifestReturnType> {
  const absolute = resolve(path)
  const shown = displayPath(absolute)
  return withManifestLock(absolute, options, async () => {
    const current = await readManifestFile(absolute)
    let next: Manifest
    try {
      next = await update(current)
    } catch (error) {
      if (error instanceof OpsError) throw error
      throw new ManifestUpdaterError({ path: shown, cause: error })
    }
    const valid = parseManifest(next, shown)
    return commitManifest(absolute, valid, {
      archive: options.archive ?? true,
      archiveDir: options.archiveDir,
      staleLockMs: options.staleLockMs ?? defaultStaleLockMs,
    })
  })
}
