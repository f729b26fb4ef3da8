import { authorCoinAbi } from '@storydao/core'
import { describe, expect, test } from 'vitest'
import { buildPause } from './buildPause.js'
import { buildUnpause } from './buildUnpause.js'
import {
  contractAddress,
  runThroughTimelock,
  safes,
  sendAs,
  useLocalStack,
} from './test/localStack.js'

const context = useLocalStack()

describe('buildUnpause', () => {
  test('default', async () => {
    const { stack, client } = context
    const authorCoin = contractAddress(stack, 'AuthorCoin')
    const { emergency } = safes(stack)
    await sendAs(context, emergency, buildPause({ target: authorCoin }))
    const call = buildUnpause({ target: authorCoin })
    expect({ ...call, abi: undefined }).toMatchInlineSnapshot(`
      {
        "abi": undefined,
        "data": "0x3f4ba83a",
        "label": "Unpause 0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1",
        "operation": "call",
        "to": "0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1",
        "value": 0n,
      }
    `)
    // Only DEFAULT_ADMIN_ROLE (the timelock) may unpause.
    await expect(sendAs(context, emergency, call)).rejects.toThrowError(
      /AccessControlUnauthorizedAccount/,
    )
    await runThroughTimelock(context, [call])
    expect(
      await client.readContract({
        address: authorCoin,
        abi: authorCoinAbi,
        functionName: 'paused',
      }),
    ).toBe(false)
  })

  test('error: malformed target', () => {
    expect(() =>
      buildUnpause({ target: '0x5fbdb2315678afecb367f032d93f642f64180aA3' }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidAddressError: Address "0x5fbdb2315678afecb367f032d93f642f64180aA3" at target has a wrong EIP-55 checksum.

      Hint: A wrong checksum usually means a mistyped digit: copy the address again from its source. The checksummed form of these exact digits is 0x5FbDB2315678afecb367f032d93F642f64180aa3.
      Version: @storydao/core@x.y.z]
    `)
  })
})
