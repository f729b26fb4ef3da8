// Bad inputs and file-system faults for writeManifest: each case asserts the
// error code and that nothing changed or leaked (listing and bytes compared
// before and after).
import { lstat, mkdir, readFile, readlink, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Manifest } from './manifestSchema.js'
import { serializeManifest } from './serializeManifest.js'
import {
  fillUp,
  mountSupport,
  mountTmpfs,
  snapshot,
} from './test/fileSystems.js'
import { sampleManifest, tempDir } from './test/manifests.js'
import { writeManifest } from './writeManifest.js'

let dir: string
let cleanup: () => Promise<void>

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
})
afterEach(() => cleanup())

function changed(manifest: Manifest): Manifest {
  return { ...manifest, network: { ...manifest.network, chainId: 1337 } }
}

describe('writeManifest (faults)', () => {
  test('behavior: through a symlink, the target is written and the link stays a link', async () => {
    const real = join(dir, 'real', 'local.json')
    const link = join(dir, 'local.json')
    await mkdir(join(dir, 'real'))
    await writeManifest(real, { manifest: sampleManifest() })
    await symlink('real/local.json', link)

    const result = await writeManifest(link, {
      manifest: changed(sampleManifest()),
    })
    expect(result.path).toBe(real)
    expect(result.requestedPath).toBe(link)
    expect((await lstat(link)).isSymbolicLink()).toBe(true)
    expect(await readlink(link)).toBe('real/local.json')
    expect(await readFile(real, 'utf8')).toBe(
      serializeManifest(result.manifest),
    )
    // Archived next to the file it archives, not next to the link.
    expect(result.archivePath?.startsWith(join(dir, 'real', 'archive'))).toBe(
      true,
    )
    expect(Object.keys(await snapshot(dir)).sort()).toEqual([
      'local.json',
      'real',
      'real/archive',
      expect.stringMatching(/^real\/archive\/\d{4}-\d\d-\d\d-local-pre\.json$/),
      'real/local.json',
    ])
  })

  test('behavior: a dangling symlink creates the file it names', async () => {
    const link = join(dir, 'local.json')
    await symlink('state/local.json', link)
    const result = await writeManifest(link, { manifest: sampleManifest() })
    expect(result.path).toBe(join(dir, 'state', 'local.json'))
    expect((await lstat(link)).isSymbolicLink()).toBe(true)
    expect(await readFile(link, 'utf8')).toBe(
      serializeManifest(result.manifest),
    )
  })

  test('error: a cyclic manifest object writes nothing', async () => {
    const manifest = sampleManifest() as Manifest & { contracts: object }
    const entry = manifest.contracts.AuthorCoin as unknown as Record<
      string,
      unknown
    >
    entry.self = entry
    const error = await writeManifest(join(dir, 'local.json'), {
      manifest,
    }).catch((error: unknown) => error)
    expect(error).toMatchObject({
      name: 'ManifestError',
      code: 'MANIFEST_INVALID',
      issues: [
        expect.objectContaining({
          code: 'circular_reference',
          path: 'contracts.AuthorCoin.self',
        }),
      ],
    })
    expect(await snapshot(dir)).toEqual({})
  })

  test('error: a manifest object nested 10,000 deep writes nothing', async () => {
    let deep: unknown = {}
    for (let index = 0; index < 10_000; index++) deep = { deep }
    const manifest = { ...sampleManifest(), notes: deep } as unknown as Manifest
    const error = await writeManifest(join(dir, 'local.json'), {
      manifest,
    }).catch((error: unknown) => error)
    expect(error).toMatchObject({
      code: 'MANIFEST_INVALID',
      issues: [expect.objectContaining({ code: 'nesting_too_deep' })],
    })
    expect(await snapshot(dir)).toEqual({})
  })

  test('error: missing parameters', async () => {
    await expect(
      // @ts-expect-error plain-JavaScript caller without a manifest
      writeManifest(join(dir, 'local.json'), {}),
    ).rejects.toMatchObject({
      code: 'PARAMETER_MISSING',
      parameter: 'manifest',
    })
    await expect(
      // @ts-expect-error plain-JavaScript caller without a path
      writeManifest(undefined, { manifest: sampleManifest() }),
    ).rejects.toMatchObject({ code: 'PARAMETER_MISSING', parameter: 'path' })
    expect(await snapshot(dir)).toEqual({})
  })
})

