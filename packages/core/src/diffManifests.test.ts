import { describe, expect, test } from 'vitest'
import { diffManifests } from './diffManifests.js'
import { changedManifest, sampleManifest } from './test/manifests.js'

describe('diffManifests', () => {
  test('default: no changes', () => {
    const diff = diffManifests({
      before: sampleManifest(),
      after: sampleManifest(),
    })
    expect(diff.isEmpty).toBe(true)
    expect(diff.contracts).toEqual({ added: [], removed: [], changed: [] })
    expect(diff.implementations).toEqual([])
  })

  test('behavior: every section', () => {
    const diff = diffManifests({
      before: sampleManifest(),
      after: changedManifest(),
    })
    expect(diff.isEmpty).toBe(false)
    expect(diff).toMatchInlineSnapshot(`
      {
        "contracts": {
          "added": [
            {
              "entry": {
                "address": "0x0aD48473f19402B5A21FA6e6E476C42026F6c834",
                "artifact": "Vesting",
                "deployment": {
                  "block": 99,
                  "tx": "0x5eb640e78c75a320c18cfe85514882c891bee446744c908a0aca33255e464162",
                },
                "kind": "plain",
              },
              "name": "Vesting",
            },
          ],
          "changed": [
            {
              "changes": [
                {
                  "after": "0x95F3F2E54e9f4E7FE51E9F59204b8644287FB868",
                  "before": "0x05cC18D2C2BDfd7fA5A6903a819A54405445f856",
                  "path": "implementation",
                },
              ],
              "name": "AuthorCoin",
            },
            {
              "changes": [
                {
                  "after": true,
                  "before": undefined,
                  "path": "verified",
                },
              ],
              "name": "StoryDAO",
            },
            {
              "changes": [
                {
                  "after": "0x3Ea5b2F5BFf96Aa13372c25e8ED17DAf65e15d6D",
                  "before": "0x97938B41E9E3ce457fc6F92403eDfe4829D1dE5A",
                  "path": "implementation",
                },
              ],
              "name": "TreasuryBeacon",
            },
          ],
          "removed": [
            {
              "entry": {
                "address": "0x571f57699a2BC9e29dF43770FC810C8832f0Ef2A",
                "artifact": "StoryTimelock",
                "deployment": {
                  "block": 13,
                  "tx": "0x807b51c0d2a4918c34ccecc4ed9c6987b8b8dcfac682ddfafd53ef1eff709a4c",
                },
                "kind": "timelock",
              },
              "name": "StoryTimelock",
            },
          ],
        },
        "implementations": [
          {
            "after": "0x95F3F2E54e9f4E7FE51E9F59204b8644287FB868",
            "before": "0x05cC18D2C2BDfd7fA5A6903a819A54405445f856",
            "name": "AuthorCoin",
          },
          {
            "after": "0x3Ea5b2F5BFf96Aa13372c25e8ED17DAf65e15d6D",
            "before": "0x97938B41E9E3ce457fc6F92403eDfe4829D1dE5A",
            "name": "TreasuryBeacon",
          },
          {
            "after": "0x3Ea5b2F5BFf96Aa13372c25e8ED17DAf65e15d6D",
            "before": "0x97938B41E9E3ce457fc6F92403eDfe4829D1dE5A",
            "name": "Treasury",
            "via": "TreasuryBeacon",
          },
        ],
        "isEmpty": false,
        "network": {
          "chainId": 31337,
          "changes": [],
          "name": "local",
        },
        "roles": {
          "added": [],
          "changed": [
            {
              "after": "Vesting",
              "before": "AuthorCoin",
              "role": "token",
            },
          ],
          "removed": [
            {
              "contract": "StoryTimelock",
              "role": "timelock",
            },
          ],
        },
        "safes": {
          "added": [],
          "changed": [
            {
              "name": "ops",
              "ownersAdded": [
                "0x1EbDf07C134263b1706a88c3658A0F62051db93E",
              ],
              "ownersRemoved": [
                "0xAcFB09713f4F9cc14aA498cBf844b94A27DA64FF",
              ],
              "threshold": {
                "after": 3,
                "before": 2,
              },
            },
          ],
          "removed": [
            {
              "name": "emergency",
              "safe": {
                "address": "0x2A062b09EaBaFe0714406056F84e5634aA355896",
                "owners": [
                  "0x3e033319468b6DCeBdA65e61606eE2Ae2a198a87",
                  "0x53c9e4CA120f4006187ec38EeD8ED9f0AF390A61",
                  "0x4184b46Bc06d50e028b2F1b5Ba948aCAd6FcAED9",
                ],
                "threshold": 2,
              },
            },
          ],
        },
        "upgrades": {
          "added": [
            {
              "calldata": "0x",
              "createdAt": "2026-11-27T09:00:00.000Z",
              "fromImplementation": "0x97938B41E9E3ce457fc6F92403eDfe4829D1dE5A",
              "id": "2026-11-27-treasury-v2",
              "status": "prepared",
              "target": "TreasuryBeacon",
              "toImplementation": "0x3Ea5b2F5BFf96Aa13372c25e8ED17DAf65e15d6D",
            },
          ],
          "changed": [
            {
              "changes": [
                {
                  "after": "executed",
                  "before": "prepared",
                  "path": "status",
                },
                {
                  "after": "0xdaa68a937c95af8a149e2e57b203187b2fa64dff9a8248dcc8914b3d979695f1",
                  "before": undefined,
                  "path": "executedTx",
                },
                {
                  "after": "1234567890123456789012345678901234567890",
                  "before": undefined,
                  "path": "proposalId",
                },
              ],
              "id": "2026-11-26-authorcoin-v2",
              "target": "AuthorCoin",
            },
          ],
          "removed": [],
        },
      }
    `)
  })

  test('behavior: network change', () => {
    const next = sampleManifest()
    next.network.chainId = 11155111
    next.network.name = 'sepolia'
    const diff = diffManifests({ before: sampleManifest(), after: next })
    expect(diff.network).toEqual({
      name: 'sepolia',
      chainId: 11155111,
      changes: [
        { path: 'network.name', before: 'local', after: 'sepolia' },
        { path: 'network.chainId', before: 31337, after: 11155111 },
      ],
    })
  })

  test('error: missing manifest', () => {
    // @ts-expect-error plain-JavaScript caller without `after`
    expect(() => diffManifests({ before: sampleManifest() })).toThrow(
      expect.objectContaining({
        code: 'PARAMETER_MISSING',
        parameter: 'after',
      }),
    )
  })
})
