import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { OpsError } from './errors/base.js'
import {
  ManifestError,
  ManifestNotFoundError,
  ManifestUpdaterError,
} from './errors/manifest.js'
import { loadManifest } from './loadManifest.js'
import type { Manifest } from './manifestSchema.js'
import {
  address,
  sampleManifest,
  spawnWriter,
  tempDir,
} from './test/manifests.js'
import { updateManifest } from './updateManifest.js'
import { writeManifest } from './writeManifest.js'

let dir: string
let cleanup: () => Promise<void>
let path: string

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
  path = join(dir, 'local.json')
  await writeManifest(path, { manifest: sampleManifest() })
})
afterEach(() => cleanup())

function appendUpgrade(id: string) {
  return (manifest: Manifest): Manifest => ({
    ...manifest,
    upgrades: [
      ...(manifest.upgrades ?? []),
      {
        id,
        target: 'AuthorCoin',
        fromImplementation: address(`${id}-from`),
        toImplementation: address(`${id}-to`),
        calldata: '0x',
        status: 'prepared',
        createdAt: '2026-11-26T10:00:00.000Z',
      },
    ],
  })
}

const archiveCount = async () =>
  (await readdir(join(dir, 'archive')).catch(() => [])).filter(
    (name) => !name.endsWith('.tmp'),
  ).length

describe('updateManifest', () => {
  test('default', async () => {
    const result = await updateManifest(path, {
      update: (manifest) => {
        manifest.contracts.StoryDAO!.verified = true
        return manifest
      },
    })
    expect(result.changed).toBe(true)
    expect(result.archivePath).toMatch(/-local-pre\.json$/)
    expect((await loadManifest(path)).contracts.StoryDAO?.verified).toBe(true)
  })

  test('behavior: async update', async () => {
    await updateManifest(path, {
      update: async (manifest) => {
        await new Promise((resolve) => setTimeout(resolve, 5))
        return appendUpgrade('async')(manifest)
      },
    })
    expect((await loadManifest(path)).upgrades?.map((u) => u.id)).toEqual([
      '2026-11-26-authorcoin-v2',
      'async',
    ])
  })

  test('behavior: concurrent updates in one process lose nothing', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        updateManifest(path, {
          update: appendUpgrade(`same-process-${index}`),
        }),
      ),
    )
    const ids = (await loadManifest(path)).upgrades!.map((u) => u.id)
    expect(ids).toHaveLength(21)
    for (let index = 0; index < 20; index++)
      expect(ids).toContain(`same-process-${index}`)
    expect(await archiveCount()).toBe(20)
  })

  test('behavior: concurrent writer processes lose no update, one archive per write', async () => {
    const perWriter = 15
    const writers = ['left', 'right', 'third'].map((label) => {
      const child = spawnWriter(['append', path, label, String(perWriter)])
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString()
      })
      return new Promise<void>((resolve, reject) =>
        child.once('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`${label}: ${stderr}`)),
        ),
      )
    })
    await Promise.all(writers)

    const ids = (await loadManifest(path)).upgrades!.map((u) => u.id)
    expect(ids).toHaveLength(1 + 3 * perWriter)
    for (const label of ['left', 'right', 'third']) {
      const own = ids.filter((id) => id.startsWith(`${label}-`))
      // Each writer's entries are all there, in its own order.
      expect(own).toEqual(
        Array.from({ length: perWriter }, (_, index) => `${label}-${index}`),
      )
    }
    expect(await archiveCount()).toBe(3 * perWriter)
    expect((await readdir(dir)).sort()).toEqual(['archive', 'local.json'])
  })

  test('error: the updater throws', async () => {
    const before = await readFile(path, 'utf8')
    const error = await updateManifest(path, {
      update: () => {
        throw new TypeError('boom')
      },
    }).catch((error: unknown) => error)
    expect(error).toBeInstanceOf(ManifestUpdaterError)
    expect((error as ManifestUpdaterError).cause).toBeInstanceOf(TypeError)
    expect(
      (error as Error).message.replaceAll(dir, '<tmp>'),
    ).toMatchInlineSnapshot(`
        "The update function for <tmp>/local.json threw; nothing was written.

        Hint: See Details (and \`cause\`) for the original error.
        Details: boom
        Version: @storydao/core@x.y.z"
      `)
    expect(await readFile(path, 'utf8')).toBe(before)
    expect(await archiveCount()).toBe(0)
  })

  test('error: an OpsError from the updater passes through', async () => {
    const own = new OpsError('No.', { code: 'TEST' })
    await expect(
      updateManifest(path, {
        update: () => {
          throw own
        },
      }),
    ).rejects.toBe(own)
  })

  test('error: an invalid result writes nothing', async () => {
    const before = await readFile(path, 'utf8')
    await expect(
      updateManifest(path, {
        update: (manifest) => ({
          ...manifest,
          roles: { ...manifest.roles, timelock: 'Nope' },
        }),
      }),
    ).rejects.toBeInstanceOf(ManifestError)
    expect(await readFile(path, 'utf8')).toBe(before)
    expect(await archiveCount()).toBe(0)
    expect(await readdir(dir)).toEqual(['local.json'])
  })

  test('error: no manifest yet', async () => {
    await expect(
      updateManifest(join(dir, 'base.json'), {
        update: (manifest) => manifest,
      }),
    ).rejects.toBeInstanceOf(ManifestNotFoundError)
  })
})
