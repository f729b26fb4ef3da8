import {
  assertParameters,
  type ChainReadErrorType,
  type MissingParameterErrorType,
  type ToChecksummedAddressErrorType,
  toChecksummedAddress,
} from '@storydao/core'
import type { Address, Chain, Client, Transport } from 'viem'
import { getCode } from 'viem/actions'
import { getAction } from 'viem/utils'
import {
  Create2AddressOccupiedError,
  type Create2AddressOccupiedErrorType,
} from './errors/deploy.js'
import { version } from './errors/version.js'
import { readChain } from './internal/readChain.js'

export type AssertCreate2AddressesFreeParameters = {
  /** Predicted addresses (from {@link buildCreate2Deploy} or {@link buildRelease}). */
  addresses: readonly Address[]
}

export type AssertCreate2AddressesFreeReturnType = undefined

export type AssertCreate2AddressesFreeErrorType =
  | MissingParameterErrorType
  | Create2AddressOccupiedErrorType
  | ChainReadErrorType
  | ToChecksummedAddressErrorType

/**
 * Checks that no predicted CREATE2 address holds code yet (reads in
 * parallel). A deployment to an occupied address reverts, which in a Safe
 * batch fails the whole batch.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#assertcreate2addressesfree
 *
 * @example
 * ```ts
 * import { assertCreate2AddressesFree, buildRelease } from '@storydao/governance'
 *
 * const { addresses } = buildRelease({ release })
 * await assertCreate2AddressesFree(client, { addresses: Object.values(addresses) })
 * ```
 *
 * @param client - A viem client for the target chain.
 * @param parameters - {@link AssertCreate2AddressesFreeParameters}
 * @throws {Create2AddressOccupiedError} Listing every occupied address.
 */
export async function assertCreate2AddressesFree<
  chain extends Chain | undefined,
>(
  client: Client<Transport, chain>,
  parameters: AssertCreate2AddressesFreeParameters,
): Promise<AssertCreate2AddressesFreeReturnType> {
  assertParameters('assertCreate2AddressesFree', { client }, ['client'], {
    version,
  })
  assertParameters('assertCreate2AddressesFree', parameters, ['addresses'], {
    version,
  })
  const addresses = parameters.addresses.map((address, index) =>
    toChecksummedAddress({ address, path: `addresses[${index}]` }),
  )
  const read = getAction(client, getCode, 'getCode')
  const codes = await readChain('the code at the predicted addresses', () =>
    addresses.map((address) => read({ address })),
  )
  const occupied = addresses.filter(
    (_, index) => codes[index] !== undefined && codes[index] !== '0x',
  )
  if (occupied.length > 0) throw new Create2AddressOccupiedError({ occupied })
}
