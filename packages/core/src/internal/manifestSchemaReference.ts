import { access } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { manifestSchemaRef, manifestSchemaUrl } from '../manifestConstants.js'

/** Where an installed @storydao/core keeps its schema, inside node_modules. */
const installedSchema = join(
  'node_modules',
  '@storydao',
  'core',
  'manifest.schema.json',
)

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}

function toReference(from: string, to: string): string {
  const path = relative(from, to).split(sep).join('/')
  return path.startsWith('.') ? path : `./${path}`
}

/**
 * The installed schema, found the way Node.js finds packages (each ancestor's
 * node_modules) but without following symlinks: pnpm links packages from a
 * versioned store folder, and a reference into it would break on upgrade.
 */
async function findInstalledSchema(dir: string): Promise<string | undefined> {
  for (let current = dir; ; current = dirname(current)) {
    const candidate = join(current, installedSchema)
    if (await exists(candidate)) return candidate
    if (dirname(current) === current) return undefined
  }
}

/**
 * @internal The `$schema` to write into a manifest in `dir`, so editors of
 * the consumer's repository can validate it:
 * 1. the manifest's own `$schema` when it is a URL or a relative path that
 *    exists;
 * 2. `./manifest.schema.json` when that file sits next to the manifest (this
 *    repository's `deployments/`);
 * 3. the relative path to `node_modules/@storydao/core/manifest.schema.json`
 *    of the closest installation;
 * 4. otherwise {@link manifestSchemaUrl}.
 */
export async function resolveManifestSchemaRef(
  dir: string,
  current: string | undefined,
): Promise<string> {
  if (current !== undefined) {
    if (/^https?:\/\//.test(current)) return current
    if (
      !/^[a-z][a-z0-9+.-]*:/i.test(current) &&
      (await exists(resolve(dir, current)))
    )
      return current
  }
  if (await exists(resolve(dir, manifestSchemaRef))) return manifestSchemaRef
  const installed = await findInstalledSchema(dir)
  return installed ? toReference(dir, installed) : manifestSchemaUrl
}
