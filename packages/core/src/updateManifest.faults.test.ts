// Bad inputs and file-system faults for updateManifest: each case asserts the
// error code and that nothing changed or leaked (listing and bytes compared
// before and after).
import { lstat, mkdir, readFile, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { loadManifest } from './loadManifest.js'
import type { Manifest } from './manifestSchema.js'
import { serializeManifest } from './serializeManifest.js'
import {
  fillUp,
  mountSupport,
  mountTmpfs,
  snapshot,
} from './test/fileSystems.js'
import { address, sampleManifest, tempDir } from './test/manifests.js'
import { updateManifest } from './updateManifest.js'
import { writeManifest } from './writeManifest.js'

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

describe('updateManifest (faults)', () => {
  let dir: string
  let cleanup: () => Promise<void>
  let real: string

  beforeEach(async () => {
    ;({ dir, cleanup } = await tempDir())
    real = join(dir, 'state', 'local.json')
    await mkdir(join(dir, 'state'))
    await writeManifest(real, { manifest: sampleManifest(), archive: false })
  })
  afterEach(() => cleanup())

  test('behavior: through a symlink, the target is updated and the link stays a link', async () => {
    const link = join(dir, 'local.json')
    await symlink('state/local.json', link)
    const result = await updateManifest(link, {
      update: appendUpgrade('via-link'),
      archive: false,
    })
    expect(result).toMatchObject({ path: real, requestedPath: link })
    expect((await lstat(link)).isSymbolicLink()).toBe(true)
    expect(await readFile(real, 'utf8')).toBe(
      serializeManifest(result.manifest),
    )
    expect(result.manifest.upgrades?.map(({ id }) => id)).toContain('via-link')
  })

  test('behavior: two links to one file never diverge under concurrent updates', async () => {
    const links = [join(dir, 'a.json'), join(dir, 'b.json')]
    for (const link of links) await symlink('state/local.json', link)
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        updateManifest(links[index % 2]!, {
          update: appendUpgrade(`update-${index}`),
          archive: false,
        }),
      ),
    )
    const ids = (await loadManifest(real)).upgrades?.map(({ id }) => id) ?? []
    for (let index = 0; index < 20; index++)
      expect(ids).toContain(`update-${index}`)
    for (const link of links)
      expect((await lstat(link)).isSymbolicLink()).toBe(true)
    expect(Object.keys(await snapshot(dir)).sort()).toEqual([
      'a.json',
      'b.json',
      'state',
      'state/local.json',
    ])
  })

  test('error: missing parameters', async () => {
    const before = await snapshot(dir)
    await expect(
      // @ts-expect-error plain-JavaScript caller without an update function
      updateManifest(real, {}),
    ).rejects.toMatchObject({ code: 'PARAMETER_MISSING', parameter: 'update' })
    expect(await snapshot(dir)).toEqual(before)
  })
})

describe.skipIf(!mountSupport.supported)(
  `updateManifest on a full or read-only tmpfs${mountSupport.supported ? '' : ` (skipped: ${mountSupport.reason})`}`,
  () => {
    let mounted: ReturnType<typeof mountTmpfs>
    let path: string

    beforeEach(async () => {
      mounted = mountTmpfs('64k')
      path = join(mounted.dir, 'local.json')
      await writeManifest(path, { manifest: sampleManifest() })
    })
    afterEach(() => mounted.unmount())

    test('error: disk full while writing leaves no archive; a retry succeeds', async () => {
      const before = await snapshot(mounted.dir)
      const freeAll = await fillUp(mounted.dir, 2)
      await expect(
        updateManifest(path, { update: appendUpgrade('full') }),
      ).rejects.toMatchObject({ code: 'MANIFEST_FILE', operation: 'write' })
      expect(await snapshot(mounted.dir)).toEqual(before)

      await freeAll()
      const retry = await updateManifest(path, {
        update: appendUpgrade('full'),
      })
      expect(retry.changed).toBe(true)
      expect(retry.manifest.upgrades?.at(-1)?.id).toBe('full')
    })

    test('error: a read-only file system says read-only and changes nothing', async () => {
      const before = await snapshot(mounted.dir)
      mounted.remountReadOnly()
      const error = await updateManifest(path, {
        update: appendUpgrade('ro'),
      }).catch((error: unknown) => error)
      expect(error).toMatchObject({
        name: 'ManifestReadOnlyError',
        code: 'MANIFEST_READ_ONLY',
      })
      expect((error as Error).message).toContain(
        `Cannot write ${path}: it is read-only.`,
      )
      expect(await snapshot(mounted.dir)).toEqual(before)
    })
  },
)
