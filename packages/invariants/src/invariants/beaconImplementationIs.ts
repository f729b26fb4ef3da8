import { type Address, getAddress } from 'viem'
import { beaconReadAbi } from '../internal/abis.js'
import { nameOf } from '../internal/invariantHelpers.js'
import type { Invariant, InvariantOptions } from '../types.js'

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
 * const invariant = beaconImplementationIs(
 *   manifest.contracts.TreasuryBeacon.address,
 *   manifest.contracts.TreasuryBeacon.implementation,
 *   { label: 'TreasuryBeacon' },
 * )
 * ```
 *
 * @param beacon - The UpgradeableBeacon.
 * @param implementation - The implementation it must return.
 * @param options - {@link InvariantOptions}
 * @returns The {@link Invariant}.
 */
export function beaconImplementationIs(
  beacon: Address,
  implementation: Address,
  options?: InvariantOptions,
): BeaconImplementationIsReturnType {
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
