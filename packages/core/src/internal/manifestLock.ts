import { randomUUID } from 'node:crypto'
import {
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  rmdir,
  stat,
  unlink,
  utimes,
  writeFile,
} from 'node:fs/promises'
import { hostname } from 'node:os'
import { dirname, join } from 'node:path'
import {
  ManifestLockedError,
  type ManifestLockHolder,
} from '../errors/manifest.js'
import {
  displayPath,
  errorCode,
  isProcessAlive,
  tempPathFor,
  toFileError,
} from './fileSystem.js'

/** @internal Options shared by every function that writes a manifest. */
export type LockOptions = {
  lockTimeoutMs?: number | undefined
  staleLockMs?: number | undefined
}

/** @internal */
export const defaultLockTimeoutMs = 10_000
/** @internal */
export const defaultStaleLockMs = 30_000

/**
 * @internal Test hooks: `beforeBreak` runs after a holder was judged stale and
 * before its lock is broken, so tests can interleave other writers there.
 */
export const manifestLockHooks: {
  beforeBreak?: ((holderFile: string) => Promise<void>) | undefined
} = {}

type LockContent = ManifestLockHolder & { token: string }

/**
 * What `<path>.lock` holds:
 * - `holder`: one holder file (`<token>.json`), the normal case;
 * - `empty`: a directory nobody holds (its holder released it or was broken,
 *   and the directory was not removed yet);
 * - `unknown`: anything else (unreadable, a lock file of an older version,
 *   unexpected entries). Respected, never broken: the wait decides.
 */
type FoundLock =
  | {
      kind: 'holder'
      /** The holder file's path: its name is the holder's unique token. */
      file: string
      content: LockContent | undefined
      mtimeMs: number
    }
  | { kind: 'empty' }
  | { kind: 'unknown'; content: LockContent | undefined }

function parseLock(text: string): LockContent | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockContent>
    if (
      typeof value.pid === 'number' &&
      typeof value.hostname === 'string' &&
      typeof value.createdAt === 'string' &&
      typeof value.token === 'string'
    )
      return value as LockContent
  } catch {
    // Garbled (a crash before the data reached the disk): its age decides.
  }
  return undefined
}

async function readLock(lockPath: string): Promise<FoundLock | undefined> {
  let names: string[]
  try {
    names = await readdir(lockPath)
  } catch (error) {
    const code = errorCode(error)
    if (code === 'ENOENT') return undefined
    // A lock *file*, as older versions wrote: show its holder, never break it.
    if (code === 'ENOTDIR') {
      const text = await readFile(lockPath, 'utf8').catch(() => '')
      return { kind: 'unknown', content: parseLock(text) }
    }
    // Unreadable (permissions…): treat it as held by a live writer, so the
    // bounded wait decides.
    return { kind: 'unknown', content: undefined }
  }
  if (names.length === 0) return { kind: 'empty' }
  const [name] = names
  if (names.length > 1 || !name?.endsWith('.json'))
    return { kind: 'unknown', content: undefined }
  const file = join(lockPath, name)
  try {
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)])
    return {
      kind: 'holder',
      file,
      content: parseLock(text),
      mtimeMs: info.mtimeMs,
    }
  } catch (error) {
    // Released or broken since the listing: look again.
    if (errorCode(error) === 'ENOENT') return readLock(lockPath)
    return { kind: 'unknown', content: undefined }
  }
}

function isStale(
  lock: { content: LockContent | undefined; mtimeMs: number },
  staleLockMs: number,
): boolean {
  // Same host: the pid answers for sure. Elsewhere only the heartbeat (mtime)
  // can tell.
  if (
    lock.content?.hostname === hostname() &&
    !isProcessAlive(lock.content.pid)
  )
    return true
  const age = Date.now() - lock.mtimeMs
  // Holder files are complete before they are moved into place; a garbled
  // one that old was left by a crash before its data reached the disk.
  if (!lock.content && age > Math.min(staleLockMs, 2_000)) return true
  return age > staleLockMs
}

/**
 * Breaks a lock judged stale. The holder file's name is the holder's unique
 * token, so unlinking it is a compare-and-delete: it can only remove the
 * holder that was judged, never a writer that replaced it in the meantime
 * (then it is already gone: `ENOENT`, nothing else is touched). Right before,
 * the mtime is checked again: a heartbeat since the judgement means the
 * holder is alive after all. The directory is then removed only if empty
 * (`rmdir`); held directories never are, so that cannot remove a new lock.
 */
