import { ChainReadError } from '@storydao/core'
import { createPublicClient, http } from 'viem'
import { describe, expect, test } from 'vitest'
import { assertCreate2DeployerPresent } from './assertCreate2DeployerPresent.js'
import { create2DeployerAddress } from './constants.js'
import { useLocalStack } from './test/localStack.js'

const context = useLocalStack()

describe('assertCreate2DeployerPresent', () => {
  test('default', async () => {
    // anvil ships the deterministic deployment proxy.
    await expect(
      assertCreate2DeployerPresent(context.client),
    ).resolves.toBeUndefined()
  })

  test('error: deployer missing', async () => {
    await context.client.setCode({
      address: create2DeployerAddress,
      bytecode: '0x',
    })
    await expect(
      assertCreate2DeployerPresent(context.client),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [Create2DeployerMissingError: The CREATE2 deployer 0x4e59b44847b379578588920cA78FbF26c0B4956C has no code on chain 31337.

      Chain id: 31337
      Deployer: 0x4e59b44847b379578588920cA78FbF26c0B4956C

      Hint: Deploy the deterministic deployment proxy first: fund 0x3fAB184622Dc19b6109349B94811493BF2a45362 with 0.01 ETH and broadcast its presigned transaction (github.com/Arachnid/deterministic-deployment-proxy). Chains with EIP-155-only RPCs need the per-chain variant. anvil has it unless started with --disable-default-create2-deployer.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: RPC unreachable', async () => {
    const client = createPublicClient({
      transport: http('http://127.0.0.1:9', { retryCount: 0 }),
    })
    await expect(assertCreate2DeployerPresent(client)).rejects.toBeInstanceOf(
      ChainReadError,
    )
  })
})
