import { type Abi, erc20Abi } from 'viem'
import { describe, expect, test } from 'vitest'
import { MissingAbiError } from './errors/abi.js'
import { sampleManifest } from './test/manifests.js'
import { toFrontendArtifacts } from './toFrontendArtifacts.js'

const beaconAbi = [
  {
    type: 'function',
    name: 'implementation',
    stateMutability: 'view',
    inputs: [],
    outputs: [{ name: '', type: 'address' }],
  },
] as const satisfies Abi

const abis: Record<string, Abi> = {
  AuthorCoin: erc20Abi,
  StoryTimelock: [],
  StoryDAO: [],
  UpgradeableBeacon: beaconAbi,
  Treasury: [],
}

describe('toFrontendArtifacts', () => {
  test('default', () => {
    const manifest = sampleManifest()
    const artifacts = toFrontendArtifacts({ manifest, abis })
    expect(Object.keys(artifacts)).toEqual(Object.keys(manifest.contracts))
    expect(artifacts.AuthorCoin).toEqual({
      // The proxy's address with the implementation's ABI.
      address: manifest.contracts.AuthorCoin!.address,
      abi: erc20Abi,
    })
    expect(artifacts.TreasuryBeacon?.abi).toBe(beaconAbi)
    expect(JSON.parse(JSON.stringify(artifacts))).toEqual(artifacts)
  })

  test('error: missing ABIs are all listed', () => {
    const { AuthorCoin: _, UpgradeableBeacon: __, ...partial } = abis
    expect(() =>
      toFrontendArtifacts({ manifest: sampleManifest(), abis: partial }),
    ).toThrowErrorMatchingInlineSnapshot(`
        [MissingAbiError: No ABI for 2 artifacts.

        - contracts.AuthorCoin.artifact: "AuthorCoin"
        - contracts.TreasuryBeacon.artifact: "UpgradeableBeacon"
        ABIs given: StoryTimelock, StoryDAO, Treasury

        Hint: Pass an ABI for every artifact named in the manifest (keyed by artifact name, e.g. from \`forge build\` output).
        Version: @storydao/core@x.y.z]
      `)
    expect(() =>
      toFrontendArtifacts({ manifest: sampleManifest(), abis: partial }),
    ).toThrow(MissingAbiError)
  })

  test('error: inherited object keys are not ABIs', () => {
    const manifest = sampleManifest()
    manifest.contracts.StoryDAO!.artifact = 'constructor'
    expect(() => toFrontendArtifacts({ manifest, abis })).toThrow(
      MissingAbiError,
    )
  })
})
