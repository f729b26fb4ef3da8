import { mkdir, readFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { ManifestFileError } from '../errors/manifest.js'
import type { Manifest } from '../manifestSchema.js'
import { serializeManifest } from '../serializeManifest.js'
import {
  displayPath,
  errorCode,
  removeStaleTemps,
  writeFileAtomic,
  writeFileExclusive,
} from './fileSystem.js'

/** @internal What a manifest write did. */
export type CommitResult = {
  manifest: Manifest
  path: string
  archivePath: string | undefined
  changed: boolean
}

/** @internal */
export function defaultArchiveDir(path: string): string {
  return join(dirname(resolve(path)), 'archive')
}

function archiveNames(network: string, now: Date) {
  const iso = now.toISOString()
  const date = iso.slice(0, 10)
  const time = iso.slice(11, 19).replaceAll(':', '')
  return (attempt: number) =>
    attempt === 0
      ? `${date}-${network}-pre.json`
      : attempt === 1
        ? `${date}-${network}-pre-${time}.json`
        : `${date}-${network}-pre-${time}-${attempt}.json`
}

/**
 * @internal Writes a validated manifest; the caller holds the lock. Archives
 * the current file first (raw bytes, whatever they are), then replaces it
 * atomically. An identical file is left alone (nothing written or archived).
 */
export async function commitManifest(
  path: string,
  manifest: Manifest,
  options: {
    archive: boolean
    archiveDir?: string | undefined
    staleLockMs: number
  },
): Promise<CommitResult> {
  const absolute = resolve(path)
  const shown = displayPath(absolute)
  const text = serializeManifest(manifest)
  const archiveDir = options.archiveDir
    ? resolve(options.archiveDir)
    : defaultArchiveDir(absolute)

  let previous: Buffer | undefined
  try {
    previous = await readFile(absolute)
  } catch (error) {
    if (errorCode(error) !== 'ENOENT')
      throw new ManifestFileError({
        operation: 'read',
        path: shown,
        cause: error,
      })
  }
  if (previous?.equals(Buffer.from(text)))
    return { manifest, path: absolute, archivePath: undefined, changed: false }

  // Temp files of writers killed mid-write. We hold this manifest's lock, so
  // none of its own temps is live; the archive directory may be shared with
  // other manifests, so there only old ones go.
  await Promise.all([
    removeStaleTemps(dirname(absolute), `.${basename(absolute)}.`, 0),
    removeStaleTemps(archiveDir, '.', options.staleLockMs),
  ])

  let archivePath: string | undefined
  if (previous && options.archive) {
    try {
      await mkdir(archiveDir, { recursive: true })
      archivePath = await writeFileExclusive(
        archiveDir,
        archiveNames(manifest.network.name, new Date()),
        previous,
      )
    } catch (error) {
      throw new ManifestFileError({
        operation: 'archive',
        path: displayPath(archiveDir),
        cause: error,
      })
    }
  }

  try {
    await writeFileAtomic(absolute, text)
  } catch (error) {
    throw new ManifestFileError({
      operation: 'write',
      path: shown,
      cause: error,
    })
  }
  return { manifest, path: absolute, archivePath, changed: true }
}
