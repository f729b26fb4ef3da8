import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { loadManifest } from './loadManifest.js'
import { parseManifest } from './parseManifest.js'
import { serializeManifest } from './serializeManifest.js'
import { manifestArbitrary } from './test/arbitraries.js'
import { mutable, sampleManifest, tempDir } from './test/manifests.js'
import { writeManifest } from './writeManifest.js'

describe('serializeManifest', () => {
  test('default', () => {
    const text = serializeManifest(sampleManifest())
    expect(text.endsWith('}\n')).toBe(true)
    expect(
      text.startsWith(
        '{\n  "$schema": "./manifest.schema.json",\n  "schemaVersion": 1,',
      ),
    ).toBe(true)
    expect(text).toMatchInlineSnapshot(`
      "{
        "$schema": "./manifest.schema.json",
        "schemaVersion": 1,
        "network": {
          "name": "local",
          "chainId": 31337,
          "rpcEnv": "LOCAL_RPC_URL"
        },
        "safes": {
          "ops": {
            "address": "0xb3fFf91bec1aBE1a54CBD9D9C9D33c18dAf1e8aC",
            "threshold": 2,
            "owners": [
              "0x5dad7600C5D89fE3824fFa99ec1c3eB8BF3b0501",
              "0x3440326f551B8A7ee198cEE35cb5D517f2d296a2",
              "0xAcFB09713f4F9cc14aA498cBf844b94A27DA64FF"
            ]
          },
          "emergency": {
            "address": "0x2A062b09EaBaFe0714406056F84e5634aA355896",
            "threshold": 2,
            "owners": [
              "0x3e033319468b6DCeBdA65e61606eE2Ae2a198a87",
              "0x53c9e4CA120f4006187ec38EeD8ED9f0AF390A61",
              "0x4184b46Bc06d50e028b2F1b5Ba948aCAd6FcAED9"
            ]
          }
        },
        "roles": {
          "timelock": "StoryTimelock",
          "governor": "StoryDAO",
          "token": "AuthorCoin",
          "treasury": "Treasury"
        },
        "contracts": {
          "AuthorCoin": {
            "address": "0x399b17AB143D024e5857b2eDcD8601f99751C6E3",
            "kind": "uups-proxy",
            "implementation": "0x05cC18D2C2BDfd7fA5A6903a819A54405445f856",
            "artifact": "AuthorCoin",
            "deployment": {
              "block": 12,
              "tx": "0xfd731b38300779440b9595bb9c7e78baf29b8ad3a1b5dc6e7f7c0102540385d1"
            },
            "verified": false
          },
          "StoryTimelock": {
            "address": "0x571f57699a2BC9e29dF43770FC810C8832f0Ef2A",
            "kind": "timelock",
            "artifact": "StoryTimelock",
            "deployment": {
              "block": 13,
              "tx": "0x807b51c0d2a4918c34ccecc4ed9c6987b8b8dcfac682ddfafd53ef1eff709a4c"
            }
          },
          "StoryDAO": {
            "address": "0xF68e0b0787Ed013e9f9Cf6dEc462dC66E46f509d",
            "kind": "governor",
            "artifact": "StoryDAO"
          },
          "TreasuryBeacon": {
            "address": "0x72EB0AF80dFBbC5944A02e89f89d179990867CbC",
            "kind": "beacon",
            "implementation": "0x97938B41E9E3ce457fc6F92403eDfe4829D1dE5A",
            "artifact": "UpgradeableBeacon"
          },
          "Treasury": {
            "address": "0xCaD4CdE10F1EF764Fb54A5206BdfD291695B1a9b",
            "kind": "beacon-proxy",
            "beacon": "0x72EB0AF80dFBbC5944A02e89f89d179990867CbC",
            "artifact": "Treasury"
          }
        },
        "upgrades": [
          {
            "id": "2026-11-26-authorcoin-v2",
            "target": "AuthorCoin",
            "fromImplementation": "0x05cC18D2C2BDfd7fA5A6903a819A54405445f856",
            "toImplementation": "0x95F3F2E54e9f4E7FE51E9F59204b8644287FB868",
            "calldata": "0x",
            "status": "prepared",
            "createdAt": "2026-11-26T10:00:00.000Z"
          }
        ]
      }
      "
    `)
  })

  test('behavior: canonical key order whatever the input order', () => {
    const manifest = sampleManifest()
    const shuffled = mutable()
    // Rebuild every object with its keys reversed.
    const reverse = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverse)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([key, item]) => [key, reverse(item)]),
            )
          : value
    const contracts = shuffled.contracts
    const reversed = reverse(shuffled) as typeof shuffled
    // Contract order is the author's, not the schema's: keep it.
    reversed.contracts = Object.fromEntries(
      Object.keys(contracts).map((name) => [name, reversed.contracts[name]]),
    )
    expect(serializeManifest(reversed)).toBe(serializeManifest(manifest))
  })

  test('behavior: adds $schema first when absent', () => {
    const { $schema: _, ...rest } = sampleManifest()
    expect(serializeManifest(rest).split('\n')[1]).toBe(
      '  "$schema": "./manifest.schema.json",',
    )
  })

  test('behavior: parse(serialize(m)) deep-equals m (property)', () => {
    fc.assert(
      fc.property(manifestArbitrary, (manifest) => {
        const text = serializeManifest(manifest)
        const parsed = parseManifest({ input: JSON.parse(text) })
        expect(parsed).toStrictEqual(manifest)
        // And serialising again is byte-identical.
        expect(serializeManifest(parsed)).toBe(text)
      }),
      { numRuns: 300 },
    )
  })

  test('behavior: writeManifest then loadManifest deep-equals m (property)', async () => {
    const { dir, cleanup } = await tempDir()
    try {
      let run = 0
      await fc.assert(
        fc.asyncProperty(manifestArbitrary, async (manifest) => {
          const path = join(dir, `m${run++}.json`)
          const { manifest: written } = await writeManifest(path, { manifest })
          // Only `$schema` may change: to a reference that resolves here.
          expect(written).toStrictEqual({
            ...manifest,
            $schema: written.$schema,
          })
          expect(await readFile(path, 'utf8')).toBe(serializeManifest(written))
          expect(await loadManifest(path)).toStrictEqual(written)
        }),
        { numRuns: 40 },
      )
    } finally {
      await cleanup()
    }
  })

  test('error: no manifest', () => {
    // @ts-expect-error plain-JavaScript caller without an argument
    expect(() => serializeManifest()).toThrow(
      expect.objectContaining({
        code: 'PARAMETER_MISSING',
        parameter: 'manifest',
      }),
    )
  })
})
