import {
  treasuryAbi,
  treasuryV2Abi,
  upgradeableBeaconAbi,
} from '@storydao/core'
import { storyDaoBytecodes } from '@storydao/testkit'
import { encodeFunctionData, parseEther, zeroHash } from 'viem'
import { describe, expect, test } from 'vitest'
import { buildBeaconUpgrade } from './buildBeaconUpgrade.js'
import { getProxyState } from './getProxyState.js'
import {
  contractAddress,
  deployWithCreate2,
  runThroughTimelock,
  useLocalStack,
} from './test/localStack.js'

const context = useLocalStack()

describe('buildBeaconUpgrade', () => {
  test('default', async () => {
    const { stack, client } = context
    const beacon = contractAddress(stack, 'TreasuryBeacon')
    const treasury = contractAddress(stack, 'Treasury')
    const implementation = await deployWithCreate2(context, {
      bytecode: storyDaoBytecodes.TreasuryV2,
      salt: zeroHash,
    })
    const call = buildBeaconUpgrade({ beacon, implementation })
    expect({ ...call, data: undefined, abi: undefined }).toMatchInlineSnapshot(`
      {
        "abi": undefined,
        "data": undefined,
        "label": "Upgrade beacon 0x0DCd1Bf9A1b36cE34237eEaFef220932846BCD82 to 0x0BeeD6897De53240b2B6D6fAe11A0Db666d39162",
        "operation": "call",
        "to": "0x0DCd1Bf9A1b36cE34237eEaFef220932846BCD82",
        "value": 0n,
      }
    `)
    // The beacon upgrade cannot initialize; the same timelock batch calls
    // the proxy's reinitializer (the treasury's owner is the timelock).
    await runThroughTimelock(context, [
      call,
      {
        to: treasury,
        data: encodeFunctionData({
          abi: treasuryV2Abi,
          functionName: 'initializeV2',
          args: [parseEther('5')],
        }),
      },
    ])
    expect(
      await client.readContract({
        address: beacon,
        abi: upgradeableBeaconAbi,
        functionName: 'implementation',
      }),
    ).toBe(implementation)
    expect(
      await client.readContract({
        address: treasury,
        abi: treasuryV2Abi,
        functionName: 'version',
      }),
    ).toBe('2.0.0')
    expect(
      await client.readContract({
        address: treasury,
        abi: treasuryV2Abi,
        functionName: 'dailyLimit',
      }),
    ).toBe(parseEther('5'))
    expect(
      await client.readContract({
        address: treasury,
        abi: treasuryAbi,
        functionName: 'owner',
      }),
    ).toBe(contractAddress(stack, 'StoryTimelock'))
    expect(await getProxyState(client, { proxy: treasury })).toEqual({
      kind: 'beacon',
      implementation,
      admin: undefined,
      beacon,
    })
  })

  test('error: malformed beacon address', () => {
    expect(() =>
      buildBeaconUpgrade({
        beacon: 'beacon' as `0x${string}`,
        implementation: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidAddressError: Invalid address "beacon" at beacon: expected "0x" followed by 40 hex digits.

      Hint: Pass a 20-byte hex address such as 0x5FbDB2315678afecb367f032d93F642f64180aa3.
      Version: @storydao/core@x.y.z]
    `)
  })
})
