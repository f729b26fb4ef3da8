import type { Call } from '@storydao/core'
import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { Address } from 'viem'
import { version } from './errors/version.js'
import { buildRoleCall } from './internal/buildRoleCall.js'
import type { RoleCallErrorType, RoleCallParameters } from './types/roles.js'

export type BuildRenounceRoleParameters = Omit<
  RoleCallParameters,
  'account'
> & {
  /** The account giving up the role; it must be the sender (`callerConfirmation`). */
  account: Address
}

export type BuildRenounceRoleReturnType = Call

export type BuildRenounceRoleErrorType =
  | RoleCallErrorType
  | MissingParameterErrorType

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
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#buildrenouncerole
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
  assertParameters(
    'buildRenounceRole',
    parameters,
    ['target', 'role', 'account'],
    { version },
  )
  return buildRoleCall(
    'renounceRole',
    parameters,
    ({ role, account, target }) =>
      `Renounce ${role} by ${account} on ${target}`,
  )
}
