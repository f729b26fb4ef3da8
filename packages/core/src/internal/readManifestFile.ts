import { readdir, readFile } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { ManifestFileError, ManifestNotFoundError } from '../errors/manifest.js'
import type { Manifest } from '../manifestSchema.js'
import { parseManifest } from '../parseManifest.js'
import { displayPath, errorCode } from './fileSystem.js'

const notManifests = new Set(['networks.json', 'manifest.schema.json'])

/** @internal Network names that have a manifest in `dir`. */
export async function listManifests(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((name) => name.endsWith('.json') && !notManifests.has(name))
      .map((name) => name.slice(0, -'.json'.length))
      .sort()
  } catch {
    return []
  }
}

/** @internal Reads and validates the manifest at an absolute path. */
export async function readManifestFile(path: string): Promise<Manifest> {
  const shown = displayPath(path)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (errorCode(error) === 'ENOENT')
      throw new ManifestNotFoundError({
        path: shown,
        available: (await listManifests(dirname(path))).filter(
          (name) => `${name}.json` !== basename(path),
        ),
        cause: error,
      })
    throw new ManifestFileError({
      operation: 'read',
      path: shown,
      cause: error,
    })
  }
  return parseManifest({ input: text, source: shown })
}
