import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { GetAddressErrorType } from 'viem'
import { type Address, getAddress } from 'viem'
import { version } from '../errors/version.js'
import { beaconReadAbi } from '../internal/abis.js'
import { nameOf } from '../internal/invariantHelpers.js'
import type { Invariant, InvariantParameters } from '../types.js'

export type BeaconImplementationIsParameters = InvariantParameters & {
  /** The UpgradeableBeacon. */
  beacon: Address
  /** The implementation it must return. */
  implementation: Address
}

export type BeaconImplementationIsErrorType =
  | MissingParameterErrorType
  | GetAddressErrorType

export type BeaconImplementationIsReturnType = Invariant

/**
 * Invariant: the UpgradeableBeacon's `implementation()` is `implementation`
 * (and so is every beacon proxy's behind it).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#invariants
 *
 * @example
 * ```ts
 * import { beaconImplementationIs } from '@storydao/invariants'
 *
 * const invariant = beaconImplementationIs({ beacon: *   manifest.contracts.TreasuryBeacon.address, implementation: *   manifest.contracts.TreasuryBeacon.implementation, ...*   { label: 'TreasuryBeacon' }, ...* })
 * ```
 *
 * @param parameters - {@link BeaconImplementationIsParameters}
 * @returns The {@link Invariant}.
 */
export function beaconImplementationIs(
  parameters: BeaconImplementationIsParameters,
): BeaconImplementationIsReturnType {
  assertParameters(
    'beaconImplementationIs',
    parameters,
    ['beacon', 'implementation'],
    { version },
  )
  const { beacon, implementation, ...options } = parameters
  const address = getAddress(beacon)
  const expected = getAddress(implementation)
  const name = nameOf(address, options)
  return {
    name: 'beaconImplementationIs',
    id: `beaconImplementationIs(${address},${expected})`,
    description: `${name}: implementation() is ${expected}`,
    reads: {
      implementation: {
        type: 'call',
        address,
        abi: beaconReadAbi,
        functionName: 'implementation',
      },
    },
    needsBefore: false,
    needsLogs: false,
    evaluate({ after }) {
      const actual = getAddress(after.implementation as Address)
      const ok = actual === expected
      return {
        ok,
        expected,
        actual,
        message: ok
          ? `${name}.implementation() is ${actual}.`
          : `${name}.implementation() is ${actual}, expected ${expected}.`,
      }
    },
  }
}
