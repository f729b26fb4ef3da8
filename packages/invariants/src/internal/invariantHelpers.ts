import { type Address, getAddress } from 'viem'
import type {
  Invariant,
  InvariantContext,
  InvariantOptions,
  RoleInvariantOptions,
  StateRead,
} from '../types.js'
import { accessControlAbi, erc20ReadAbi, pausableAbi } from './abis.js'
import { roleName, toRoleHash } from './roles.js'
import { formatValue, stableJson, toInvariantValue } from './values.js'

/** @internal The label, or the address. */
export function nameOf(
  address: Address,
  options: InvariantOptions | undefined,
): string {
  return options?.label ?? address
}

/** @internal The `before` values, which relative invariants cannot do without. */
export function requireBefore(context: InvariantContext): {
  readonly [key: string]: unknown
} {
  if (!context.before)
    throw new Error(
      'no baseline: this invariant compares with the state before',
    )
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
      const before = toInvariantValue(requireBefore(context).value)
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

/** @internal EIP-1967 `bytes32(uint256(keccak256('eip1967.proxy.implementation')) - 1)`. */
export const implementationSlot =
  '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc' as const
/** @internal EIP-1967 `bytes32(uint256(keccak256('eip1967.proxy.admin')) - 1)`. */
export const adminSlot =
  '0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103' as const
/** @internal EIP-1967 `bytes32(uint256(keccak256('eip1967.proxy.beacon')) - 1)`. */
export const beaconSlot =
  '0xa3f0ad74e5423aebfd80d3ef4346578335a9a72aeaee59ff6cb3582b35133d50' as const

/** @internal The address held in the low 20 bytes of a storage word. */
export function slotToAddress(word: unknown): Address {
  return getAddress(`0x${String(word).slice(-40)}`)
}

/** @internal `hasRole(role, account) == expected`. */
export function roleInvariant(parameters: {
  name: 'hasRole' | 'lacksRole'
  contract: Address
  role: string
  account: Address
  expected: boolean
  options: RoleInvariantOptions | undefined
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
  options: InvariantOptions | undefined
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
