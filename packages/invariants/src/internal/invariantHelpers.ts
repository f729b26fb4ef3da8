import { accessControlAbi, eip1967Slots, pausableAbi } from '@storydao/core'
import { type Address, getAddress } from 'viem'
import { MissingBaselineError } from '../errors/invariant.js'
import type {
  Invariant,
  InvariantContext,
  InvariantParameters,
  RoleInvariantParameters,
  StateRead,
} from '../types.js'
import { erc20ReadAbi } from './abis.js'
import { roleName, toRoleHash } from './roles.js'
import { formatValue, stableJson, toInvariantValue } from './values.js'

/** @internal The label, or the address. */
export function nameOf(
  address: Address,
  options: InvariantParameters | undefined,
): string {
  return options?.label ?? address
}

/**
 * @internal The `before` values, which relative invariants cannot do without.
 * Only reachable by calling `evaluate` directly: `checkInvariants` and
 * `checkSafePlan` make sure a baseline exists first.
 */
export function requireBefore(
  context: InvariantContext,
  /** The invariant's id, named in the error. */
  invariant = '(an invariant evaluated without its baseline)',
): {
  readonly [key: string]: unknown
} {
  if (!context.before)
    throw new MissingBaselineError({ invariants: [invariant] })
  return context.before
}

/**
 * @internal An invariant requiring one read to keep its pre-transaction value.
 */
export function unchangedInvariant(parameters: {
  name: string
  id: string
  description: string
  what: string
  read: StateRead
}): Invariant {
  const { name, id, description, what, read } = parameters
  return {
    name,
    id,
    description,
    reads: { value: read },
    needsBefore: true,
    needsLogs: false,
    evaluate(context) {
      const before = toInvariantValue(requireBefore(context, id).value)
      const after = toInvariantValue(context.after.value)
      const ok = stableJson(before) === stableJson(after)
      return {
        ok,
        expected: before,
        actual: after,
        message: ok
          ? `${what} is unchanged (${formatValue(after)}).`
          : `${what} changed from ${formatValue(before)} to ${formatValue(after)}${
              typeof before === 'bigint' && typeof after === 'bigint'
                ? ` (${after - before > 0n ? '+' : ''}${after - before})`
                : ''
            }.`,
      }
    },
  }
}

/** @internal The read of `holder`'s balance of `asset` (`'ETH'` or an ERC-20). */
export function balanceRead(
  asset: Address | 'ETH',
  holder: Address,
): StateRead {
  return asset === 'ETH'
    ? { type: 'balance', address: holder }
    : {
        type: 'call',
        address: asset,
        abi: erc20ReadAbi,
        functionName: 'balanceOf',
        args: [holder],
      }
}

/** @internal EIP-1967 implementation slot (core's `eip1967Slots`). */
export const implementationSlot = eip1967Slots.implementation
/** @internal EIP-1967 admin slot (core's `eip1967Slots`). */
export const adminSlot = eip1967Slots.admin
/** @internal EIP-1967 beacon slot (core's `eip1967Slots`). */
export const beaconSlot = eip1967Slots.beacon

/** @internal `hasRole({ contract: role, role: account }) == expected`. */
export function roleInvariant(parameters: {
  name: 'hasRole' | 'lacksRole'
  contract: Address
  role: string
  account: Address
  expected: boolean
  options: RoleInvariantParameters | undefined
}): Invariant {
  const { name, expected, options } = parameters
  const address = getAddress(parameters.contract)
  const account = getAddress(parameters.account)
  const role = toRoleHash(parameters.role)
  const contractName = nameOf(address, options)
  const accountName = options?.accountLabel ?? account
  const shown = roleName(role)
  return {
    name,
    id: `${name}(${address},${role},${account})`,
    description: `${contractName}: ${accountName} ${expected ? 'has' : 'lacks'} ${shown}`,
    reads: {
      hasRole: {
        type: 'call',
        address,
        abi: accessControlAbi,
        functionName: 'hasRole',
        args: [role, account],
      },
    },
    needsBefore: false,
    needsLogs: false,
    evaluate({ after }) {
      const actual = after.hasRole === true
      const ok = actual === expected
      return {
        ok,
        expected,
        actual,
        message: `${accountName} ${actual ? 'has' : 'does not have'} ${shown} on ${contractName}${ok ? '.' : `, expected ${expected ? 'to have' : 'not to have'} it.`}`,
      }
    },
  }
}

/** @internal `paused() == expected`. */
export function pausedInvariant(parameters: {
  name: 'isPaused' | 'isNotPaused'
  contract: Address
  expected: boolean
  options: InvariantParameters | undefined
}): Invariant {
  const { name, expected } = parameters
  const address = getAddress(parameters.contract)
  const contractName = nameOf(address, parameters.options)
  return {
    name,
    id: `${name}(${address})`,
    description: `${contractName}: paused() is ${expected}`,
    reads: {
      paused: {
        type: 'call',
        address,
        abi: pausableAbi,
        functionName: 'paused',
      },
    },
    needsBefore: false,
    needsLogs: false,
    evaluate({ after }) {
      const actual = after.paused === true
      const ok = actual === expected
      return {
        ok,
        expected,
        actual,
        message: `${contractName} is ${actual ? 'paused' : 'not paused'}${ok ? '.' : `, expected ${expected ? 'paused' : 'not paused'}.`}`,
      }
    },
  }
}
