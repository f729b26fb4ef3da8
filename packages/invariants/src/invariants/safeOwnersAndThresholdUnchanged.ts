import {
  assertParameters,
  type MissingParameterErrorType,
  safeAbi,
} from '@storydao/core'
import type { GetAddressErrorType } from 'viem'
import { type Address, getAddress } from 'viem'
import { version } from '../errors/version.js'
import { nameOf, requireBefore } from '../internal/invariantHelpers.js'
import type { Invariant, InvariantParameters } from '../types.js'

export type SafeOwnersAndThresholdUnchangedParameters = InvariantParameters & {
  /** The Safe. */
  safe: Address
}

export type SafeOwnersAndThresholdUnchangedErrorType =
  | MissingParameterErrorType
  | GetAddressErrorType

export type SafeOwnersAndThresholdUnchangedReturnType = Invariant

/**
 * Invariant: the Safe's owners (as a set) and threshold after the
 * transaction equal those before. Module, guard and fallback-handler changes
 * are reported as warnings by `checkSafePlan`.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#invariants
 *
 * @example
 * ```ts
 * import { safeOwnersAndThresholdUnchanged } from '@storydao/invariants'
 *
 * const invariant = safeOwnersAndThresholdUnchanged({ safe: manifest.safes.ops.address, label: 'ops Safe' })
 * ```
 *
 * @param parameters - {@link SafeOwnersAndThresholdUnchangedParameters}
 * @returns The {@link Invariant}.
 */
export function safeOwnersAndThresholdUnchanged(
  parameters: SafeOwnersAndThresholdUnchangedParameters,
): SafeOwnersAndThresholdUnchangedReturnType {
  assertParameters('safeOwnersAndThresholdUnchanged', parameters, ['safe'], {
    version,
  })
  const { safe, ...options } = parameters
  const address = getAddress(safe)
  const name = nameOf(address, options)
  const config = (values: { readonly [key: string]: unknown }) => ({
    owners: (values.owners as readonly Address[])
      .map((owner) => getAddress(owner))
      .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    threshold: values.threshold as bigint,
  })
  return {
    name: 'safeOwnersAndThresholdUnchanged',
    id: `safeOwnersAndThresholdUnchanged(${address})`,
    description: `${name}: owners and threshold unchanged`,
    reads: {
      owners: {
        type: 'call',
        address,
        abi: safeAbi,
        functionName: 'getOwners',
      },
      threshold: {
        type: 'call',
        address,
        abi: safeAbi,
        functionName: 'getThreshold',
      },
    },
    needsBefore: true,
    needsLogs: false,
    evaluate(context) {
      const before = config(requireBefore(context))
      const after = config(context.after)
      const added = after.owners.filter(
        (owner) => !before.owners.includes(owner),
      )
      const removed = before.owners.filter(
        (owner) => !after.owners.includes(owner),
      )
      const ok =
        added.length === 0 &&
        removed.length === 0 &&
        before.threshold === after.threshold
      const changes = [
        ...(added.length > 0 ? [`owners added: ${added.join(', ')}`] : []),
        ...(removed.length > 0
          ? [`owners removed: ${removed.join(', ')}`]
          : []),
        ...(before.threshold !== after.threshold
          ? [`threshold ${before.threshold} → ${after.threshold}`]
          : []),
      ]
      return {
        ok,
        expected: before,
        actual: after,
        message: ok
          ? `${name} keeps its ${after.threshold}-of-${after.owners.length} owners.`
          : `${name} configuration changed: ${changes.join('; ')}.`,
      }
    },
  }
}
