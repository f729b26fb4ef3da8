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

/** One writer's attempt to take a lock, and what it has seen so far. */
type Acquisition = {
  path: string
  lockPath: string
  /** The holder directory, prepared under a temp name. */
  staging: string
  content: LockContent
  started: number
  lockTimeoutMs: number
  staleLockMs: number
  /**
   * Past the deadline, a lock that just became free (broken, released or
   * emptied) still gets a few more attempts before giving up.
   */
  lateAttempts: number
  sawHolder: boolean
  /** Current backoff, in milliseconds. */
  delay: number
}

function lockError(acquisition: Acquisition, cause: unknown) {
  return toFileError('lock', acquisition.lockPath, cause)
}

/** Writes the holder file into the staging directory. */
async function prepareStaging(acquisition: Acquisition): Promise<void> {
  const { staging, content } = acquisition
  try {
    await mkdir(staging, { recursive: true })
    await writeFile(
      join(staging, `${content.token}.json`),
      JSON.stringify(content),
    )
  } catch (error) {
    throw lockError(acquisition, error)
  }
}

/**
 * Renames the staging directory onto the lock: `taken`, `retry` (the
 * staging directory vanished and was prepared again), or the error of a
 * rename onto a held lock.
 */
async function tryRename(
  acquisition: Acquisition,
): Promise<'taken' | 'retry' | { occupied: unknown }> {
  try {
    await rename(acquisition.staging, acquisition.lockPath)
    return 'taken'
  } catch (error) {
    const code = errorCode(error)
    // The holder's clean-up removed it: on a shared file system, our pid
    // means nothing to another host's `isProcessAlive`.
    if (
      code === 'ENOENT' &&
      Date.now() - acquisition.started < acquisition.lockTimeoutMs
    ) {
      await prepareStaging(acquisition)
      return 'retry'
    }
    if (!occupiedCodes.has(code ?? '')) throw lockError(acquisition, error)
    return { occupied: error }
  }
}

/** The error for a writer that waited `waitedMs` in vain. */
function giveUp(
  acquisition: Acquisition,
  held: FoundLock | undefined,
  renameError: unknown,
  waitedMs: number,
): Error {
  // Never saw a holder: the rename fails for another reason.
  if (!acquisition.sawHolder) return lockError(acquisition, renameError)
  const holder =
    held === undefined || held.kind === 'empty' ? undefined : held.content
  return new ManifestLockedError({
    path: displayPath(acquisition.path),
    lockPath: displayPath(acquisition.lockPath),
    holder: holder && {
      pid: holder.pid,
      hostname: holder.hostname,
      createdAt: holder.createdAt,
    },
    waitedMs,
  })
}

/**
 * Looks at the lock that refused us: breaks it when its holder is dead,
 * clears an empty one, and decides to retry at once, to wait, or (past the
 * deadline) to give up.
 */
async function judgeHolder(
  acquisition: Acquisition,
  renameError: unknown,
): Promise<{ next: 'retry' } | { next: 'wait'; waitedMs: number }> {
  const held = await readLock(acquisition.lockPath)
  if (held) acquisition.sawHolder = true
  const waitedMs = Date.now() - acquisition.started
  const late = waitedMs >= acquisition.lockTimeoutMs
  const mayRetry = () => !late || acquisition.lateAttempts-- > 0
  if (held?.kind === 'holder' && isStale(held, acquisition.staleLockMs)) {
    await breakLock(acquisition.lockPath, held).catch(() => {})
    if (mayRetry()) return { next: 'retry' }
  } else if (held?.kind === 'empty') {
    // Nobody holds it (only Windows gets here: elsewhere `rename` replaces
    // an empty directory).
    await rmdir(acquisition.lockPath).catch(() => {})
    if (mayRetry()) return { next: 'retry' }
  } else if (
    !held &&
    acquisition.sawHolder &&
    late &&
    acquisition.lateAttempts-- > 0
  ) {
    // Released between our rename and the read: try once more.
    return { next: 'retry' }
  }
  if (late) throw giveUp(acquisition, held, renameError, waitedMs)
  return { next: 'wait', waitedMs }
}

/** Takes the lock, waiting with jittered backoff while a live writer holds it. */
async function acquireLock(acquisition: Acquisition): Promise<void> {
  for (;;) {
    const renamed = await tryRename(acquisition)
    if (renamed === 'taken') return
    if (renamed === 'retry') continue
    const judged = await judgeHolder(acquisition, renamed.occupied)
    if (judged.next === 'retry') continue
    // Jittered so waiting writers do not wake in lockstep.
    await sleep(
      Math.min(acquisition.delay, acquisition.lockTimeoutMs - judged.waitedMs) *
        (0.5 + Math.random()),
    )
    acquisition.delay = Math.min(acquisition.delay * 1.5, 100)
  }
}

/**
 * Runs `fn` with the lock held, refreshing the holder file's mtime so a slow
 * update is never taken for a dead one, then releases it.
 */
async function holdLock<result>(
  lockPath: string,
  holderFile: string,
  staleLockMs: number,
  fn: () => Promise<result>,
): Promise<result> {
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
  const lockPath = `${path}.lock`
  const acquisition: Acquisition = {
    path,
    lockPath,
    // Named like the manifest's temp files, so a writer killed before the
    // rename leaves nothing that `removeStaleTemps` does not clean up.
    staging: tempPathFor(lockPath),
    content: {
      pid: process.pid,
      hostname: hostname(),
      createdAt: new Date().toISOString(),
      token: randomUUID(),
    },
    started: Date.now(),
    lockTimeoutMs: options.lockTimeoutMs ?? defaultLockTimeoutMs,
    staleLockMs: options.staleLockMs ?? defaultStaleLockMs,
    lateAttempts: 3,
    sawHolder: false,
    delay: 5,
  }
  try {
    try {
      await mkdir(dirname(path), { recursive: true })
    } catch (error) {
      throw lockError(acquisition, error)
    }
    await prepareStaging(acquisition)
    await acquireLock(acquisition)
  } catch (error) {
    await rm(acquisition.staging, { recursive: true, force: true }).catch(
      () => {},
    )
    throw error
  }
  return holdLock(
    lockPath,
    join(lockPath, `${acquisition.content.token}.json`),
    acquisition.staleLockMs,
    fn,
  )
}
