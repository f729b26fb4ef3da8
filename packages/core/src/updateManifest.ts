import { resolve } from 'node:path'
import { OpsError } from './errors/base.js'
import {
  type ManifestErrorType,
  type ManifestFileErrorType,
  type ManifestLockedErrorType,
  type ManifestNotFoundErrorType,
  type ManifestParseErrorType,
  type ManifestReadOnlyErrorType,
  ManifestUpdaterError,
  type ManifestUpdaterErrorType,
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
import { readManifestFile } from './internal/readManifestFile.js'
import type { Manifest } from './manifestSchema.js'
import { parseManifest } from './parseManifest.js'
import type {
  ManifestWriteSettings,
  WriteManifestReturnType,
} from './writeManifest.js'

export type UpdateManifestParameters = ManifestWriteSettings & {
  /**
   * Returns the next manifest (may be async). Receives a fresh copy of the
   * current one, which it may mutate and return.
   */
  update: (current: Manifest) => Manifest | Promise<Manifest>
}

export type UpdateManifestReturnType = WriteManifestReturnType

export type UpdateManifestErrorType =
  | ManifestErrorType
  | ManifestParseErrorType
  | ManifestNotFoundErrorType
  | ManifestLockedErrorType
  | ManifestFileErrorType
  | ManifestReadOnlyErrorType
  | ManifestUpdaterErrorType
  | MissingParameterErrorType

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
 * Symlinks are resolved as in {@link writeManifest}: every link to one file
 * takes the same lock and updates that file, so concurrent updates through
 * different links lose nothing.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#updatemanifest
 *
 * @example
 * ```ts
 * import { updateManifest } from '@storydao/core'
 *
 * await updateManifest('deployments/local.json', {
 *   update: (manifest) => ({
 *     ...manifest,
 *     upgrades: (manifest.upgrades ?? []).map((upgrade) =>
 *       upgrade.id === '2026-11-26-authorcoin-v2'
 *         ? { ...upgrade, status: 'executed', executedTx: '0x…' }
 *         : upgrade,
 *     ),
 *   }),
 * })
 * ```
 *
 * @param path - The manifest file (must exist; create one with `writeManifest`).
 * @param parameters - {@link UpdateManifestParameters}
 * @returns What was written and archived.
 */
export async function updateManifest(
  path: string,
  parameters: UpdateManifestParameters,
): Promise<UpdateManifestReturnType> {
  assertParameters('updateManifest', { path }, ['path'], { version })
  assertParameters('updateManifest', parameters, ['update'], { version })
  const requestedPath = resolve(path)
  const target = await resolveWriteTarget(requestedPath)
  const shown = displayPath(target)
  await assertWritable(target)
  const result = await withManifestLock(target, parameters, async () => {
    const next = await runUpdater(
      shown,
      parameters.update,
      await readManifestFile(target),
    )
    return commitManifest(
      target,
      parseManifest({ input: next, source: shown }),
      {
        archive: parameters.archive ?? true,
        archiveDir: parameters.archiveDir,
        staleLockMs: parameters.staleLockMs ?? defaultStaleLockMs,
      },
    )
  })
  return { ...result, requestedPath }
}

/** Calls the updater; a foreign error is wrapped so callers get a code. */
async function runUpdater(
  shown: string,
  update: UpdateManifestParameters['update'],
  current: Manifest,
): Promise<Manifest> {
  try {
    return await update(current)
  } catch (error) {
    if (error instanceof OpsError) throw error
    throw new ManifestUpdaterError({ path: shown, cause: error })
  }
}
