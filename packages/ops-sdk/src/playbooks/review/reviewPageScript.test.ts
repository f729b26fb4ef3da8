import { hashSafeTransaction } from '@storydao/safe'
import fc from 'fast-check'
import { getAddress, keccak256, toHex } from 'viem'
import { describe, expect, test } from 'vitest'
import { reviewPageScript } from './reviewPageScript.js'

type PageCheck = {
  keccak256(bytes: Uint8Array): Uint8Array
  hashSafeTx(fields: Record<string, string>): {
    domainHash: string
    messageHash: string
    safeTxHash: string
  }
}

// The script as the browser runs it, minus the DOM: the same source string.
const page = new Function(
  `${reviewPageScript}; return reviewPageCheck`,
)() as PageCheck

const address = fc
  .uint8Array({ minLength: 20, maxLength: 20 })
  .map((bytes) => getAddress(toHex(bytes)))
const uint256 = fc.bigInt({ min: 0n, max: 2n ** 256n - 1n })

describe('reviewPageScript', () => {
  test('behavior: its keccak-256 equals viem’s across the rate boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 700 }), (bytes) => {
        expect(toHex(page.keccak256(bytes))).toBe(keccak256(bytes))
      }),
      { numRuns: 300 },
    )
    for (const length of [0, 135, 136, 137, 271, 272, 273])
      expect(toHex(page.keccak256(new Uint8Array(length).fill(0xa5)))).toBe(
        keccak256(new Uint8Array(length).fill(0xa5)),
      )
  })

  test('behavior: its SafeTx hashes equal hashSafeTransaction for Safe 1.3.0 and 1.4.1', () => {
    fc.assert(
      fc.property(
        fc.record({
          chainId: fc.integer({ min: 1, max: 2 ** 40 }),
          safe: address,
          safeVersion: fc.constantFrom('1.3.0', '1.4.1'),
          to: address,
          value: uint256,
          data: fc.uint8Array({ maxLength: 400 }).map((bytes) => toHex(bytes)),
          operation: fc.constantFrom(0 as const, 1 as const),
          safeTxGas: uint256,
          baseGas: uint256,
          gasPrice: uint256,
          gasToken: address,
          refundReceiver: address,
          nonce: uint256,
        }),
        ({ chainId, safe, safeVersion, ...safeTx }) => {
          const expected = hashSafeTransaction({
            chainId,
            safe,
            safeVersion,
            safeTx,
          })
          const computed = page.hashSafeTx(
            Object.fromEntries(
              Object.entries({ chainId, safe, ...safeTx }).map(
                ([key, value]) => [key, String(value)],
              ),
            ),
          )
          expect(computed).toEqual({
            domainHash: expected.domainHash.toLowerCase(),
            messageHash: expected.messageHash.toLowerCase(),
            safeTxHash: expected.safeTxHash.toLowerCase(),
          })
        },
      ),
      { numRuns: 200 },
    )
  })

  test('behavior: a deploy batch’s worth of data (64 KiB) hashes as viem does', () => {
    const data = new Uint8Array(65_536).map((_, index) => (index * 131) % 251)
    expect(toHex(page.keccak256(data))).toBe(keccak256(data))
  })

  test('error: a field that is not a number, hex or an address cannot be hashed', () => {
    const fields = {
      chainId: '1',
      safe: `0x${'11'.repeat(20)}`,
      to: `0x${'22'.repeat(20)}`,
      value: '0',
      data: '0x',
      operation: '0',
      safeTxGas: '0',
      baseGas: '0',
      gasPrice: '0',
      gasToken: `0x${'00'.repeat(20)}`,
      refundReceiver: `0x${'00'.repeat(20)}`,
      nonce: '0',
    }
    expect(() => page.hashSafeTx({ ...fields, value: '1 ETH' })).toThrow(
      'not a whole number: 1 ETH',
    )
    expect(() => page.hashSafeTx({ ...fields, data: '0x123' })).toThrow(
      'not hex: 0x123',
    )
    expect(() => page.hashSafeTx({ ...fields, to: '0x1234' })).toThrow(
      'not an address: 0x1234',
    )
  })
})
