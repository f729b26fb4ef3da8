import { describe, expect, test } from 'vitest'
import { getNetwork } from './getNetwork.js'
import type { Networks } from './networksSchema.js'

const networks: Networks = {
  networks: {
    local: {
      chainId: 31337,
      rpcEnv: 'LOCAL_RPC_URL',
      defaultRpcUrl: 'http://127.0.0.1:8545',
      txServiceUrl: 'http://127.0.0.1:8546/api',
      explorer: null,
    },
    sepolia: {
      chainId: 11155111,
      rpcEnv: 'SEPOLIA_RPC_URL',
      defaultRpcUrl: null,
      txServiceUrl: null,
      explorer: 'https://sepolia.etherscan.io',
    },
  },
}

describe('getNetwork', () => {
  test('default: by name', () => {
    expect(getNetwork({ networks, network: 'sepolia' })).toEqual({
      name: 'sepolia',
      ...networks.networks.sepolia,
    })
  })

  test('behavior: by chain id, number or digits', () => {
    expect(getNetwork({ networks, network: 31337 }).name).toBe('local')
    expect(getNetwork({ networks, network: '11155111' }).name).toBe('sepolia')
  })

  test('error: unknown name', () => {
    expect(() =>
      getNetwork({ networks, network: 'holesky' }),
    ).toThrowErrorMatchingInlineSnapshot(`
        [UnknownNetworkError: Unknown network "holesky".

        Known networks: local (31337), sepolia (11155111)

        Hint: Use one of the known names or chain ids, or add the network to deployments/networks.json.
        Version: @storydao/core@x.y.z]
      `)
  })

  test('error: unknown chain id', () => {
    expect(() =>
      getNetwork({ networks, network: 1 }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [UnknownNetworkError: Unknown network: no network with chain id 1.

      Known networks: local (31337), sepolia (11155111)

      Hint: Use one of the known names or chain ids, or add the network to deployments/networks.json.
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: inherited keys are not networks', () => {
    expect(() => getNetwork({ networks, network: 'toString' })).toThrow(
      'Unknown network',
    )
  })
})
