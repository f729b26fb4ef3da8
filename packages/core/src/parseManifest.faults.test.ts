// Bad inputs for parseManifest: missing input, runaway nesting, cycles, and
// thousands of problems (collected and ordered in O(n log n)).
import { describe, expect, test } from 'vitest'
import type { ManifestError } from './errors/manifest.js'
import type { Manifest } from './manifestSchema.js'
import { parseManifest } from './parseManifest.js'
import { address, mutable, sampleManifest } from './test/manifests.js'

describe('parseManifest (bad inputs)', () => {
  test('error: no parameters', () => {
    // @ts-expect-error plain-JavaScript caller without an argument
    expect(() => parseManifest()).toThrow(
      expect.objectContaining({
        name: 'MissingParameterError',
        code: 'PARAMETER_MISSING',
        parameter: 'parameters',
      }),
    )
  })

  test('error: no input', () => {
    // @ts-expect-error plain-JavaScript caller without `input`
    expect(() => parseManifest({ source: 'x.json' })).toThrow(
      expect.objectContaining({
        name: 'MissingParameterError',
        code: 'PARAMETER_MISSING',
        parameter: 'input',
      }),
    )
  })

  test('error: JSON text nested 10,000 deep is a parse error, not a stack overflow', () => {
    const text = `${'['.repeat(10_000)}${']'.repeat(10_000)}`
    const error = (() => {
      try {
        parseManifest({ input: text, source: 'deep.json' })
      } catch (error) {
        return error
      }
    })()
    expect(error).toMatchObject({
      name: 'ManifestParseError',
      code: 'MANIFEST_PARSE',
      line: 1,
      column: 65,
      details: 'nested deeper than 64 levels',
    })
  })

  test('error: a cyclic object', () => {
    const manifest = mutable(sampleManifest())
    const safe = manifest.safes.ops as unknown as Record<string, unknown>
    safe.owners = [safe]
    expect(() => parseManifest({ input: manifest })).toThrow(
      expect.objectContaining({
        code: 'MANIFEST_INVALID',
        issues: [
          expect.objectContaining({
            code: 'circular_reference',
            path: 'safes.ops.owners[0]',
          }),
        ],
      }),
    )
  })

  test('error: an object nested 100,000 deep', () => {
    let deep: unknown = 'bottom'
    for (let index = 0; index < 100_000; index++) deep = [deep]
    expect(() =>
      parseManifest({ input: { ...sampleManifest(), upgrades: deep } }),
    ).toThrow(
      expect.objectContaining({
        code: 'MANIFEST_INVALID',
        issues: [expect.objectContaining({ code: 'nesting_too_deep' })],
      }),
    )
  })

  test('behavior: 5,000 problems are all reported, in document order', () => {
    const manifest = mutable(sampleManifest())
    const names: string[] = []
    for (let index = 0; index < 5_000; index++) {
      const name = `Contract${index}`
      const checksummed = address(name)
      // An address without letters is its own checksummed form.
      if (checksummed !== checksummed.toLowerCase()) names.push(name)
      manifest.contracts[name] = {
        address:
          checksummed.toLowerCase() as Manifest['safes']['ops']['address'],
        kind: 'plain',
        artifact: 'Plain',
      }
    }
    const error = (() => {
      try {
        parseManifest({ input: manifest })
      } catch (error) {
        return error as ManifestError
      }
    })()
    const paths = error?.issues.map(({ path }) => path) ?? []
    expect(paths).toEqual(names.map((name) => `contracts.${name}.address`))
  })

  test('behavior: hints list at most ten contract names', () => {
    const manifest = mutable(sampleManifest())
    for (let index = 0; index < 12; index++)
      manifest.contracts[`Beacon${index}`] = {
        address: address(`beacon-${index}`),
        kind: 'beacon',
        implementation: address(`beacon-impl-${index}`),
        artifact: 'UpgradeableBeacon',
      }
    const treasury = manifest.contracts.Treasury!
    if (treasury.kind !== 'beacon-proxy') throw new Error('unexpected sample')
    treasury.beacon = address('nowhere')
    const error = (() => {
      try {
        parseManifest({ input: manifest })
      } catch (error) {
        return error as ManifestError
      }
    })()
    expect(error?.issues).toEqual([
      expect.objectContaining({
        code: 'beacon_not_found',
        hint: 'Use the address of a contract of kind "beacon" (TreasuryBeacon, Beacon0, Beacon1, Beacon2, Beacon3, Beacon4, Beacon5, Beacon6, Beacon7, Beacon8 and 3 more), or add the UpgradeableBeacon to contracts.',
      }),
    ])
  })
})
