import { mkdir, readFile, rmdir, unlink } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import type { Manifest } from '../manifestSchema.js'
import { serializeManifest } from '../serializeManifest.js'
import {
  errorCode,
  removeStaleTemps,
  toFileError,
  writeFileAtomic,
  writeFileExclusive,
} from './fileSystem.js'
import { resolveManifestSchemaRef } from './manifestSchemaReference.js'

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

/** An archive written by this commit, and the directories it created. */
type Archived = { path: string; createdDir: string | undefined }

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

/** The current file's bytes, or `undefined` when there is none yet. */
async function readPrevious(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined
    throw toFileError('read', path, error)
  }
}

/**
 * Removes the directories `mkdir -p` created, deepest first, as long as they
 * are empty (another manifest's writer may have archived into them since).
 */
async function removeCreatedDirs(
  dir: string,
  createdDir: string | undefined,
): Promise<void> {
  if (!createdDir) return
  for (let current = dir; ; current = dirname(current)) {
    try {
      await rmdir(current)
    } catch {
      return
    }
    if (current === createdDir || dirname(current) === current) return
  }
}

/** Copies the previous bytes into `archiveDir` under a fresh name. */
async function archivePrevious(
  archiveDir: string,
  network: string,
  previous: Buffer,
): Promise<Archived> {
  let createdDir: string | undefined
  try {
    createdDir = await mkdir(archiveDir, { recursive: true })
    const path = await writeFileExclusive(
      archiveDir,
      archiveNames(network, new Date()),
      previous,
    )
    return { path, createdDir }
  } catch (error) {
    await removeCreatedDirs(archiveDir, createdDir)
    throw toFileError('archive', archiveDir, error)
  }
}

/** Takes back an archive whose update never happened. */
async function undoArchive(
  archiveDir: string,
  archived: Archived | undefined,
): Promise<void> {
  if (!archived) return
  await unlink(archived.path).catch(() => {})
  await removeCreatedDirs(archiveDir, archived.createdDir)
}

/**
 * @internal Writes a validated manifest to `path` (already resolved through
 * symlinks); the caller holds the lock. Archives the current file first (raw
 * bytes, whatever they are), then replaces it atomically. An identical file
 * is left alone (nothing written or archived). A failure leaves nothing
 * behind: no temp file, and no archive of an update that did not happen.
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
  const archiveDir = options.archiveDir
    ? resolve(options.archiveDir)
    : defaultArchiveDir(path)
  const written: Manifest = {
    ...manifest,
    $schema: await resolveManifestSchemaRef(dirname(path), manifest.$schema),
  }
  const text = serializeManifest(written)
  const previous = await readPrevious(path)
  if (previous?.equals(Buffer.from(text)))
    return { manifest: written, path, archivePath: undefined, changed: false }

  // Temp files of writers killed mid-write. We hold this manifest's lock, so
  // none of its own temps is live; the archive directory may be shared with
  // other manifests, so there only old ones go.
  await Promise.all([
    removeStaleTemps(dirname(path), `.${basename(path)}.`, 0),
    removeStaleTemps(archiveDir, '.', options.staleLockMs),
  ])

  const archived =
    previous && options.archive
      ? await archivePrevious(archiveDir, manifest.network.name, previous)
      : undefined
  try {
    await writeFileAtomic(path, text)
  } catch (error) {
    await undoArchive(archiveDir, archived)
    throw toFileError('write', path, error)
  }
  return { manifest: written, path, archivePath: archived?.path, changed: true }
}
