import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { InvalidNetworksError } from './errors/network.js'
import { loadNetworks } from './loadNetworks.js'
import { tempDir } from './test/manifests.js'

const committed = fileURLToPath(
  new URL('../../../deployments/networks.json', import.meta.url),
)

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
})
afterEach(() => cleanup())

async function rejection(promise: Promise<unknown>) {
  const error = (await promise.catch((error: unknown) => error)) as Error
  expect(error).toBeInstanceOf(InvalidNetworksError)
  return Object.assign(error, {
    message: error.message.replaceAll(dir, '<tmp>'),
  })
}

describe('loadNetworks', () => {
  test('default: the committed deployments/networks.json', async () => {
    expect(await loadNetworks({ path: committed })).toMatchInlineSnapshot(`
      {
        "networks": {
          "base": {
            "chainId": 8453,
            "defaultRpcUrl": null,
            "explorer": "https://basescan.org",
            "rpcEnv": "BASE_RPC_URL",
            "shortName": "base",
            "txServiceUrl": null,
          },
          "local": {
            "chainId": 31337,
            "defaultRpcUrl": "http://127.0.0.1:8545",
            "explorer": null,
            "rpcEnv": "LOCAL_RPC_URL",
            "shortName": null,
            "txServiceUrl": "http://127.0.0.1:8546/api",
          },
          "mainnet": {
            "chainId": 1,
            "defaultRpcUrl": null,
            "explorer": "https://etherscan.io",
            "rpcEnv": "MAINNET_RPC_URL",
            "shortName": "eth",
            "txServiceUrl": null,
          },
          "sepolia": {
            "chainId": 11155111,
            "defaultRpcUrl": null,
            "explorer": "https://sepolia.etherscan.io",
            "rpcEnv": "SEPOLIA_RPC_URL",
            "shortName": "sep",
            "txServiceUrl": null,
          },
        },
      }
    `)
  })

  test('error: invalid entries', async () => {
    const path = join(dir, 'networks.json')
    await writeFile(
      path,
      JSON.stringify({
        networks: {
          local: {
            chainId: 31337,
            rpcEnv: 'local_rpc',
            defaultRpcUrl: 'ftp://127.0.0.1',
            txServiceUrl: null,
            explorer: null,
            explorrer: null,
          },
          other: {
            chainId: 31337,
            rpcEnv: 'OTHER_RPC_URL',
            txServiceUrl: null,
            explorer: null,
          },
        },
      }),
    )
    expect(await rejection(loadNetworks({ path }))).toMatchInlineSnapshot(`
      [InvalidNetworksError: Invalid networks file <tmp>/networks.json: 4 problems.

      - networks.local.rpcEnv: Invalid environment variable name: uppercase letters, digits and "_". Got the string "local_rpc".
      - networks.local.defaultRpcUrl: Expected an http(s) or ws(s) URL. Got the string "ftp://127.0.0.1".
      - networks.local.explorrer: Unknown key "explorrer".
        Hint: Did you mean "explorer"? Allowed keys here: chainId, rpcEnv, defaultRpcUrl, txServiceUrl, explorer, shortName.
      - networks.other.defaultRpcUrl: Missing required field "defaultRpcUrl".
        Hint: Add "defaultRpcUrl" (string).

      Hint: The file looks like { "networks": { "<name>": { "chainId", "rpcEnv", "defaultRpcUrl", "txServiceUrl", "explorer" } } }.
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: not JSON', async () => {
    const path = join(dir, 'networks.json')
    await writeFile(path, '{ "networks": { } ')
    expect(await rejection(loadNetworks({ path }))).toMatchInlineSnapshot(`
      [InvalidNetworksError: Invalid networks file <tmp>/networks.json: not valid JSON at line 1, column 19 (expected "," or "}" after property value, found end of input).

      Hint: The file looks like { "networks": { "<name>": { "chainId", "rpcEnv", "defaultRpcUrl", "txServiceUrl", "explorer" } } }.
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: missing file', async () => {
    await rejection(loadNetworks({ path: join(dir, 'nope.json') }))
  })

  test("behavior: read from the manifest's folder, not the current directory", async () => {
    await writeFile(
      join(dir, 'networks.json'),
      JSON.stringify({
        networks: {
          here: {
            chainId: 5,
            rpcEnv: 'HERE_RPC_URL',
            defaultRpcUrl: null,
            txServiceUrl: null,
            explorer: null,
          },
        },
      }),
    )
    const networks = await loadNetworks({
      manifestPath: join(dir, 'here.json'),
    })
    expect(Object.keys(networks.networks)).toEqual(['here'])
  })

  test('error: neither path nor manifestPath', async () => {
    // @ts-expect-error plain-JavaScript caller without a path
    await expect(loadNetworks({})).rejects.toMatchObject({
      name: 'MissingParameterError',
      code: 'PARAMETER_MISSING',
      parameter: 'path',
    })
    // @ts-expect-error plain-JavaScript caller without parameters
    await expect(loadNetworks()).rejects.toMatchObject({
      code: 'PARAMETER_MISSING',
    })
  })
})
