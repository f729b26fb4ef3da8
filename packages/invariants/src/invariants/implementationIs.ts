import { toAddressFromSlot } from '@storydao/core'
import { type Address, getAddress, type Hex } from 'viem'
import { implementationSlot, nameOf } from '../internal/invariantHelpers.js'
import type { Invariant, InvariantOptions } from '../types.js'

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
 * const invariant = implementationIs(manifest.contracts.AuthorCoin.address, newImplementation, {
 *   label: 'AuthorCoin',
 * })
 * ```
 *
 * @param proxy - The ERC-1967 proxy.
 * @param implementation - The implementation it must point at.
 * @param options - {@link InvariantOptions}
 * @returns The {@link Invariant}.
 */
export function implementationIs(
  proxy: Address,
  implementation: Address,
  options?: InvariantOptions,
): ImplementationIsReturnType {
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
