import { proxyAdminAbi, treasuryV2Abi } from '@storydao/core'
import { storyDaoBytecodes } from '@storydao/testkit'
import { encodeFunctionData, parseEther, zeroHash } from 'viem'
import { describe, expect, test } from 'vitest'
import { buildTransparentUpgrade } from './buildTransparentUpgrade.js'
import { getProxyState } from './getProxyState.js'
import {
  deployWithCreate2,
  safes,
  sendAs,
  useLocalStack,
} from './test/localStack.js'
import { deployTransparentTreasury } from './test/proxies.js'

const context = useLocalStack()

describe('buildTransparentUpgrade', () => {
  test('default', async () => {
    const { stack, client } = context
    const { ops } = safes(stack)
    const { proxy, proxyAdmin } = await deployTransparentTreasury(context)
    expect(
      await client.readContract({
        address: proxyAdmin,
        abi: proxyAdminAbi,
        functionName: 'owner',
      }),
    ).toBe(ops)
    // The data runs with the ProxyAdmin as msg.sender; TreasuryV2's
    // reinitializer is onlyOwner, so the treasury is handed to it first.
    await sendAs(context, ops, {
      to: proxy,
      data: encodeFunctionData({
        abi: treasuryV2Abi,
        functionName: 'transferOwnership',
        args: [proxyAdmin],
      }),
    })
    const implementation = await deployWithCreate2(context, {
      bytecode: storyDaoBytecodes.TreasuryV2,
      salt: zeroHash,
    })
    const call = buildTransparentUpgrade({
      proxyAdmin,
      proxy,
      implementation,
      data: encodeFunctionData({
        abi: treasuryV2Abi,
        functionName: 'initializeV2',
        args: [parseEther('2')],
      }),
    })
    expect(call.to).toBe(proxyAdmin)
    expect(call.label).toContain(`Upgrade transparent proxy ${proxy}`)
    await sendAs(context, ops, call)
    expect(await getProxyState(client, { proxy })).toEqual({
      kind: 'transparent',
      implementation,
      admin: proxyAdmin,
      beacon: undefined,
    })
    expect(
      await client.readContract({
        address: proxy,
        abi: treasuryV2Abi,
        functionName: 'dailyLimit',
      }),
    ).toBe(parseEther('2'))
  })

  test('behavior: without data (ProxyAdmin v5 has only upgradeAndCall)', async () => {
    const { stack, client } = context
    const { proxy, proxyAdmin } = await deployTransparentTreasury(context)
    const implementation = await deployWithCreate2(context, {
      bytecode: storyDaoBytecodes.TreasuryV2,
      salt: zeroHash,
    })
    await sendAs(
      context,
      safes(stack).ops,
      buildTransparentUpgrade({ proxyAdmin, proxy, implementation }),
    )
    expect(
      await client.readContract({
        address: proxy,
        abi: treasuryV2Abi,
        functionName: 'version',
      }),
    ).toBe('2.0.0')
  })

  test('error: malformed proxy admin address', () => {
    expect(() =>
      buildTransparentUpgrade({
        proxyAdmin: '0xzz',
        proxy: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        implementation: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidAddressError: Invalid address "0xzz" at proxyAdmin: expected "0x" followed by 40 hex digits.

      Hint: Pass a 20-byte hex address such as 0x5FbDB2315678afecb367f032d93F642f64180aa3.
      Version: @storydao/core@x.y.z]
    `)
  })
})
