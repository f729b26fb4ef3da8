import { ChainReadError } from '@storydao/core'
import { createPublicClient, http } from 'viem'
import { describe, expect, test } from 'vitest'
import { getProxyState } from './getProxyState.js'
import { contractAddress, useLocalStack } from './test/localStack.js'
import {
  deployErc1967Treasury,
  deployTransparentTreasury,
} from './test/proxies.js'

const context = useLocalStack()

describe('getProxyState', () => {
  test('default', async () => {
    const { stack, client } = context
    const entry = stack.manifest.contracts.AuthorCoin!
    expect(
      await getProxyState(client, {
        proxy: contractAddress(stack, 'AuthorCoin'),
      }),
    ).toEqual({
      kind: 'uups',
      implementation: 'implementation' in entry ? entry.implementation : '',
      admin: undefined,
      beacon: undefined,
    })
  })

  test('behavior: beacon proxy reads the beacon’s implementation', async () => {
    const { stack, client } = context
    const beacon = stack.manifest.contracts.TreasuryBeacon!
    expect(
      await getProxyState(client, {
        proxy: contractAddress(stack, 'Treasury'),
      }),
    ).toEqual({
      kind: 'beacon',
      implementation: 'implementation' in beacon ? beacon.implementation : '',
      admin: undefined,
      beacon: beacon.address,
    })
  })

  test('behavior: transparent proxy', async () => {
    const { proxy, proxyAdmin, implementation } =
      await deployTransparentTreasury(context)
    expect(await getProxyState(context.client, { proxy })).toEqual({
      kind: 'transparent',
      implementation,
      admin: proxyAdmin,
      beacon: undefined,
    })
  })

  test('behavior: ERC-1967 proxy with a non-UUPS implementation', async () => {
    const { proxy, implementation } = await deployErc1967Treasury(context)
    expect(await getProxyState(context.client, { proxy })).toEqual({
      kind: 'erc1967',
      implementation,
      admin: undefined,
      beacon: undefined,
    })
  })

  test('behavior: not a proxy', async () => {
    const { stack, client } = context
    expect(
      await getProxyState(client, {
        proxy: contractAddress(stack, 'StoryTimelock'),
      }),
    ).toEqual({
      kind: 'none',
      implementation: undefined,
      admin: undefined,
      beacon: undefined,
    })
  })

  test('error: RPC unreachable', async () => {
    const client = createPublicClient({
      transport: http('http://127.0.0.1:9', { retryCount: 0 }),
    })
    const error = await getProxyState(client, {
      proxy: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    }).catch((error: unknown) => error)
    expect(error).toBeInstanceOf(ChainReadError)
    expect((error as ChainReadError).shortMessage).toMatchInlineSnapshot(
      `"Could not read the EIP-1967 slots of 0x5FbDB2315678afecb367f032d93F642f64180aa3 from the RPC."`,
    )
  })
})
