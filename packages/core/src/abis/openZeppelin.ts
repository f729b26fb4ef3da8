/**
 * OpenZeppelin 5 `Pausable` (with the `pause()`/`unpause()` entry points
 * every StoryDAO pausable contract exposes): what the pause builders encode
 * and the invariants read.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#abis
 *
 * @example
 * ```ts
 * import { pausableAbi } from '@storydao/core'
 * import { encodeFunctionData } from 'viem'
 *
 * encodeFunctionData({ abi: pausableAbi, functionName: 'pause' })
 * ```
 */
export const pausableAbi = [
  {
    type: 'function',
    name: 'paused',
    inputs: [],
    outputs: [{ name: '', type: 'bool', internalType: 'bool' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    name: 'pause',
    inputs: [],
    outputs: [],
    stateMutability: 'nonpayable',
  },
  {
    type: 'function',
    name: 'unpause',
    inputs: [],
    outputs: [],
    stateMutability: 'nonpayable',
  },
  {
    type: 'event',
    name: 'Paused',
    inputs: [
      {
        name: 'account',
        type: 'address',
        indexed: false,
        internalType: 'address',
      },
    ],
    anonymous: false,
  },
  {
    type: 'event',
    name: 'Unpaused',
    inputs: [
      {
        name: 'account',
        type: 'address',
        indexed: false,
        internalType: 'address',
      },
    ],
    anonymous: false,
  },
] as const

const roleInput = {
  name: 'role',
  type: 'bytes32',
  internalType: 'bytes32',
} as const
const accountInput = {
  name: 'account',
  type: 'address',
  internalType: 'address',
} as const

/**
 * OpenZeppelin 5 `AccessControl`: the role writes the builders encode, the
 * reads the invariants make, and the events a state snapshot replays.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#abis
 *
 * @example
 * ```ts
 * import { accessControlAbi } from '@storydao/core'
 * import { encodeFunctionData, keccak256, toHex } from 'viem'
 *
 * encodeFunctionData({
 *   abi: accessControlAbi,
 *   functionName: 'grantRole',
 *   args: [keccak256(toHex('PAUSER_ROLE')), '0x5FbDB2315678afecb367f032d93F642f64180aa3'],
 * })
 * ```
 */
export const accessControlAbi = [
  {
    type: 'function',
    name: 'hasRole',
    inputs: [roleInput, accountInput],
    outputs: [{ name: '', type: 'bool', internalType: 'bool' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    name: 'getRoleAdmin',
    inputs: [roleInput],
    outputs: [{ name: '', type: 'bytes32', internalType: 'bytes32' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    name: 'grantRole',
    inputs: [roleInput, accountInput],
    outputs: [],
    stateMutability: 'nonpayable',
  },
  {
    type: 'function',
    name: 'revokeRole',
    inputs: [roleInput, accountInput],
    outputs: [],
    stateMutability: 'nonpayable',
  },
  {
    type: 'function',
    name: 'renounceRole',
    inputs: [
      roleInput,
      {
        name: 'callerConfirmation',
        type: 'address',
        internalType: 'address',
      },
    ],
    outputs: [],
    stateMutability: 'nonpayable',
  },
  {
    type: 'event',
    name: 'RoleGranted',
    inputs: [
      { ...roleInput, indexed: true },
      { ...accountInput, indexed: true },
      {
        name: 'sender',
        type: 'address',
        indexed: true,
        internalType: 'address',
      },
    ],
    anonymous: false,
  },
  {
    type: 'event',
    name: 'RoleRevoked',
    inputs: [
      { ...roleInput, indexed: true },
      { ...accountInput, indexed: true },
      {
        name: 'sender',
        type: 'address',
        indexed: true,
        internalType: 'address',
      },
    ],
    anonymous: false,
  },
  {
    type: 'event',
    name: 'RoleAdminChanged',
    inputs: [
      { ...roleInput, indexed: true },
      {
        name: 'previousAdminRole',
        type: 'bytes32',
        indexed: true,
        internalType: 'bytes32',
      },
      {
        name: 'newAdminRole',
        type: 'bytes32',
        indexed: true,
        internalType: 'bytes32',
      },
    ],
    anonymous: false,
  },
] as const
