import { createRequire } from 'node:module'
import { create2DeployerAddress } from '@storydao/governance'
import { getAddress } from 'viem'
import { describe, expect, test } from 'vitest'
import {
  type CanonicalContractKind,
  canonicalContracts,
  getCanonicalContract,
} from './getCanonicalContract.js'

const require = createRequire(import.meta.url)

/** safe-deployments' asset file of each kind, by release. */
const assetFiles: Partial<
  Record<CanonicalContractKind, Record<string, string>>
> = {
  safe: { '1.3.0': 'gnosis_safe', '1.4.1': 'safe', '1.5.0': 'safe' },
  'safe-l2': {
    '1.3.0': 'gnosis_safe_l2',
    '1.4.1': 'safe_l2',
    '1.5.0': 'safe_l2',
  },
  'safe-proxy-factory': {
    '1.3.0': 'proxy_factory',
    '1.4.1': 'safe_proxy_factory',
    '1.5.0': 'safe_proxy_factory',
  },
  'compatibility-fallback-handler': {
    '1.3.0': 'compatibility_fallback_handler',
    '1.4.1': 'compatibility_fallback_handler',
    '1.5.0': 'compatibility_fallback_handler',
  },
  'multi-send': {
    '1.3.0': 'multi_send',
    '1.4.1': 'multi_send',
    '1.5.0': 'multi_send',
  },
  'multi-send-call-only': {
    '1.3.0': 'multi_send_call_only',
    '1.4.1': 'multi_send_call_only',
    '1.5.0': 'multi_send_call_only',
  },
}

/** The released `canonical` and `eip155` addresses of one asset. */
function evmAddresses(release: string, file: string): string[] {
  const asset = require(
    `@safe-global/safe-deployments/dist/assets/v${release}/${file}.json`,
  ) as {
    released: boolean
    deployments: Record<string, { address: string } | undefined>
  }
  expect(asset.released).toBe(true)
  return (['canonical', 'eip155'] as const).flatMap((type) => {
    const deployment = asset.deployments[type]
    return deployment ? [getAddress(deployment.address)] : []
  })
}

describe('getCanonicalContract', () => {
  test('default', () => {
    expect(
      getCanonicalContract({
        address: '0x4e59b44847b379578588920cA78FbF26c0B4956C',
      }),
    ).toMatchInlineSnapshot(`
      {
        "address": "0x4e59b44847b379578588920cA78FbF26c0B4956C",
        "kind": "create2-deployer",
        "name": "CREATE2 deployer",
      }
    `)
    expect(
      getCanonicalContract({
        address: '0x9641d764fc13c8b624c04430c7356c1c7c8102e2',
      })?.name,
    ).toBe('MultiSendCallOnly 1.4.1')
  })

  test('behavior: every Safe entry is what safe-deployments lists, and it lists nothing more', () => {
    for (const [kind, files] of Object.entries(assetFiles))
      for (const [release, file] of Object.entries(files)) {
        const listed = canonicalContracts
          .filter(
            (contract) =>
              contract.kind === kind && contract.safeVersion === release,
          )
          .map((contract) => contract.address)
        expect(listed, `${kind} ${release}`).toEqual(
          evmAddresses(release, file),
        )
      }
  })

  test('behavior: the CREATE2 deployer is the one governance deploys through', () => {
    expect(
      canonicalContracts.find(
        (contract) => contract.kind === 'create2-deployer',
      )?.address,
    ).toBe(create2DeployerAddress)
  })

  test('behavior: addresses are checksummed and unique', () => {
    const addresses = canonicalContracts.map((contract) => contract.address)
    expect(addresses.map((address) => getAddress(address))).toEqual(addresses)
    expect(new Set(addresses).size).toBe(addresses.length)
  })

  test('behavior: any other or malformed address is not canonical', () => {
    expect(
      getCanonicalContract({
        address: '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720',
      }),
    ).toBeUndefined()
    expect(getCanonicalContract({ address: '0x1234' })).toBeUndefined()
  })

  test('error: no parameters', () => {
    expect(() =>
      getCanonicalContract(undefined as never),
    ).toThrowErrorMatchingInlineSnapshot(`
      [MissingParameterError: getCanonicalContract: missing \`parameters\` (expected an object with \`address\`).

      Hint: Call getCanonicalContract(…) with \`parameters\` set; see its doc comment for an example.
      Docs: packages/core/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
