import type { ToChecksummedAddressErrorType } from '@storydao/core'
import type { Abi, Address, Hex } from 'viem'
import type { UnknownRoleErrorType } from '../errors/roles.js'

/** Parameters the AccessControl role builders share (`buildGrantRole`, `buildRevokeRole`, `buildRenounceRole`). */
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

/** Errors the AccessControl role builders throw. */
export type RoleCallErrorType =
  | UnknownRoleErrorType
  | ToChecksummedAddressErrorType
