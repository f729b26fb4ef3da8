import {
  assertParameters,
  type MissingParameterErrorType,
  toAddressFromSlot,
} from '@storydao/core'
import type { GetAddressErrorType } from 'viem'
import { type Address, getAddress, type Hex } from 'viem'
import { version } from '../errors/version.js'
import { implementationSlot, nameOf } from '../internal/invariantHelpers.js'
import type { Invariant, InvariantParameters } from '../types.js'

export type ImplementationIsParameters = InvariantParameters & {
  /** The ERC-1967 proxy. */
  proxy: Address
  /** The implementation it must point at. */
  implementation: Address
}

export type ImplementationIsErrorType =
  | MissingParameterErrorType
  | GetAddressErrorType

export type ImplementationIsReturnType = Invariant

/**
 * Invariant: the ERC-1967 proxy's implementation slot holds `implementation`
 * (UUPS and transparent proxies). Use {@link beaconImplementationIs} for
 * beacon proxies.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#invariants
 *
 * @example
 * ```ts
 * import { implementationIs } from '@storydao/invariants'
 *
 * // After an upgrade: the proxy points at the new implementation.
 * const invariant = implementationIs({ proxy: manifest.contracts.AuthorCoin.address, implementation: newImplementation, *   label: 'AuthorCoin',
 * })
 * ```
 *
 * @param parameters - {@link ImplementationIsParameters}
 * @returns The {@link Invariant}.
 */
export function implementationIs(
  parameters: ImplementationIsParameters,
): ImplementationIsReturnType {
  assertParameters(
    'implementationIs',
    parameters,
    ['proxy', 'implementation'],
    { version },
  )
  const { proxy, implementation, ...options } = parameters
  const address = getAddress(proxy)
  const expected = getAddress(implementation)
  const name = nameOf(address, options)
  return {
    name: 'implementationIs',
    id: `implementationIs(${address},${expected})`,
    description: `${name}: implementation is ${expected}`,
    reads: {
      implementation: { type: 'storage', address, slot: implementationSlot },
    },
    needsBefore: false,
    needsLogs: false,
    evaluate({ after }) {
      const actual = toAddressFromSlot(after.implementation as Hex)
      const ok = actual === expected
      return {
        ok,
        expected,
        actual,
        message: ok
          ? `${name} points at implementation ${actual}.`
          : `${name} points at implementation ${actual}, expected ${expected}.`,
      }
    },
  }
}
