import { spawnSync } from 'node:child_process'
import {
  mkdir,
  readdir,
  readFile,
  stat,
  utimes,
  writeFile,
} from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { ManifestError, ManifestLockedError } from './errors/manifest.js'
import { loadManifest } from './loadManifest.js'
import { manifestSchemaUrl } from './manifestConstants.js'
import { serializeManifest } from './serializeManifest.js'
import {
  largeManifest,
  mutable,
  sampleManifest,
  spawnWriter,
  tempDir,
} from './test/manifests.js'
import { writeManifest } from './writeManifest.js'

let dir: string
let cleanup: () => Promise<void>
let path: string

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
  path = join(dir, 'local.json')
})
afterEach(() => cleanup())

const today = () => new Date().toISOString().slice(0, 10)

async function archives(archiveDir = join(dir, 'archive')) {
  try {
    return (await readdir(archiveDir)).sort()
  } catch {
    return []
  }
}

/** A pid that certainly belongs to no running process. */
/** Writes a lock as a live writer holds it: `<path>.lock/<token>.json`. */
async function writeLock(holder: {
  pid: number
  hostname: string
  createdAt: string
  token: string
}): Promise<string> {
  await mkdir(`${path}.lock`)
  const holderFile = join(`${path}.lock`, `${holder.token}.json`)
  await writeFile(holderFile, JSON.stringify(holder))
  return holderFile
}

function deadPid(): number {
  const child = spawnSync(process.execPath, [
    '-e',
    'process.stdout.write(String(process.pid))',
  ])
  return Number(child.stdout.toString())
}