describe.skipIf(!mountSupport.supported)(
  `writeManifest on a full or read-only tmpfs${mountSupport.supported ? '' : ` (skipped: ${mountSupport.reason})`}`,
  () => {
    let mounted: ReturnType<typeof mountTmpfs>
    let path: string

    beforeEach(async () => {
      mounted = mountTmpfs('64k')
      path = join(mounted.dir, 'local.json')
      await writeManifest(path, { manifest: sampleManifest() })
    })
    afterEach(() => mounted.unmount())

    test('error: disk full while taking the lock leaves nothing behind', async () => {
      const before = await snapshot(mounted.dir)
      const freeAll = await fillUp(mounted.dir, 0)
      await expect(
        writeManifest(path, { manifest: changed(sampleManifest()) }),
      ).rejects.toMatchObject({ code: 'MANIFEST_FILE', operation: 'lock' })
      expect(await snapshot(mounted.dir)).toEqual(before)
      await freeAll()
    })

    test('error: disk full while archiving leaves no temp file and no archive', async () => {
      const before = await snapshot(mounted.dir)
      // One page: the lock's holder file fits, the archive does not.
      const freeAll = await fillUp(mounted.dir, 1)
      const error = await writeManifest(path, {
        manifest: changed(sampleManifest()),
      }).catch((error: unknown) => error)
      expect(error).toMatchObject({
        code: 'MANIFEST_FILE',
        operation: 'archive',
      })
      expect((error as Error).message).toContain('ENOSPC')
      expect(await snapshot(mounted.dir)).toEqual(before)

      await freeAll()
      const retry = await writeManifest(path, {
        manifest: changed(sampleManifest()),
      })
      expect(retry.changed).toBe(true)
      expect(retry.archivePath).toBeDefined()
    })

    test('error: disk full while writing removes the archive of the update that did not happen', async () => {
      const before = await snapshot(mounted.dir)
      // Two pages: the lock and the archive fit, the new manifest does not.
      const freeAll = await fillUp(mounted.dir, 2)
      const error = await writeManifest(path, {
        manifest: changed(sampleManifest()),
      }).catch((error: unknown) => error)
      expect(error).toMatchObject({ code: 'MANIFEST_FILE', operation: 'write' })
      expect((error as Error).message).toContain('ENOSPC')
      expect(await snapshot(mounted.dir)).toEqual(before)

      await freeAll()
      const retry = await writeManifest(path, {
        manifest: changed(sampleManifest()),
      })
      expect(retry.changed).toBe(true)
      expect(
        Object.keys(await snapshot(mounted.dir)).filter((name) =>
          name.startsWith('archive/'),
        ),
      ).toHaveLength(1)
    })

    test('error: a read-only file system says read-only and changes nothing', async () => {
      const before = await snapshot(mounted.dir)
      mounted.remountReadOnly()
      const error = await writeManifest(path, {
        manifest: changed(sampleManifest()),
      }).catch((error: unknown) => error)
      expect(error).toMatchObject({
        name: 'ManifestReadOnlyError',
        code: 'MANIFEST_READ_ONLY',
      })
      expect(
        (error as Error).message.replaceAll(mounted.dir, '<tmpfs>'),
      ).toMatchInlineSnapshot(`
        "Cannot write <tmpfs>/local.json: it is read-only.

        Path:   <tmpfs>/local.json
        Reason: read-only file system (EROFS)

        Hint: The file system is mounted read-only: write the manifest to a writable location, or remount it read-write.
        Docs: packages/core/README.md#writemanifest
        Details: EROFS: read-only file system, access '<tmpfs>'
        Version: @storydao/core@x.y.z"
      `)
      expect(await snapshot(mounted.dir)).toEqual(before)
    })
  },
)
