import { authorCoinAbi, authorCoinV2Abi } from '@storydao/core'
import { storyDaoBytecodes } from '@storydao/testkit'
import { encodeFunctionData, parseEther, zeroHash } from 'viem'
import { describe, expect, test } from 'vitest'
import { buildUupsUpgrade } from './buildUupsUpgrade.js'
import { getProxyState } from './getProxyState.js'
import {
  contractAddress,
  deployWithCreate2,
  runThroughTimelock,
  safes,
  sendAs,
  useLocalStack,
} from './test/localStack.js'

const context = useLocalStack()

describe('buildUupsUpgrade', () => {
  test('default', async () => {
    const { stack, client } = context
    const authorCoin = contractAddress(stack, 'AuthorCoin')
    const holder = stack.accounts.deployer.address
    const balance = await client.readContract({
      address: authorCoin,
      abi: authorCoinAbi,
      functionName: 'balanceOf',
      args: [holder],
    })
    const implementation = await deployWithCreate2(context, {
      bytecode: storyDaoBytecodes.AuthorCoinV2,
      salt: zeroHash,
    })
    const call = buildUupsUpgrade({
      proxy: authorCoin,
      implementation,
      data: encodeFunctionData({
        abi: authorCoinV2Abi,
        functionName: 'initializeV2',
        args: [parseEther('1000')],
      }),
    })
    expect({ ...call, data: undefined, abi: undefined }).toMatchInlineSnapshot(`
      {
        "abi": undefined,
        "data": undefined,
        "label": "Upgrade UUPS proxy 0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1 to 0x7D57aF6DDDf29212F24499C29Ef645ec15384e05 and call it",
        "operation": "call",
        "to": "0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1",
        "value": 0n,
      }
    `)
    // UPGRADER_ROLE and DEFAULT_ADMIN_ROLE belong to the timelock.
    await runThroughTimelock(context, [call])

    const read = <functionName extends 'version' | 'mintLimitPerCall'>(
      functionName: functionName,
    ) =>
      client.readContract({
        address: authorCoin,
        abi: authorCoinV2Abi,
        functionName,
      })
    expect(await read('version')).toBe('2.0.0')
    expect(await read('mintLimitPerCall')).toBe(parseEther('1000'))
    // State survived the upgrade.
    expect(
      await client.readContract({
        address: authorCoin,
        abi: authorCoinAbi,
        functionName: 'balanceOf',
        args: [holder],
      }),
    ).toBe(balance)
    expect(await getProxyState(client, { proxy: authorCoin })).toMatchObject({
      kind: 'uups',
      implementation,
    })
  })

  test('behavior: without data, no initializer runs', async () => {
    const { stack, client } = context
    const authorCoin = contractAddress(stack, 'AuthorCoin')
    const implementation = await deployWithCreate2(context, {
      bytecode: storyDaoBytecodes.AuthorCoinV2,
      salt: zeroHash,
    })
    await runThroughTimelock(context, [
      buildUupsUpgrade({ proxy: authorCoin, implementation }),
    ])
    expect(
      await client.readContract({
        address: authorCoin,
        abi: authorCoinV2Abi,
        functionName: 'mintLimitPerCall',
      }),
    ).toBe(0n)
  })

  test('behavior: only the timelock may upgrade', async () => {
    const { stack } = context
    const implementation = await deployWithCreate2(context, {
      bytecode: storyDaoBytecodes.AuthorCoinV2,
      salt: zeroHash,
    })
    await expect(
      sendAs(
        context,
        safes(stack).ops,
        buildUupsUpgrade({
          proxy: contractAddress(stack, 'AuthorCoin'),
          implementation,
        }),
      ),
    ).rejects.toThrowError(/AccessControlUnauthorizedAccount/)
  })

  test('error: malformed implementation address', () => {
    expect(() =>
      buildUupsUpgrade({
        proxy: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        implementation: '0x1234',
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidAddressError: Invalid address "0x1234" at implementation: expected "0x" followed by 40 hex digits.

      Hint: Pass a 20-byte hex address such as 0x5FbDB2315678afecb367f032d93F642f64180aa3.
      Version: @storydao/core@x.y.z]
    `)
  })
})
