import { hexToBigInt, keccak256, numberToHex, toHex } from 'viem'
import { describe, expect, test } from 'vitest'
import { eip1967Slots } from './eip1967Slots.js'

describe('eip1967Slots', () => {
  test('default', () => {
    expect(eip1967Slots).toMatchInlineSnapshot(`
      {
        "admin": "0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103",
        "beacon": "0xa3f0ad74e5423aebfd80d3ef4346578335a9a72aeaee59ff6cb3582b35133d50",
        "implementation": "0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc",
      }
    `)
  })

  test('behavior: each slot is keccak256("eip1967.proxy.<name>") - 1', () => {
    for (const [name, slot] of Object.entries(eip1967Slots))
      expect(slot).toBe(
        numberToHex(
          hexToBigInt(keccak256(toHex(`eip1967.proxy.${name}`))) - 1n,
          { size: 32 },
        ),
      )
  })
})