async function breakLock(
  lockPath: string,
  judged: { file: string; mtimeMs: number },
): Promise<void> {
  await manifestLockHooks.beforeBreak?.(judged.file)
  try {
    if ((await stat(judged.file)).mtimeMs !== judged.mtimeMs) return
    await unlink(judged.file)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return
    throw error
  }
  await rmdir(lockPath).catch(() => {})
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

/** `rename` onto a held (non-empty) lock directory, or onto a file. */
const occupiedCodes = new Set([
  'ENOTEMPTY',
  'EEXIST',
  'ENOTDIR',
  'EISDIR',
  // Windows refuses to rename onto any existing directory.
  'EPERM',
  'EACCES',
])

/**
 * @internal Runs `fn` while holding `<path>.lock`.
 *
 * The lock is a directory holding one file, `<token>.json` (pid, host,
 * creation time, token), whose name is unique to each acquisition. A writer
 * prepares that directory under a temp name and renames it to `<path>.lock`:
 * `rename` onto an existing non-empty directory fails, so exactly one writer
 * holds the lock, and a held lock directory is never empty. Waits (bounded by
 * `lockTimeoutMs`) while another live writer holds it, breaks locks left by
 * dead writers (same host and pid gone, or no heartbeat for `staleLockMs`;
 * see `breakLock`), and refreshes the holder file's mtime while `fn` runs so
 * a slow update is never taken for a dead one.
 */
export async function withManifestLock<result>(
  path: string,
  options: LockOptions,
  fn: () => Promise<result>,
): Promise<result> {
  const lockTimeoutMs = options.lockTimeoutMs ?? defaultLockTimeoutMs
  const staleLockMs = options.staleLockMs ?? defaultStaleLockMs
  const lockPath = `${path}.lock`
  const content: LockContent = {
    pid: process.pid,
    hostname: hostname(),
    createdAt: new Date().toISOString(),
    token: randomUUID(),
  }
  const holderFile = join(lockPath, `${content.token}.json`)
  const started = Date.now()
  let delay = 5

  // Named like the manifest's temp files, so a writer killed before the
  // rename leaves nothing that `removeStaleTemps` does not clean up.
  const staging = tempPathFor(lockPath)
  const fileError = (cause: unknown) => toFileError('lock', lockPath, cause)
  const prepare = async () => {
    try {
      await mkdir(staging, { recursive: true })
      await writeFile(
        join(staging, `${content.token}.json`),
        JSON.stringify(content),
      )
    } catch (error) {
      throw fileError(error)
    }
  }

  try {
    try {
      await mkdir(dirname(path), { recursive: true })
    } catch (error) {
      throw fileError(error)
    }
    await prepare()
    // Past the deadline, a lock that just became free (broken, released or
    // emptied) still gets a few more attempts before giving up.
    let lateAttempts = 3
    let sawHolder = false
    for (let renameError: unknown; ; ) {
      try {
        await rename(staging, lockPath)
        break
      } catch (error) {
        const code = errorCode(error)
        // The holder's clean-up removed it: on a shared file system, our pid
        // means nothing to another host's `isProcessAlive`.
        if (code === 'ENOENT' && Date.now() - started < lockTimeoutMs) {
          await prepare()
          continue
        }
        if (!occupiedCodes.has(code ?? '')) throw fileError(error)
        renameError = error
      }
      const held = await readLock(lockPath)
      if (held) sawHolder = true
      const waitedMs = Date.now() - started
      const late = waitedMs >= lockTimeoutMs
      if (held?.kind === 'holder' && isStale(held, staleLockMs)) {
        await breakLock(lockPath, held).catch(() => {})
        if (!late || lateAttempts-- > 0) continue
      } else if (held?.kind === 'empty') {
        // Nobody holds it (only Windows gets here: elsewhere `rename`
        // replaces an empty directory).
        await rmdir(lockPath).catch(() => {})
        if (!late || lateAttempts-- > 0) continue
      } else if (!held && sawHolder && late && lateAttempts-- > 0) {
        // Released between our rename and the read: try once more.
        continue
      }
      if (late) {
        // Never saw a holder: the rename fails for another reason.
        if (!sawHolder) throw fileError(renameError)
        if (!held)
          throw new ManifestLockedError({
            path: displayPath(path),
            lockPath: displayPath(lockPath),
            holder: undefined,
            waitedMs,
          })
        const holder = held.kind === 'empty' ? undefined : held.content
        throw new ManifestLockedError({
          path: displayPath(path),
          lockPath: displayPath(lockPath),
          holder: holder && {
            pid: holder.pid,
            hostname: holder.hostname,
            createdAt: holder.createdAt,
          },
          waitedMs,
        })
      }
      // Jittered backoff so waiting writers do not wake in lockstep.
      await sleep(
        Math.min(delay, lockTimeoutMs - waitedMs) * (0.5 + Math.random()),
      )
      delay = Math.min(delay * 1.5, 100)
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => {})
    throw error
  }

  const heartbeat = setInterval(
    () => {
      const now = new Date()
      utimes(holderFile, now, now).catch(() => {})
    },
    Math.max(10, Math.floor(staleLockMs / 3)),
  )
  heartbeat.unref()
  try {
    return await fn()
  } finally {
    clearInterval(heartbeat)
    // Our holder file only: if we were judged stale and broken, it is gone
    // and whatever is there now belongs to another writer.
    await unlink(holderFile).catch(() => {})
    await rmdir(lockPath).catch(() => {})
  }
}
