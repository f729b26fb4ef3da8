import {
  accessControlAbi,
  type Call,
  type ToChecksummedAddressErrorType,
  toChecksummedAddress,
} from '@storydao/core'
import { type Abi, type Address, encodeFunctionData, type Hex } from 'viem'
import type { UnknownRoleErrorType } from '../errors/roles.js'
import { resolveRole } from './resolveRole.js'

/** @internal Parameters the AccessControl role builders share. */
export type RoleCallParameters = {
  /** The AccessControl contract. */
  target: Address
  /** A role name the ABI declares (`'PAUSER_ROLE'`, `'DEFAULT_ADMIN_ROLE'`) or a role id (bytes32). */
  role: string | Hex
  /** The account whose role changes. */
  account: Address
  /** The target's ABI, to resolve role names; without it only `DEFAULT_ADMIN_ROLE` and ids are known. */
  abi?: Abi | undefined
  /** Overrides the generated label. */
  label?: string | undefined
}

/** @internal Errors the AccessControl role builders throw. */
export type RoleCallErrorType =
  | UnknownRoleErrorType
  | ToChecksummedAddressErrorType

/**
 * @internal Builds `functionName(role, account)` on an OpenZeppelin
 * AccessControl contract: checksums `target` and `account`, resolves the role
 * through the ABI, and labels the call with `toLabel` unless a label is given.
 */
export function buildRoleCall(
  functionName: 'grantRole' | 'revokeRole' | 'renounceRole',
  parameters: RoleCallParameters,
  toLabel: (names: {
    role: string
    account: Address
    target: Address
  }) => string,
): Call {
  const target = toChecksummedAddress({
    address: parameters.target,
    path: 'target',
  })
  const account = toChecksummedAddress({
    address: parameters.account,
    path: 'account',
  })
  const role = resolveRole(parameters.role, parameters.abi)
  return {
    to: target,
    value: 0n,
    data: encodeFunctionData({
      abi: accessControlAbi,
      functionName,
      args: [role.id, account],
    }),
    operation: 'call',
    label: parameters.label ?? toLabel({ role: role.name, account, target }),
    abi: accessControlAbi,
  }
}
