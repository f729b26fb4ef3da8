import {
  type Call,
  type ToChecksummedAddressErrorType,
  toChecksummedAddress,
} from '@storydao/core'
import { type Abi, type Address, encodeFunctionData, type Hex } from 'viem'
import type { UnknownRoleErrorType } from './errors/roles.js'
import { accessControlAbi } from './internal/abis.js'
import { resolveRole } from './internal/resolveRole.js'

export type BuildGrantRoleParameters = {
  /** The AccessControl contract. */
  target: Address
  /** A role name the ABI declares (`'PAUSER_ROLE'`, `'DEFAULT_ADMIN_ROLE'`) or a role id (bytes32). */
  role: string | Hex
  /** The account that receives the role. */
  account: Address
  /** The target's ABI, to resolve role names; without it only `DEFAULT_ADMIN_ROLE` and ids are known. */
  abi?: Abi | undefined
  /** Overrides the generated label. */
  label?: string | undefined
}

export type BuildGrantRoleReturnType = Call

export type BuildGrantRoleErrorType =
  | UnknownRoleErrorType
  | ToChecksummedAddressErrorType

/**
 * Builds `grantRole(role, account)` on an OpenZeppelin AccessControl contract.
 * Sent by an admin of the role (StoryDAO: the timelock).
 *
 * Role names resolve through the ABI: a name is known when the ABI has its
 * getter (`PAUSER_ROLE() returns (bytes32)`), and its id follows the
 * OpenZeppelin convention `keccak256("PAUSER_ROLE")` (`DEFAULT_ADMIN_ROLE` is
 * `bytes32(0)`).
 *
 * - Docs: packages/governance/README.md#buildgrantrole
 *
 * @example
 * ```ts
 * import { authorCoinAbi } from '@storydao/core'
 * import { buildGrantRole } from '@storydao/governance'
 *
 * const call = buildGrantRole({
 *   target: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
 *   abi: authorCoinAbi,
 *   role: 'MINTER_ROLE',
 *   account: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
 * })
 * ```
 *
 * @param parameters - {@link BuildGrantRoleParameters}
 * @returns The call.
 * @throws {UnknownRoleError} When the role name is not in the ABI.
 */
export function buildGrantRole(
  parameters: BuildGrantRoleParameters,
): BuildGrantRoleReturnType {
  const target = toChecksummedAddress(parameters.target, { path: 'target' })
  const account = toChecksummedAddress(parameters.account, { path: 'account' })
  const role = resolveRole(parameters.role, parameters.abi)
  return {
    to: target,
    value: 0n,
    data: encodeFunctionData({
      abi: accessControlAbi,
      functionName: 'grantRole',
      args: [role.id, account],
    }),
    operation: 'call',
    label: parameters.label ?? `Grant ${role.name} to ${account} on ${target}`,
    abi: accessControlAbi,
  }
}
