import { getMultiSendCallOnlyDeployments } from '@safe-global/safe-deployments'
import { describe, expect, test } from 'vitest'
import {
  multiSendCallOnlyCandidates,
  multiSendCallOnlyDeployments,
} from './multiSendDeployments.js'

const versions = ['1.5.0', '1.4.1', '1.3.0'] as const

describe('multiSendCallOnlyDeployments', () => {
  test('default: derived from @safe-global/safe-deployments', () => {
    expect(multiSendCallOnlyDeployments).toMatchInlineSnapshot(`
      [
        {
          "address": "0xA83c336B20401Af773B6219BA5027174338D1836",
          "codeHash": "0xcdbdcec38d2f1c7d961b0029ff8416b7e86e9974d6f0e9c9580c7d17fcfb6663",
          "version": "1.5.0",
        },
        {
          "address": "0x9641d764fc13c8B624c04430C7356C1C7C8102e2",
          "codeHash": "0xecd5bd14a08c5d2122379900b2f272bdf107a7e92423c10dd5fe3254386c9939",
          "version": "1.4.1",
        },
        {
          "address": "0x40A2aCCbd92BCA938b02010E17A5b8929b49130D",
          "codeHash": "0xa9865ac2d9c7a1591619b188c4d88167b50df6cc0c5327fcbd1c8c75f7c066ad",
          "version": "1.3.0",
        },
        {
          "address": "0xA1dabEF33b3B82c7814B6D82A79e50F4AC44102B",
          "codeHash": "0xa9865ac2d9c7a1591619b188c4d88167b50df6cc0c5327fcbd1c8c75f7c066ad",
          "version": "1.3.0",
        },
      ]
    `)
  })

  test('behavior: equals the package API (released canonical + eip155, no zksync)', () => {
    const expected = versions.flatMap((version) => {
      const release = getMultiSendCallOnlyDeployments({ version })
      if (!release) return []
      return (['canonical', 'eip155'] as const).flatMap((type) => {
        const deployment = release.deployments[type]
        return deployment
          ? [
              {
                version,
                address: deployment.address,
                codeHash: deployment.codeHash,
              },
            ]
          : []
      })
    })
    expect(multiSendCallOnlyDeployments).toEqual(expected)
    // A newer release would need a MultiSendCallOnlyVersion (and a hash check).
    expect(getMultiSendCallOnlyDeployments({ version: '>1.5.0' })).toBe(
      undefined,
    )
    expect(
      multiSendCallOnlyDeployments.map((d) => d.address),
    ).not.toContainEqual(
      getMultiSendCallOnlyDeployments({ version: '1.3.0' })?.deployments.zksync
        ?.address,
    )
  })

  test('behavior: candidates prefer the Safe version’s own release', () => {
    expect(
      ['1.5.0', '1.4.1', '1.3.0+L2', '1.1.1'].map((version) =>
        multiSendCallOnlyCandidates(version).map((d) => d.version),
      ),
    ).toEqual([
      ['1.5.0', '1.4.1', '1.3.0', '1.3.0'],
      ['1.4.1', '1.5.0', '1.3.0', '1.3.0'],
      ['1.3.0', '1.3.0', '1.5.0', '1.4.1'],
      ['1.3.0', '1.3.0', '1.5.0', '1.4.1'],
    ])
  })
})
