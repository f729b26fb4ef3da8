import {
  type Call,
  type ToChecksummedAddressErrorType,
  toChecksummedAddress,
} from '@storydao/core'
import { type Abi, type Address, encodeFunctionData, type Hex } from 'viem'
import type { UnknownRoleErrorType } from './errors/roles.js'
import { accessControlAbi } from './internal/abis.js'
import { resolveRole } from './internal/resolveRole.js'

export type BuildRenounceRoleParameters = {
  /** The AccessControl contract. */
  target: Address
  /** A role name the ABI declares (`'PAUSER_ROLE'`, `'DEFAULT_ADMIN_ROLE'`) or a role id (bytes32). */
  role: string | Hex
  /** The account giving up the role; it must be the sender (`callerConfirmation`). */
  account: Address
  /** The target's ABI, to resolve role names; without it only `DEFAULT_ADMIN_ROLE` and ids are known. */
  abi?: Abi | undefined
  /** Overrides the generated label. */
  label?: string | undefined
}

export type BuildRenounceRoleReturnType = Call

export type BuildRenounceRoleErrorType =
  | UnknownRoleErrorType
  | ToChecksummedAddressErrorType

/**
 * Builds `renounceRole(role, callerConfirmation)` on an OpenZeppelin
 * AccessControl contract: the sender gives up its own role (OpenZeppelin 5
 * requires `account` to equal the sender).
 *
 * Role names resolve through the ABI: a name is known when the ABI has its
 * getter (`PAUSER_ROLE() returns (bytes32)`), and its id follows the
 * OpenZeppelin convention `keccak256("PAUSER_ROLE")` (`DEFAULT_ADMIN_ROLE` is
 * `bytes32(0)`).
 *
 * - Docs: packages/governance/README.md#buildrenouncerole
 *
 * @example
 * ```ts
 * import { authorCoinAbi } from '@storydao/core'
 * import { buildRenounceRole } from '@storydao/governance'
 *
 * const call = buildRenounceRole({
 *   target: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
 *   abi: authorCoinAbi,
 *   role: 'MINTER_ROLE',
 *   account: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
 * })
 * ```
 *
 * @param parameters - {@link BuildRenounceRoleParameters}
 * @returns The call.
 * @throws {UnknownRoleError} When the role name is not in the ABI.
 */
export function buildRenounceRole(
  parameters: BuildRenounceRoleParameters,
): BuildRenounceRoleReturnType {
  const target = toChecksummedAddress(parameters.target, { path: 'target' })
  const account = toChecksummedAddress(parameters.account, { path: 'account' })
  const role = resolveRole(parameters.role, parameters.abi)
  return {
    to: target,
    value: 0n,
    data: encodeFunctionData({
      abi: accessControlAbi,
      functionName: 'renounceRole',
      args: [role.id, account],
    }),
    operation: 'call',
    label:
      parameters.label ?? `Renounce ${role.name} by ${account} on ${target}`,
    abi: accessControlAbi,
  }
}
