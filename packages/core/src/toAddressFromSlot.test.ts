import type { Hex } from 'viem'
import { describe, expect, test } from 'vitest'
import { InvalidSlotValueError } from './errors/chain.js'
import { toAddressFromSlot } from './toAddressFromSlot.js'

const word =
  '0x0000000000000000000000005fbdb2315678afecb367f032d93f642f64180aa3'

describe('toAddressFromSlot', () => {
  test('default', () => {
    expect(toAddressFromSlot(word)).toBe(
      '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    )
  })

  test('behavior: an empty or zero word is the zero address', () => {
    for (const value of ['0x', '0x0', `0x${'0'.repeat(64)}`] as const)
      expect(toAddressFromSlot(value)).toBe(
        '0x0000000000000000000000000000000000000000',
      )
  })

  test('behavior: a word with leading zeros trimmed decodes the same', () => {
    expect(
      toAddressFromSlot('0x5fbdb2315678afecb367f032d93f642f64180aa3'),
    ).toBe(toAddressFromSlot(word))
    expect(toAddressFromSlot('0x1')).toBe(
      '0x0000000000000000000000000000000000000001',
    )
  })

  test('behavior: keeps the low 20 bytes, as address(uint160(word))', () => {
    expect(
      toAddressFromSlot(
        '0xffffffffffffffffffffffff5fbdb2315678afecb367f032d93f642f64180aa3',
      ),
    ).toBe('0x5FbDB2315678afecb367f032d93F642f64180aa3')
  })

  test('error: not hex', () => {
    expect(() =>
      toAddressFromSlot('0xzz' as Hex),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidSlotValueError: Invalid storage slot value "0xzz": expected "0x" followed by at most 64 hex digits.

      Hint: Pass the value \`eth_getStorageAt\` returned (viem: \`getStorageAt(client, { address, slot }) ?? "0x"\`).
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: longer than 32 bytes', () => {
    expect(() => toAddressFromSlot(`${word}00`)).toThrow(InvalidSlotValueError)
  })
})
