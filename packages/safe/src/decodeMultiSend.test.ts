import { decodeMultiSendData } from '@safe-global/protocol-kit'
import { multiSendAbi } from '@storydao/core'
import fc from 'fast-check'
import {
  decodeFunctionData,
  encodeFunctionData,
  erc20Abi,
  getAddress,
  maxUint256,
  toHex,
} from 'viem'
import { describe, expect, test } from 'vitest'
import { decodeMultiSend } from './decodeMultiSend.js'
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

describe('decodeMultiSend', () => {
  test('default', () => {
    const transfer = encodeFunctionData({
      abi: erc20Abi,
      functionName: 'transfer',
      args: [a, 10n ** 18n],
    })
    expect(
      decodeMultiSend(
        encodeMultiSend([
          { to: a, value: 1n, data: '0x' },
          { to: b, value: 0n, data: transfer },
        ]),
      ),
    ).toEqual([
      { operation: 0, to: a, value: 1n, data: '0x' },
      { operation: 0, to: b, value: 0n, data: transfer },
    ])
  })

  test('behavior: round trip, and protocol-kit decodes ours', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 6 }),
        (transactions) => {
          const data = encodeMultiSend(transactions)
          expect(decodeMultiSend(data)).toEqual(transactions)
          expect(decodeMultiSendData(data)).toEqual(
            transactions.map((tx) => ({
              operation: tx.operation,
              to: tx.to,
              value: tx.value.toString(),
              data: tx.data,
            })),
          )
        },
      ),
    )
  })

  test('error: wrong selector', () => {
    expect(() =>
      decodeMultiSend('0xa9059cbb'),
    ).toThrowErrorMatchingInlineSnapshot(`
      [MultiSendDecodeError: Invalid MultiSend data: selector 0xa9059cbb is not multiSend(bytes) (0x8d80ff0a).

      Hint: Pass the full calldata of \`multiSend(bytes)\` (selector 0x8d80ff0a), as found in the Safe transaction \`data\`.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: truncated entry', () => {
    const data = encodeMultiSend([{ to: a, value: 1n, data: '0x1234' }])
    const packed = decodeFunctionData({ abi: multiSendAbi, data }).args[0]
    const truncated = encodeFunctionData({
      abi: multiSendAbi,
      functionName: 'multiSend',
      args: [packed.slice(0, -2) as `0x${string}`],
    })
    expect(() =>
      decodeMultiSend(truncated),
    ).toThrowErrorMatchingInlineSnapshot(`
      [MultiSendDecodeError: Invalid MultiSend data at byte 0 of the packed transactions: entry 0 declares 2 data bytes but only 1 remain.

      Hint: Pass the full calldata of \`multiSend(bytes)\` (selector 0x8d80ff0a), as found in the Safe transaction \`data\`.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: unknown operation', () => {
    const data = encodeMultiSend([{ to: a, value: 1n, data: '0x' }])
    const packed = decodeFunctionData({ abi: multiSendAbi, data }).args[0]
    const bad = encodeFunctionData({
      abi: multiSendAbi,
      functionName: 'multiSend',
      args: [`0x02${packed.slice(4)}`],
    })
    expect(() => decodeMultiSend(bad)).toThrowErrorMatchingInlineSnapshot(`
      [MultiSendDecodeError: Invalid MultiSend data at byte 0 of the packed transactions: entry 0 has operation 2 (expected 0 or 1).

      Hint: Pass the full calldata of \`multiSend(bytes)\` (selector 0x8d80ff0a), as found in the Safe transaction \`data\`.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
