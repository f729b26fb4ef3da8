import { safeAbi, setErrorConfig } from '@storydao/core'
import { startAnvil } from '@storydao/invariants'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { createLocalClient } from '../../localClient.js'
import { type LocalStack, startLocalStack } from '../../startLocalStack.js'
import { createVersionedSafe } from './createVersionedSafe.js'
import { deploySafeVersion } from './deploySafeVersion.js'

setErrorConfig({
  getDocsUrl: ({ docsPath }) => docsPath,
  version: '@storydao/core@x.y.z',
})

let stack: LocalStack
beforeAll(async () => {
  stack = await startLocalStack()
})
afterAll(() => stack?.stop())
beforeEach(() => stack.reset())

describe('deploySafeVersion', () => {
  test('default: canonical addresses (eip155 for 1.3.0) and 2-of-3 ops Safes report their VERSION()', async () => {
    const { client } = stack
    const owners = stack.accounts.opsOwners.map((owner) => owner.address)
    const results = []
    for (const version of ['1.3.0', '1.4.1', '1.5.0'] as const) {
      const contracts = await deploySafeVersion(stack.client, { version })
      const safe = await createVersionedSafe(stack.client, {
        contracts,
        owners,
        threshold: 2,
      })
      const read = <name extends 'VERSION' | 'getThreshold' | 'getOwners'>(
        functionName: name,
      ) =>
        client.readContract({
          address: safe.address,
          abi: safeAbi,
          functionName,
        })
      const [onChainVersion, threshold, safeOwners] = await Promise.all([
        read('VERSION'),
        read('getThreshold'),
        read('getOwners'),
      ])
      expect(threshold).toBe(2n)
      expect([...safeOwners].sort()).toEqual([...owners].sort())
      results.push({ ...contracts, onChainVersion })
    }
    expect(results).toMatchInlineSnapshot(`
      [
        {
          "deploymentType": "eip155",
          "fallbackHandlerAddress": "0x017062a1dE2FE6b99BE3d9d37841FeD19F573804",
          "onChainVersion": "1.3.0",
          "safeProxyFactoryAddress": "0xC22834581EbC8527d974F8a1c97E1bEA4EF910BC",
          "safeSingletonAddress": "0x69f4D1788e39c87893C980c06EdF4b7f686e2938",
          "version": "1.3.0",
        },
        {
          "deploymentType": "canonical",
          "fallbackHandlerAddress": "0xfd0732Dc9E303f09fCEf3a7388Ad10A83459Ec99",
          "onChainVersion": "1.4.1",
          "safeProxyFactoryAddress": "0x4e1DCf7AD4e460CfD30791CCC4F9c8a4f820ec67",
          "safeSingletonAddress": "0x41675C099F32341bf84BFc5382aF534df5C7461a",
          "version": "1.4.1",
        },
        {
          "deploymentType": "canonical",
          "fallbackHandlerAddress": "0x3EfCBb83A4A7AfcB4F68D501E2c2203a38be77f4",
          "onChainVersion": "1.5.0",
          "safeProxyFactoryAddress": "0x14F2982D601c9458F93bd70B218933A6f8165e7b",
          "safeSingletonAddress": "0xFf51A5898e281Db6DfC7855790607438dF2ca44b",
          "version": "1.5.0",
        },
      ]
    `)
  })

  test('behavior: idempotent, and 1.4.1 is the local stack set', async () => {
    const again = await deploySafeVersion(stack.client, { version: '1.4.1' })
    expect(again.safeSingletonAddress).toBe(
      stack.safeContracts.safeSingletonAddress,
    )
    expect(again.safeProxyFactoryAddress).toBe(
      stack.safeContracts.safeProxyFactoryAddress,
    )
    expect(again.fallbackHandlerAddress).toBe(
      stack.safeContracts.fallbackHandlerAddress,
    )
  })

  test('error: unknown version', async () => {
    await expect(
      deploySafeVersion(stack.client, { version: '1.2.0' as '1.3.0' }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [TestkitError: Safe version "1.2.0" is not known.

      Hint: Use one of 1.3.0, 1.4.1, 1.5.0.
      Docs: packages/testkit/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: same Safe twice', async () => {
    const contracts = await deploySafeVersion(stack.client, {
      version: '1.5.0',
    })
    const parameters = {
      contracts,
      owners: stack.accounts.opsOwners.map((owner) => owner.address),
      threshold: 2,
      saltNonce: 7n,
    }
    await createVersionedSafe(stack.client, parameters)
    await expect(
      createVersionedSafe(stack.client, parameters),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [TestkitError: Safe creation failed.

      Factory: 0x14F2982D601c9458F93bd70B218933A6f8165e7b
      Singleton: 0xFf51A5898e281Db6DfC7855790607438dF2ca44b
      Salt nonce: 7

      Hint: A Safe with the same owners, threshold and salt nonce may already exist; pass another saltNonce.
      Docs: packages/testkit/README.md#errors
      Details: The contract function "createProxyWithNonce" reverted with the following reason:
      Create2 call failed
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: no Safe singleton factory on the chain', async () => {
    const anvil = await startAnvil()
    try {
      const client = createLocalClient({
        rpcUrl: anvil.rpcUrl,
        account: stack.accounts.deployer.address,
      })
      await expect(
        deploySafeVersion(client, { version: '1.3.0' }),
      ).rejects.toThrowErrorMatchingInlineSnapshot(`
        [TestkitError: The Safe singleton factory is not deployed on chain 31337.

        Factory: 0x914d7Fec6aaC8cd542e72Bca78B30650d45643d7

        Hint: Call deployCanonicalSafeContracts first (startLocalStack does).
        Docs: packages/testkit/README.md#errors
        Version: @storydao/core@x.y.z]
      `)
    } finally {
      await anvil.stop()
    }
  })
})
