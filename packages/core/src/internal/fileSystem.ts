import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import {
  access,
  link,
  lstat,
  open,
  readdir,
  readlink,
  realpath,
  rename,
  rm,
  stat,
  unlink,
} from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { ManifestFileError, ManifestReadOnlyError } from '../errors/manifest.js'

/** @internal Node.js system error code, if any. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

const readOnlyCodes = new Set(['EROFS', 'EACCES', 'EPERM'])

/**
 * @internal The typed error for a failed file operation: a read-only file
 * system or missing permission says so ({@link ManifestReadOnlyError});
 * anything else is a {@link ManifestFileError}.
 */
export function toFileError(
  operation: 'read' | 'write' | 'archive' | 'lock',
  path: string,
  cause: unknown,
): ManifestFileError | ManifestReadOnlyError {
  if (operation !== 'read' && readOnlyCodes.has(errorCode(cause) ?? ''))
    return new ManifestReadOnlyError({ path: displayPath(path), cause })
  return new ManifestFileError({ operation, path: displayPath(path), cause })
}

/**
 * @internal Fails with {@link ManifestReadOnlyError} when the manifest's
 * directory cannot be written (the lock, temp files and the rename all happen
 * there; the file's own mode does not matter to a rename), before anything is
 * created: otherwise the first failure is the lock's temp directory, whose
 * error names neither the manifest nor the reason. A directory that does not
 * exist yet is created later, and its parent's errors are mapped there.
 */
export async function assertWritable(path: string): Promise<void> {
  const dir = dirname(path)
  try {
    await access(dir, constants.W_OK)
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw toFileError('write', path, error)
  }
}

/**
 * @internal The file a write to `path` must change: symlinks resolved, so a
 * link stays a link and every link to one file locks and writes that file.
 * A dangling link resolves to the file it names; a missing path resolves
 * through its closest existing directory.
 */
export async function resolveWriteTarget(path: string): Promise<string> {
  const absolute = resolve(path)
  try {
    return await realpath(absolute)
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') return absolute
  }
  try {
    if ((await lstat(absolute)).isSymbolicLink())
      return resolveWriteTarget(
        resolve(dirname(absolute), await readlink(absolute)),
      )
  } catch {
    // Not there at all: resolve its directory below.
  }
  const parent = dirname(absolute)
  if (parent === absolute) return absolute
  return join(await resolveWriteTarget(parent), basename(absolute))
}

/** @internal `true` unless the process certainly does not exist. */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return errorCode(error) !== 'ESRCH'
  }
}

/** @internal A path as shown in messages: relative to cwd when inside it. */
export function displayPath(path: string): string {
  const absolute = resolve(path)
  const fromCwd = relative(process.cwd(), absolute)
  return fromCwd && !fromCwd.startsWith('..') && !fromCwd.startsWith(sep)
    ? fromCwd.split(sep).join('/')
    : absolute
}

const tempPattern = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/

/** @internal A unique temp name next to `path`, recognisable by {@link removeStaleTemps}. */
export function tempPathFor(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  )
}

/**
 * @internal Removes temp files and directories (named with `prefix`) left in `dir` by writers
 * that died mid-write: their pid is gone and the file is older than
 * `minAgeMs`.
 */
export async function removeStaleTemps(
  dir: string,
  prefix: string,
  minAgeMs: number,
): Promise<void> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return
  }
  await Promise.all(
    names.map(async (name) => {
      const match = tempPattern.exec(name)
      if (
        !name.startsWith(prefix) ||
        !match ||
        isProcessAlive(Number(match[1]))
      )
        return
      const path = join(dir, name)
      try {
        const { mtimeMs } = await stat(path)
        // Recursive: a writer killed while preparing its lock leaves a directory.
        if (Date.now() - mtimeMs >= minAgeMs)
          await rm(path, { force: true, recursive: true })
      } catch {
        // Gone already, or not ours to remove: either way nothing to do.
      }
    }),
  )
}

/**
 * @internal fsyncs a directory so a rename or link in it survives a power
 * loss. Platforms that cannot open directories (Windows) skip it.
 */
export async function fsyncDirectory(dir: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch (error) {
    const code = errorCode(error)
    if (
      code !== 'EISDIR' &&
      code !== 'EPERM' &&
      code !== 'EINVAL' &&
      code !== 'EBADF' &&
      code !== 'EACCES'
    )
      throw error
  } finally {
    await handle?.close()
  }
}

/** Creates `path` exclusively with `data`, fsynced; removed again if that fails. */
async function writeSynced(
  path: string,
  data: Uint8Array | string,
  mode: number,
): Promise<void> {
  const handle = await open(path, 'wx', mode)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (error) {
    await handle.close().catch(() => {})
    // Disk full mid-write: a partial file is worse than none.
    await rm(path, { force: true }).catch(() => {})
    throw error
  }
  await handle.close()
}

/**
 * @internal Replaces `path` atomically: write a temp file in the same
 * directory, fsync it, rename it over `path`, fsync the directory. A crash at
 * any point leaves either the old or the new file, never a mix.
 */
export async function writeFileAtomic(
  path: string,
  data: string,
): Promise<void> {
  let mode = 0o644
  try {
    mode = (await stat(path)).mode & 0o777
  } catch {
    // New file: default mode.
  }
  const temp = tempPathFor(path)
  try {
    await writeSynced(temp, data, mode)
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {})
    throw error
  }
  await fsyncDirectory(dirname(path))
}

/**
 * @internal Writes `data` into `dir` under the first name `nameFor(0)`,
 * `nameFor(1)`, … that does not exist yet, never overwriting anything, and
 * returns its path. The content is written and fsynced under a temp name, then
 * hard-linked into place (atomic and exclusive); where hard links are
 * unsupported it falls back to an exclusive create.
 */
export async function writeFileExclusive(
  dir: string,
  nameFor: (attempt: number) => string,
  data: Uint8Array,
): Promise<string> {
  const temp = tempPathFor(join(dir, nameFor(0)))
  try {
    await writeSynced(temp, data, 0o644)
    for (let attempt = 0; ; attempt++) {
      const candidate = join(dir, nameFor(attempt))
      try {
        await link(temp, candidate)
      } catch (error) {
        const code = errorCode(error)
        if (code === 'EEXIST') continue
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS')
          throw error
        try {
          await writeSynced(candidate, data, 0o644)
        } catch (inner) {
          if (errorCode(inner) === 'EEXIST') continue
          throw inner
        }
      }
      await fsyncDirectory(dir)
      return candidate
    }
  } finally {
    await unlink(temp).catch(() => {})
  }
}
