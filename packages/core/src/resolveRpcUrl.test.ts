import { describe, expect, test } from 'vitest'
import { InvalidRpcUrlError } from './errors/network.js'
import { resolveRpcUrl } from './resolveRpcUrl.js'

const local = {
  name: 'local',
  rpcEnv: 'LOCAL_RPC_URL',
  defaultRpcUrl: 'http://127.0.0.1:8545',
}
const mainnet = {
  name: 'mainnet',
  rpcEnv: 'MAINNET_RPC_URL',
  defaultRpcUrl: null,
}

describe('resolveRpcUrl', () => {
  test('default: the environment variable wins', () => {
    expect(
      resolveRpcUrl({
        network: local,
        env: { LOCAL_RPC_URL: 'http://10.0.0.1:8545' },
      }),
    ).toBe('http://10.0.0.1:8545')
  })

  test('behavior: falls back to defaultRpcUrl when unset or empty', () => {
    expect(resolveRpcUrl({ network: local, env: {} })).toBe(
      'http://127.0.0.1:8545',
    )
    expect(
      resolveRpcUrl({ network: local, env: { LOCAL_RPC_URL: '  ' } }),
    ).toBe('http://127.0.0.1:8545')
  })

  test('behavior: reads process.env by default', () => {
    process.env.STORYDAO_TEST_RPC_URL = 'wss://rpc.example.org'
    try {
      expect(
        resolveRpcUrl({
          network: { name: 'x', rpcEnv: 'STORYDAO_TEST_RPC_URL' },
        }),
      ).toBe('wss://rpc.example.org')
    } finally {
      delete process.env.STORYDAO_TEST_RPC_URL
    }
  })

  test('error: unset and no default names the variable', () => {
    expect(() =>
      resolveRpcUrl({ network: mainnet, env: {} }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [MissingRpcUrlError: No RPC URL for network "mainnet": MAINNET_RPC_URL is not set.

      Hint: Set MAINNET_RPC_URL to the network's JSON-RPC URL, e.g. \`export MAINNET_RPC_URL=https://…\`.
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: no variable and no default', () => {
    expect(() =>
      resolveRpcUrl({ network: { name: 'adhoc' }, env: {} }),
    ).toThrowErrorMatchingInlineSnapshot(`
        [MissingRpcUrlError: No RPC URL for network "adhoc".

        Hint: Give the network an \`rpcEnv\` (and set that variable) or a \`defaultRpcUrl\`.
        Version: @storydao/core@x.y.z]
      `)
  })

  test('error: not a URL (and the value is not echoed)', () => {
    const secret = 'my-api-key-1234'
    const error = (() => {
      try {
        resolveRpcUrl({ network: mainnet, env: { MAINNET_RPC_URL: secret } })
      } catch (error) {
        return error as Error
      }
    })()
    expect(error).toBeInstanceOf(InvalidRpcUrlError)
    expect(error?.message).not.toContain(secret)
    expect(error).toMatchInlineSnapshot(`
      [InvalidRpcUrlError: Invalid RPC URL for network "mainnet" (from MAINNET_RPC_URL).

      Value: 15 characters, not a URL

      Hint: Use a full URL with an http://, https://, ws:// or wss:// scheme, e.g. http://127.0.0.1:8545.
      Version: @storydao/core@x.y.z]
    `)
  })
})
