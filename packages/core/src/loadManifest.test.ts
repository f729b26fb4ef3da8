import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import {
  ManifestError,
  ManifestFileError,
  ManifestNotFoundError,
  ManifestParseError,
} from './errors/manifest.js'
import { loadManifest } from './loadManifest.js'
import { serializeManifest } from './serializeManifest.js'
import { mutable, sampleManifest, tempDir } from './test/manifests.js'

let dir: string
let cleanup: () => Promise<void>

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
  await writeFile(join(dir, 'local.json'), serializeManifest(sampleManifest()))
})
afterEach(() => cleanup())

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: unknown) => error,
  )
  return Object.assign(error as Error, {
    message: (error as Error).message.replaceAll(dir, '<tmp>'),
  })
}

describe('loadManifest', () => {
  test('default: by network name', async () => {
    expect(await loadManifest('local', { deploymentsDir: dir })).toEqual(
      sampleManifest(),
    )
  })

  test('behavior: by path', async () => {
    expect(await loadManifest(join(dir, 'local.json'))).toEqual(
      sampleManifest(),
    )
  })

  test('behavior: the repository’s deployments/ by default', async () => {
    // deploymentsDir is resolved from the current directory.
    await expect(loadManifest('no-such-network')).rejects.toBeInstanceOf(
      ManifestNotFoundError,
    )
  })

  test('error: not found lists the manifests that exist', async () => {
    await writeFile(join(dir, 'sepolia.json'), '{}')
    await writeFile(join(dir, 'networks.json'), '{}')
    await writeFile(join(dir, 'manifest.schema.json'), '{}')
    const error = await rejection(loadManifest('base', { deploymentsDir: dir }))
    expect(error).toBeInstanceOf(ManifestNotFoundError)
    expect(error).toMatchInlineSnapshot(`
      [ManifestNotFoundError: Manifest not found: <tmp>/base.json.

      Hint: Manifests in that directory: local, sepolia. Pass one of these names, a path, or \`deploymentsDir\`.
      Details: ENOENT: no such file or directory, open '<tmp>/base.json'
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: a directory is not a manifest', async () => {
    await mkdir(join(dir, 'dir.json'))
    await expect(loadManifest(join(dir, 'dir.json'))).rejects.toBeInstanceOf(
      ManifestFileError,
    )
  })

  test('error: non-JSON file names the file, line and column', async () => {
    await writeFile(
      join(dir, 'local.json'),
      '{\n  "schemaVersion": 1,\n  "network": { "name": "local" "chainId": 31337 }\n}\n',
    )
    const error = await rejection(
      loadManifest('local', { deploymentsDir: dir }),
    )
    expect(error).toBeInstanceOf(ManifestParseError)
    expect(error).toMatchObject({ line: 3, column: 32 })
    expect(error).toMatchInlineSnapshot(`
      [ManifestParseError: Manifest <tmp>/local.json is not valid JSON at line 3, column 32.

      Hint: Fix the JSON syntax at line 3, column 32 (a missing comma, quote or bracket, or a trailing comma), or restore the file from its archive/ copy.
      Details: expected "," or "}" after property value, found "\\""
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: empty file', async () => {
    await writeFile(join(dir, 'local.json'), '  \n')
    const error = await rejection(
      loadManifest('local', { deploymentsDir: dir }),
    )
    expect(error).toBeInstanceOf(ManifestParseError)
    expect((error as ManifestParseError).details).toBe('the file is empty')
  })

  test('error: invalid manifest names the file and JSON path', async () => {
    const bad = mutable()
    bad.contracts.AuthorCoin.address =
      bad.contracts.AuthorCoin.address.toLowerCase()
    await writeFile(join(dir, 'local.json'), JSON.stringify(bad, null, 2))
    const error = await rejection(
      loadManifest('local', { deploymentsDir: dir }),
    )
    expect(error).toBeInstanceOf(ManifestError)
    expect(error.message).toContain(
      'Invalid manifest <tmp>/local.json: 1 problem.',
    )
    expect(error.message).toContain('- contracts.AuthorCoin.address:')
  })

  test('error: duplicate keys in the file', async () => {
    const text = serializeManifest(sampleManifest()).replace(
      '"threshold": 2,',
      '"threshold": 2,\n      "threshold": 3,',
    )
    await writeFile(join(dir, 'local.json'), text)
    const error = await rejection(
      loadManifest('local', { deploymentsDir: dir }),
    )
    expect((error as ManifestError).issues).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate_key",
          "hint": "Rename or merge the entries so every key appears once.",
          "message": "Duplicate key "threshold": JSON keeps only the last one, so an entry is silently lost.",
          "path": "safes.ops.threshold",
        },
      ]
    `)
  })

  test('error: loaded by name, describes another network', async () => {
    await writeFile(
      join(dir, 'sepolia.json'),
      serializeManifest(sampleManifest()),
    )
    const error = await rejection(
      loadManifest('sepolia', { deploymentsDir: dir }),
    )
    expect(error).toMatchInlineSnapshot(`
      [ManifestError: Invalid manifest <tmp>/sepolia.json: 1 problem.

      - network.name: Loaded as network "sepolia", but the manifest describes network "local".
        Hint: Rename the file to local.json, or fix network.name.

      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: no path or network', async () => {
    // @ts-expect-error plain-JavaScript caller without an argument
    await expect(loadManifest()).rejects.toMatchObject({
      code: 'PARAMETER_MISSING',
      parameter: 'path',
    })
  })
})
