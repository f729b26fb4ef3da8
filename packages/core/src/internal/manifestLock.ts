import { randomUUID } from 'node:crypto'
import {
  link,
  mkdir,
  open,
  readFile,
  rename,
  stat,
  unlink,
  utimes,
} from 'node:fs/promises'
import { hostname } from 'node:os'
import { dirname } from 'node:path'
import {
  ManifestFileError,
  ManifestLockedError,
  type ManifestLockHolder,
} from '../errors/manifest.js'
import { displayPath, errorCode, isProcessAlive } from './fileSystem.js'

/** @internal Options shared by every function that writes a manifest. */
export type LockOptions = {
  lockTimeoutMs?: number | undefined
  staleLockMs?: number | undefined
}

/** @internal */
export const defaultLockTimeoutMs = 10_000
/** @internal */
export const defaultStaleLockMs = 30_000

type LockContent = ManifestLockHolder & { token: string }

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
    // Empty or half-written: its age decides.
  }
  return undefined
}

async function readLock(
  lockPath: string,
): Promise<
  { content: LockContent | undefined; ino: number; mtimeMs: number } | undefined
> {
  try {
    const [text, info] = await Promise.all([
      readFile(lockPath, 'utf8'),
      stat(lockPath),
    ])
    return { content: parseLock(text), ino: info.ino, mtimeMs: info.mtimeMs }
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined
    // Unreadable (permissions…): treat it as held by a live writer, so the
    // bounded wait decides.
    return { content: undefined, ino: -1, mtimeMs: Date.now() }
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
  // A live writer fills its lock file microseconds after creating it; an
  // empty or garbled one that old was left by a writer that died in between.
  if (!lock.content && age > Math.min(staleLockMs, 2_000)) return true
  return age > staleLockMs
}

/**
 * Removes a lock judged stale. It is renamed away first (atomic), then checked
 * to be the very file judged stale (same inode): if a fresh lock replaced it in
 * between, that one is put back.
 */
async function breakLock(lockPath: string, judgedIno: number): Promise<void> {
  const grave = `${lockPath}.${process.pid}.${randomUUID()}.stale`
  try {
    await rename(lockPath, grave)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return
    throw error
  }
  try {
    if ((await stat(grave)).ino !== judgedIno)
      await link(grave, lockPath).catch(() => {})
  } finally {
    await unlink(grave).catch(() => {})
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

/**
 * @internal Runs `fn` while holding `<path>.lock`, an exclusive lock file
 * created with `wx`. Waits (bounded by `lockTimeoutMs`) while another live
 * writer holds it, breaks locks left by dead writers (same host and pid gone,
 * or no heartbeat for `staleLockMs`), and refreshes the lock's mtime while
 * `fn` runs so a slow update is never taken for a dead one.
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
  const started = Date.now()
  let delay = 5

  try {
    await mkdir(dirname(path), { recursive: true })
  } catch (error) {
    throw new ManifestFileError({
      operation: 'lock',
      path: displayPath(lockPath),
      cause: error,
    })
  }

  for (;;) {
    try {
      const handle = await open(lockPath, 'wx')
      try {
        await handle.writeFile(JSON.stringify(content))
      } finally {
        await handle.close()
      }
      break
    } catch (error) {
      if (errorCode(error) !== 'EEXIST')
        throw new ManifestFileError({
          operation: 'lock',
          path: displayPath(lockPath),
          cause: error,
        })
    }
    const held = await readLock(lockPath)
    if (!held) continue
    if (held.ino !== -1 && isStale(held, staleLockMs)) {
      await breakLock(lockPath, held.ino).catch(() => {})
      continue
    }
    const waitedMs = Date.now() - started
    if (waitedMs >= lockTimeoutMs) {
      const holder = held.content
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

  const heartbeat = setInterval(
    () => {
      const now = new Date()
      utimes(lockPath, now, now).catch(() => {})
    },
    Math.max(10, Math.floor(staleLockMs / 3)),
  )
  heartbeat.unref()
  try {
    return await fn()
  } finally {
    clearInterval(heartbeat)
    // Only remove the lock if it is still ours.
    const current = await readLock(lockPath).catch(() => undefined)
    if (current?.content?.token === content.token)
      await unlink(lockPath).catch(() => {})
  }
}