describe('writeManifest', () => {
  test('default', async () => {
    const manifest = sampleManifest()
    const result = await writeManifest(path, { manifest })
    // No schema next to the file and no installed @storydao/core above it.
    const written = { ...manifest, $schema: manifestSchemaUrl }
    expect(result).toEqual({
      manifest: written,
      path,
      requestedPath: path,
      archivePath: undefined,
      changed: true,
    })
    expect(await readFile(path, 'utf8')).toBe(serializeManifest(written))
    expect(await archives()).toEqual([])
    expect(await readdir(dir)).toEqual(['local.json'])
  })

  test('behavior: archives the previous version first, never overwriting one', async () => {
    const first = sampleManifest()
    await writeManifest(path, { manifest: first })
    const firstText = await readFile(path, 'utf8')

    const second = sampleManifest()
    second.contracts.StoryDAO!.verified = true
    const result = await writeManifest(path, { manifest: second })
    expect(result.archivePath).toBe(
      join(dir, 'archive', `${today()}-local-pre.json`),
    )
    expect(await readFile(result.archivePath!, 'utf8')).toBe(firstText)
    const secondText = await readFile(path, 'utf8')

    const third = sampleManifest()
    third.contracts.StoryDAO!.verified = false
    const again = await writeManifest(path, { manifest: third })
    expect(await readFile(again.archivePath!, 'utf8')).toBe(secondText)

    const fourth = sampleManifest()
    const last = await writeManifest(path, { manifest: fourth })

    const names = await archives()
    expect(names).toHaveLength(3)
    expect(names).toContain(`${today()}-local-pre.json`)
    for (const name of names.filter(
      (name) => name !== `${today()}-local-pre.json`,
    ))
      expect(name).toMatch(
        new RegExp(`^${today()}-local-pre-\\d{6}(-\\d+)?\\.json$`),
      )
    expect(last.archivePath).not.toBe(again.archivePath)
  })

  test('behavior: an existing archive name is skipped, not overwritten', async () => {
    await writeManifest(path, { manifest: sampleManifest() })
    await mkdir(join(dir, 'archive'))
    const taken = join(dir, 'archive', `${today()}-local-pre.json`)
    await writeFile(taken, 'sentinel')
    const next = mutable()
    next.safes.ops.threshold = 3
    const { archivePath } = await writeManifest(path, { manifest: next })
    expect(archivePath).not.toBe(taken)
    expect(await readFile(taken, 'utf8')).toBe('sentinel')
  })

  test('behavior: archiveDir option', async () => {
    const archiveDir = join(dir, 'elsewhere', 'history')
    await writeManifest(path, { manifest: sampleManifest(), archiveDir })
    const next = mutable()
    next.safes.ops.threshold = 3
    const { archivePath } = await writeManifest(path, {
      manifest: next,
      archiveDir,
    })
    expect(archivePath).toBe(join(archiveDir, `${today()}-local-pre.json`))
    expect(await archives()).toEqual([])
  })

  test('behavior: archive: false skips the archive', async () => {
    await writeManifest(path, { manifest: sampleManifest() })
    const next = mutable()
    next.safes.ops.threshold = 3
    const result = await writeManifest(path, { manifest: next, archive: false })
    expect(result).toMatchObject({ changed: true, archivePath: undefined })
    expect(await archives()).toEqual([])
    expect((await loadManifest(path)).safes.ops.threshold).toBe(3)
  })

  test('behavior: identical content is left alone', async () => {
    await writeManifest(path, { manifest: sampleManifest() })
    const before = await stat(path)
    const result = await writeManifest(path, { manifest: sampleManifest() })
    expect(result.changed).toBe(false)
    expect(result.archivePath).toBeUndefined()
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs)
    expect(await archives()).toEqual([])
  })

  test('behavior: creates missing directories', async () => {
    const nested = join(dir, 'a', 'b', 'local.json')
    await writeManifest(nested, { manifest: sampleManifest() })
    expect(await loadManifest(nested)).toEqual({
      ...sampleManifest(),
      $schema: manifestSchemaUrl,
    })
  })

  test('behavior: archives an unreadable previous file as is', async () => {
    await writeFile(path, '{ broken')
    const { archivePath } = await writeManifest(path, {
      manifest: sampleManifest(),
    })
    expect(await readFile(archivePath!, 'utf8')).toBe('{ broken')
  })

  test('error: a failed validation writes nothing', async () => {
    await writeManifest(path, { manifest: sampleManifest() })
    const before = await readFile(path, 'utf8')
    const bad = mutable()
    bad.contracts.AuthorCoin.implementation =
      bad.contracts.AuthorCoin.implementation.toLowerCase()
    await expect(writeManifest(path, { manifest: bad })).rejects.toBeInstanceOf(
      ManifestError,
    )
    expect(await readFile(path, 'utf8')).toBe(before)
    expect(await readdir(dir)).toEqual(['local.json'])
  })

  test('error: locked by a live writer', async () => {
    await writeManifest(path, { manifest: sampleManifest() })
    const before = await readFile(path, 'utf8')
    const lock = {
      pid: process.pid,
      hostname: hostname(),
      createdAt: '2026-11-26T10:00:00.000Z',
      token: 'someone-else',
    }
    const holderFile = await writeLock(lock)
    const next = mutable()
    next.safes.ops.threshold = 3
    const error = await writeManifest(path, {
      manifest: next,
      lockTimeoutMs: 200,
    }).catch((error: unknown) => error)
    expect(error).toBeInstanceOf(ManifestLockedError)
    const locked = error as ManifestLockedError
    expect(locked.holder).toEqual({
      pid: lock.pid,
      hostname: lock.hostname,
      createdAt: lock.createdAt,
    })
    expect(locked.waitedMs).toBeGreaterThanOrEqual(200)
    expect(locked.shortMessage).toContain('is locked by another writer')
    expect(locked.hint).toContain(`delete ${locked.lockPath}`)
    expect(await readFile(path, 'utf8')).toBe(before)
    // Someone else's lock is not ours to remove.
    expect(JSON.parse(await readFile(holderFile, 'utf8'))).toEqual(lock)
    expect(await readdir(`${path}.lock`)).toEqual(['someone-else.json'])
  })

  test('behavior: takes over a lock whose writer died (same host)', async () => {
    await writeLock({
      pid: deadPid(),
      hostname: hostname(),
      createdAt: new Date().toISOString(),
      token: 'dead',
    })
    await writeManifest(path, {
      manifest: sampleManifest(),
      lockTimeoutMs: 1_000,
    })
    expect(await readdir(dir)).toEqual(['local.json'])
  })

  test('behavior: takes over a lock without heartbeat (other host)', async () => {
    const holderFile = await writeLock({
      pid: 1,
      hostname: 'elsewhere',
      createdAt: '2026-11-26T10:00:00.000Z',
      token: 'remote',
    })
    const old = new Date(Date.now() - 60_000)
    await utimes(holderFile, old, old)
    await writeManifest(path, {
      manifest: sampleManifest(),
      lockTimeoutMs: 1_000,
      staleLockMs: 30_000,
    })
    expect(await readdir(dir)).toEqual(['local.json'])
  })

  test('behavior: takes over a lock whose holder file is empty (a crash before it reached the disk)', async () => {
    await mkdir(`${path}.lock`)
    await writeFile(`${path}.lock/garbled.json`, '')
    const old = new Date(Date.now() - 5_000)
    await utimes(`${path}.lock/garbled.json`, old, old)
    await writeManifest(path, {
      manifest: sampleManifest(),
      lockTimeoutMs: 1_000,
    })
    expect(await readdir(dir)).toEqual(['local.json'])
  })

  test('behavior: takes an empty lock directory (its holder released or was broken)', async () => {
    await mkdir(`${path}.lock`)
    await writeManifest(path, {
      manifest: sampleManifest(),
      lockTimeoutMs: 1_000,
    })
    expect(await readdir(dir)).toEqual(['local.json'])
  })

  test('error: a fresh lock from another host is respected', async () => {
    await writeLock({
      pid: 1,
      hostname: 'elsewhere',
      createdAt: new Date().toISOString(),
      token: 'remote',
    })
    await expect(
      writeManifest(path, { manifest: sampleManifest(), lockTimeoutMs: 100 }),
    ).rejects.toBeInstanceOf(ManifestLockedError)
  })

  test('error: a lock file of an older version is respected, never broken', async () => {
    const lock = {
      pid: deadPid(),
      hostname: hostname(),
      createdAt: '2026-11-26T10:00:00.000Z',
      token: 'legacy',
    }
    await writeFile(`${path}.lock`, JSON.stringify(lock))
    const error = await writeManifest(path, {
      manifest: sampleManifest(),
      lockTimeoutMs: 100,
    }).catch((error: unknown) => error)
    expect(error).toBeInstanceOf(ManifestLockedError)
    expect((error as ManifestLockedError).holder?.pid).toBe(lock.pid)
    expect(JSON.parse(await readFile(`${path}.lock`, 'utf8'))).toEqual(lock)
  })

  test('behavior: SIGKILL at a random moment mid-write leaves a valid manifest', async () => {
    const versions = new Set(
      ['a', 'b'].map((variant) =>
        serializeManifest({
          ...largeManifest(200, variant, 2_000_000),
          $schema: manifestSchemaUrl,
        }),
      ),
    )
    const { manifest: original } = await writeManifest(path, {
      manifest: sampleManifest(),
    })
    let interrupted = 0
    // Each round starts a writer process (tsx), which is slow on a loaded CI box.
    for (let round = 0; round < 6; round++) {
      const child = spawnWriter(['write-loop', path])
      await new Promise<void>((resolve, reject) => {
        child.once('error', reject)
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('started')) resolve()
        })
      })
      // Let it get some writes in, then kill it wherever it is.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 300))
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      await exited

      const text = await readFile(path, 'utf8')
      expect(versions.has(text) || text === serializeManifest(original)).toBe(
        true,
      )
      await loadManifest(path)
      // A lock left behind means it died inside a write (validating,
      // archiving, writing the temp file or renaming).
      if ((await readdir(dir)).includes('local.json.lock')) interrupted++
    }
    expect(interrupted).toBeGreaterThan(0)

    // Every archive is a complete earlier version.
    for (const name of await archives()) {
      if (name.endsWith('.tmp')) continue
      const text = await readFile(join(dir, 'archive', name), 'utf8')
      expect(versions.has(text) || text === serializeManifest(original)).toBe(
        true,
      )
    }

    // The dead writers' lock and temp files do not block the next writer.
    await writeManifest(path, { manifest: original, lockTimeoutMs: 5_000 })
    expect(await readFile(path, 'utf8')).toBe(serializeManifest(original))
    // No lock or temp file is left; `archive/` exists only if some writer
    // finished a write before it was killed (on a loaded machine none may).
    expect(
      (await readdir(dir)).filter((name) => name !== 'archive').sort(),
    ).toEqual(['local.json'])
  }, 240_000)

  test('behavior: $schema points at the schema next to the manifest', async () => {
    await writeFile(join(dir, 'manifest.schema.json'), '{}')
    const { $schema: _, ...withoutSchema } = sampleManifest()
    const { manifest } = await writeManifest(path, {
      manifest: withoutSchema,
    })
    expect(manifest.$schema).toBe('./manifest.schema.json')
  })

  test('behavior: $schema points into an installed @storydao/core', async () => {
    const installed = join(dir, 'node_modules', '@storydao', 'core')
    await mkdir(installed, { recursive: true })
    await writeFile(join(installed, 'manifest.schema.json'), '{}')
    const nested = join(dir, 'deployments', 'local.json')
    const { manifest } = await writeManifest(nested, {
      manifest: sampleManifest(),
    })
    // The sample's `./manifest.schema.json` does not resolve there: replaced.
    expect(manifest.$schema).toBe(
      '../node_modules/@storydao/core/manifest.schema.json',
    )
    expect(JSON.parse(await readFile(nested, 'utf8')).$schema).toBe(
      manifest.$schema,
    )
  })

  test('behavior: a $schema that resolves is kept', async () => {
    const url = 'https://example.com/manifest.schema.json'
    const { manifest } = await writeManifest(path, {
      manifest: { ...sampleManifest(), $schema: url },
    })
    expect(manifest.$schema).toBe(url)
  })
})
