import { encodeMultiSendData } from '@safe-global/protocol-kit'
import { multiSendAbi } from '@storydao/core'
import fc from 'fast-check'
import { decodeFunctionData, getAddress, maxUint256, size, toHex } from 'viem'
import { describe, expect, test } from 'vitest'
import { encodeMultiSend } from './encodeMultiSend.js'

const a = '0x79613FD49472C3C7a32188e45ff00e7bdC8a897d'
const b = '0x6b92f5E5360bfCa8F5d3FcE65D87382967847983'

const entry = fc.record({
  operation: fc.constantFrom(0 as const, 1 as const),
  to: fc
    .uint8Array({ minLength: 20, maxLength: 20 })
    .map((bytes) => getAddress(toHex(bytes))),
  value: fc.bigInt({ min: 0n, max: maxUint256 }),
  data: fc.uint8Array({ maxLength: 120 }).map((bytes) => toHex(bytes)),
})

describe('encodeMultiSend', () => {
  test('default: docs/safe-formats.md#multisend-and-multisendcallonly vector', () => {
    const data = encodeMultiSend([
      { to: a, value: 1n, data: '0x' },
      { to: b, value: 0n, data: '0xa9059cbb' },
    ])
    const packed = decodeFunctionData({ abi: multiSendAbi, data }).args[0]
    expect(size(packed)).toBe(174)
    expect(data.slice(0, 10)).toBe('0x8d80ff0a')
    // offset 0x20, length 0xae (174), packed bytes, padding to 32 bytes
    expect(data.slice(10, 138)).toBe(`${'0'.repeat(62)}20${'0'.repeat(62)}ae`)
    expect(data).toBe(
      `0x8d80ff0a${'0'.repeat(62)}20${'0'.repeat(62)}ae${packed.slice(2)}${'0'.repeat(36)}`,
    )
    expect(packed).toMatchInlineSnapshot(
      `"0x0079613fd49472c3c7a32188e45ff00e7bdc8a897d00000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000006b92f5e5360bfca8f5d3fce65d8738296784798300000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000004a9059cbb"`,
    )
  })

  test('behavior: packed bytes equal protocol-kit encodeMultiSendData', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (transactions) => {
        const data = encodeMultiSend(transactions)
        const packed = decodeFunctionData({ abi: multiSendAbi, data }).args[0]
        expect(packed).toBe(
          transactions.length === 0
            ? '0x'
            : encodeMultiSendData(
                transactions.map((tx) => ({
                  ...tx,
                  value: tx.value.toString(),
                })),
              ).toLowerCase(),
        )
      }),
    )
  })

  test('error: bad entry', () => {
    expect(() =>
      encodeMultiSend([
        { to: a, value: 0n, data: '0x' },
        { to: '0x1234', value: 0n, data: '0x' },
      ] as never),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidAddressError: Invalid address "0x1234" at transactions[1].to: expected "0x" followed by 40 hex digits.

      Hint: Pass a 20-byte hex address such as 0x5FbDB2315678afecb367f032d93F642f64180aa3.
      Version: @storydao/core@x.y.z]
    `)
    expect(() =>
      encodeMultiSend([
        { operation: 2 as never, to: a, value: 0n, data: '0x' },
      ]),
    ).toThrowErrorMatchingInlineSnapshot(`
      [SafePlanInputError: Invalid transactions[0].operation: expected 0 (CALL) or 1 (DELEGATECALL), got number 2.

      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
