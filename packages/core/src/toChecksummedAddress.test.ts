import { describe, expect, test } from 'vitest'
import { InvalidAddressError } from './errors/address.js'
import { toChecksummedAddress } from './toChecksummedAddress.js'

const checksummed = '0x5FbDB2315678afecb367f032d93F642f64180aa3'

describe('toChecksummedAddress', () => {
  test('default', () => {
    expect(toChecksummedAddress({ address: checksummed })).toBe(checksummed)
  })

  test('behavior: lowercase and uppercase input', () => {
    expect(toChecksummedAddress({ address: checksummed.toLowerCase() })).toBe(
      checksummed,
    )
    expect(
      toChecksummedAddress({
        address: `0x${checksummed.slice(2).toUpperCase()}`,
      }),
    ).toBe(checksummed)
  })

  test('error: wrong checksum', () => {
    const wrong = '0x5fbDB2315678afecb367f032d93F642f64180aa3'
    expect(() =>
      toChecksummedAddress({ address: wrong, path: '--to' }),
    ).toThrowErrorMatchingInlineSnapshot(`
        [InvalidAddressError: Address "0x5fbDB2315678afecb367f032d93F642f64180aa3" at --to has a wrong EIP-55 checksum.

        Hint: A wrong checksum usually means a mistyped digit: copy the address again from its source. The checksummed form of these exact digits is 0x5FbDB2315678afecb367f032d93F642f64180aa3.
        Version: @storydao/core@x.y.z]
      `)
  })

  test('error: malformed', () => {
    expect(() =>
      toChecksummedAddress({ address: '0x1234', path: 'contracts.X.address' }),
    ).toThrowErrorMatchingInlineSnapshot(`
        [InvalidAddressError: Invalid address "0x1234" at contracts.X.address: expected "0x" followed by 40 hex digits.

        Hint: Pass a 20-byte hex address such as 0x5FbDB2315678afecb367f032d93F642f64180aa3.
        Version: @storydao/core@x.y.z]
      `)
    expect(() => toChecksummedAddress({ address: 42 })).toThrow(
      InvalidAddressError,
    )
    expect(() => toChecksummedAddress({ address: ` ${checksummed}` })).toThrow(
      InvalidAddressError,
    )
  })

  test('error: no parameters', () => {
    // @ts-expect-error plain-JavaScript caller without an argument
    expect(() => toChecksummedAddress()).toThrow(
      expect.objectContaining({
        name: 'MissingParameterError',
        parameter: 'parameters',
      }),
    )
  })
})
