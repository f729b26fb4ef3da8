import { authorCoinAbi } from '@storydao/core'
import { describe, expect, test } from 'vitest'
import { buildPause } from './buildPause.js'
import {
  contractAddress,
  safes,
  sendAs,
  useLocalStack,
} from './test/localStack.js'

const context = useLocalStack()

describe('buildPause', () => {
  test('default', async () => {
    const { stack, client } = context
    const authorCoin = contractAddress(stack, 'AuthorCoin')
    const call = buildPause({ target: authorCoin })
    expect(call).toMatchInlineSnapshot(`
      {
        "abi": [
          {
            "inputs": [],
            "name": "paused",
            "outputs": [
              {
                "internalType": "bool",
                "name": "",
                "type": "bool",
              },
            ],
            "stateMutability": "view",
            "type": "function",
          },
          {
            "inputs": [],
            "name": "pause",
            "outputs": [],
            "stateMutability": "nonpayable",
            "type": "function",
          },
          {
            "inputs": [],
            "name": "unpause",
            "outputs": [],
            "stateMutability": "nonpayable",
            "type": "function",
          },
          {
            "anonymous": false,
            "inputs": [
              {
                "indexed": false,
                "internalType": "address",
                "name": "account",
                "type": "address",
              },
            ],
            "name": "Paused",
            "type": "event",
          },
          {
            "anonymous": false,
            "inputs": [
              {
                "indexed": false,
                "internalType": "address",
                "name": "account",
                "type": "address",
              },
            ],
            "name": "Unpaused",
            "type": "event",
          },
        ],
        "data": "0x8456cb59",
        "label": "Pause 0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1",
        "operation": "call",
        "to": "0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1",
        "value": 0n,
      }
    `)
    // PAUSER_ROLE belongs to the emergency Safe: no timelock in the way.
    await sendAs(context, safes(stack).emergency, call)
    expect(
      await client.readContract({
        address: authorCoin,
        abi: authorCoinAbi,
        functionName: 'paused',
      }),
    ).toBe(true)
  })

  test('behavior: the ops Safe cannot pause', async () => {
    const { stack } = context
    await expect(
      sendAs(
        context,
        safes(stack).ops,
        buildPause({ target: contractAddress(stack, 'AuthorCoin') }),
      ),
    ).rejects.toThrowError(/AccessControlUnauthorizedAccount/)
  })

  test('error: malformed target', () => {
    expect(() =>
      buildPause({ target: '0x123' }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidAddressError: Invalid address "0x123" at target: expected "0x" followed by 40 hex digits.

      Hint: Pass a 20-byte hex address such as 0x5FbDB2315678afecb367f032d93F642f64180aa3.
      Version: @storydao/core@x.y.z]
    `)
  })
})
