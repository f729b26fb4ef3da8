import { spawnSync } from 'node:child_process'
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { ManifestLockedError } from '../errors/manifest.js'
import { tempDir } from '../test/manifests.js'
import { manifestLockHooks, withManifestLock } from './manifestLock.js'

let dir: string
let cleanup: () => Promise<void>
let path: string
let lockPath: string

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
  path = join(dir, 'local.json')
  lockPath = `${path}.lock`
})
afterEach(async () => {
  manifestLockHooks.beforeBreak = undefined
  await cleanup()
})

function deadPid(): number {
  const child = spawnSync(process.execPath, [
    '-e',
    'process.stdout.write(String(process.pid))',
  ])
  return Number(child.stdout.toString())
}

async function writeLock(holder: {
  pid: number
  hostname: string
  token: string
}): Promise<string> {
  await mkdir(lockPath)
  const holderFile = join(lockPath, `${holder.token}.json`)
  await writeFile(
    holderFile,
    JSON.stringify({ ...holder, createdAt: new Date().toISOString() }),
  )
  return holderFile
}

function deferred<value = void>() {
  let resolve!: (value: value) => void
  const promise = new Promise<value>((done) => {
    resolve = done
  })
  return { promise, resolve }
}

/** Records who is inside the critical section, and the most at once. */
function tracker() {
  const state = { inside: 0, most: 0, order: [] as string[] }
  const run =
    (name: string, gate?: Promise<void>, entered?: () => void) => async () => {
      state.inside++
      state.most = Math.max(state.most, state.inside)
      state.order.push(`${name} in`)
      entered?.()
      await gate
      state.order.push(`${name} out`)
      state.inside--
    }
  return { state, run }
}

describe('withManifestLock', () => {
  test('behavior: a writer that judged a lock stale never breaks the lock that replaced it', async () => {
    // L1: left by a dead writer on this host.
    const stale = await writeLock({
      pid: deadPid(),
      hostname: hostname(),
      token: 'dead',
    })
    // A judges L1 stale and stops right before breaking it.
    const judged = deferred<string>()
    const resumeA = deferred()
    let breaks = 0
    manifestLockHooks.beforeBreak = async (holderFile) => {
      if (breaks++ > 0) return
      judged.resolve(holderFile)
      await resumeA.promise
    }
    const { state, run } = tracker()
    const a = withManifestLock(path, { lockTimeoutMs: 10_000 }, run('A'))
    expect(await judged.promise).toBe(stale)

    // Meanwhile B judges L1 stale too, breaks it and takes the lock (L2).
    const releaseB = deferred()
    const enteredB = deferred()
    const b = withManifestLock(
      path,
      { lockTimeoutMs: 10_000 },
      run('B', releaseB.promise, enteredB.resolve),
    )
    await enteredB.promise
    const [holderB] = await readdir(lockPath)
    expect(holderB).not.toBe('dead.json')

    // A goes on breaking "L1": it must leave L2 alone. C, arriving now, must
    // find the lock held by B (the old rename-away break let C in here).
    resumeA.resolve()
    const c = await withManifestLock(
      path,
      { lockTimeoutMs: 300 },
      run('C'),
    ).catch((error: unknown) => error)
    expect(c).toBeInstanceOf(ManifestLockedError)
    expect((c as ManifestLockedError).holder?.pid).toBe(process.pid)
    expect(await readdir(lockPath)).toEqual([holderB])

    releaseB.resolve()
    await Promise.all([a, b])
    expect(state.most).toBe(1)
    expect(state.order).toEqual(['B in', 'B out', 'A in', 'A out'])
    expect(await readdir(dir)).toEqual([])
  })

  test('behavior: a holder that heartbeats after being judged stale is not broken', async () => {
    const holderFile = await writeLock({
      pid: 1,
      hostname: 'elsewhere',
      token: 'slow',
    })
    const old = new Date(Date.now() - 60_000)
    await utimes(holderFile, old, old)
    // Between the judgement and the break, the holder's heartbeat comes in.
    manifestLockHooks.beforeBreak = async (file) => {
      const now = new Date()
      await utimes(file, now, now)
    }
    const { state, run } = tracker()
    const error = await withManifestLock(
      path,
      { lockTimeoutMs: 200, staleLockMs: 30_000 },
      run('A'),
    ).catch((error: unknown) => error)
    expect(error).toBeInstanceOf(ManifestLockedError)
    expect(state.order).toEqual([])
    expect(await readdir(lockPath)).toEqual(['slow.json'])
  })

  test('behavior: two writers breaking the same stale lock at once: one gets in at a time', async () => {
    await writeLock({ pid: deadPid(), hostname: hostname(), token: 'dead' })
    // Both judge it stale before either breaks it.
    const both = deferred()
    let judged = 0
    manifestLockHooks.beforeBreak = async () => {
      if (++judged === 2) both.resolve()
      await both.promise
    }
    const { state, run } = tracker()
    const gate = new Promise<void>((resolve) => setTimeout(resolve, 50))
    await Promise.all([
      withManifestLock(path, { lockTimeoutMs: 5_000 }, run('A', gate)),
      withManifestLock(path, { lockTimeoutMs: 5_000 }, run('B', gate)),
    ])
    expect(state.most).toBe(1)
    expect(state.order).toHaveLength(4)
    expect(await readdir(dir)).toEqual([])
  })
})
