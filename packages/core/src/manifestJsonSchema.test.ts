import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import {
  manifestJsonSchemaFileUrls,
  renderManifestJsonSchemaFile,
} from './internal/manifestJsonSchemaFile.js'
import { manifestJsonSchema } from './manifestJsonSchema.js'

describe('manifestJsonSchema', () => {
  test('default', () => {
    expect(manifestJsonSchema.$schema).toBe(
      'http://json-schema.org/draft-07/schema#',
    )
    expect(manifestJsonSchema.additionalProperties).toBe(false)
    expect(manifestJsonSchema.required).toMatchInlineSnapshot(`
      [
        "schemaVersion",
        "network",
        "safes",
        "contracts",
      ]
    `)
  })

  test('behavior: contract entries are one strict object per kind', () => {
    const contracts = (
      manifestJsonSchema.properties as Record<string, Record<string, unknown>>
    ).contracts!
    const entry = contracts.additionalProperties as {
      oneOf: { properties: { kind: { const: string } }; required: string[] }[]
    }
    expect(
      Object.fromEntries(
        entry.oneOf.map((option) => [
          option.properties.kind.const,
          option.required,
        ]),
      ),
    ).toMatchInlineSnapshot(`
      {
        "beacon": [
          "address",
          "kind",
          "implementation",
          "artifact",
        ],
        "beacon-proxy": [
          "address",
          "kind",
          "beacon",
          "artifact",
        ],
        "governor": [
          "address",
          "kind",
          "artifact",
        ],
        "plain": [
          "address",
          "kind",
          "artifact",
        ],
        "timelock": [
          "address",
          "kind",
          "artifact",
        ],
        "transparent-proxy": [
          "address",
          "kind",
          "implementation",
          "proxyAdmin",
          "artifact",
        ],
        "uups-proxy": [
          "address",
          "kind",
          "implementation",
          "artifact",
        ],
      }
    `)
  })

  test('behavior: the shipped and deployments/ copies are up to date', async () => {
    for (const url of manifestJsonSchemaFileUrls) {
      const committed = await readFile(url, 'utf8')
      // If this fails: pnpm --filter @storydao/core schema:generate
      expect(committed).toBe(renderManifestJsonSchemaFile())
    }
  })

  test('behavior: shipped as @storydao/core/manifest.schema.json', async () => {
    const packageJson = new URL('../package.json', import.meta.url)
    const { files } = JSON.parse(await readFile(packageJson, 'utf8')) as {
      files: string[]
    }
    expect(files).toContain('manifest.schema.json')
    // Resolved through the package's own `exports`, as a consumer resolves it.
    const resolved = createRequire(packageJson).resolve(
      '@storydao/core/manifest.schema.json',
    )
    expect(resolved).toBe(fileURLToPath(manifestJsonSchemaFileUrls[0]))
  })
})
