import { OpsError } from './base.js'

export type InvalidAddressErrorType = InvalidAddressError & {
  name: 'InvalidAddressError'
}

/**
 * An address is malformed (not `0x` + 40 hex digits) or its mixed-case EIP-55
 * checksum is wrong.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors
 *
 * @example
 * ```ts
 * import { InvalidAddressError, toChecksummedAddress } from '@storydao/core'
 *
 * try {
 *   toChecksummedAddress({ address: '0x123', path: '--to' })
 * } catch (error) {
 *   if (error instanceof InvalidAddressError) console.error(error.hint)
 * }
 * ```
 */
export class InvalidAddressError extends OpsError {
  override name = 'InvalidAddressError'
  /** The rejected value. */
  value: unknown
  /** Where the value came from (a JSON path, a CLI flag…), if known. */
  path?: string | undefined
  /** The EIP-55 form of the same hex digits, when they are well-formed. */
  checksummed?: string | undefined

  constructor({
    value,
    path,
    checksummed,
  }: {
    value: unknown
    path?: string | undefined
    checksummed?: string | undefined
  }) {
    const where = path ? ` at ${path}` : ''
    const shown = typeof value === 'string' ? `"${value}"` : String(value)
    super(
      checksummed
        ? `Address ${shown}${where} has a wrong EIP-55 checksum.`
        : `Invalid address ${shown}${where}: expected "0x" followed by 40 hex digits.`,
      {
        code: 'ADDRESS_INVALID',
        hint: checksummed
          ? `A wrong checksum usually means a mistyped digit: copy the address again from its source. The checksummed form of these exact digits is ${checksummed}.`
          : 'Pass a 20-byte hex address such as 0x5FbDB2315678afecb367f032d93F642f64180aa3.',
      },
    )
    this.value = value
    this.path = path
    this.checksummed = checksummed
  }
}
