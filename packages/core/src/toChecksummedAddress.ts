import { type Address, getAddress } from 'viem'
import {
  InvalidAddressError,
  type InvalidAddressErrorType,
} from './errors/address.js'
import {
  MissingParameterError,
  type MissingParameterErrorType,
} from './errors/parameters.js'
import { version } from './errors/version.js'

export type ToChecksummedAddressParameters = {
  /** The candidate address (any type; non-strings are rejected). */
  address: unknown
  /** Where the value came from (JSON path, CLI flag…), named in the error. */
  path?: string | undefined
}

export type ToChecksummedAddressReturnType = Address

export type ToChecksummedAddressErrorType =
  | InvalidAddressErrorType
  | MissingParameterErrorType

const hexAddressRegex = /^0x[0-9a-fA-F]{40}$/

/**
 * Validates user input as an address and returns its EIP-55 checksummed form.
 *
 * All-lowercase and all-uppercase hex are accepted (they carry no checksum);
 * mixed case must be a correct checksum, since a wrong one usually means a
 * typo. Manifests are stricter: `parseManifest` requires the checksummed form.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#tochecksummedaddress
 *
 * @example
 * ```ts
 * import { toChecksummedAddress } from '@storydao/core'
 *
 * toChecksummedAddress({
 *   address: '0x5fbdb2315678afecb367f032d93f642f64180aa3',
 *   path: '--to',
 * })
 * // '0x5FbDB2315678afecb367f032d93F642f64180aa3'
 * ```
 *
 * @param parameters - {@link ToChecksummedAddressParameters}
 * @returns The checksummed address.
 * @throws {InvalidAddressError} When malformed or wrongly checksummed.
 */
export function toChecksummedAddress(
  parameters: ToChecksummedAddressParameters,
): ToChecksummedAddressReturnType {
  // An `undefined` address is an invalid address (the message names it); only
  // a call without the parameters object is a missing parameter.
  if (parameters === undefined || parameters === null)
    throw new MissingParameterError({
      functionName: 'toChecksummedAddress',
      parameter: 'parameters',
      expected: 'an object with `address`',
      version,
    })
  const { address: value, path } = parameters
  if (typeof value !== 'string' || !hexAddressRegex.test(value))
    throw new InvalidAddressError({ value, path })
  const checksummed = getAddress(value.toLowerCase())
  const digits = value.slice(2)
  const caseless =
    digits === digits.toLowerCase() || digits === digits.toUpperCase()
  if (!caseless && value !== checksummed)
    throw new InvalidAddressError({ value, path, checksummed })
  return checksummed
}
