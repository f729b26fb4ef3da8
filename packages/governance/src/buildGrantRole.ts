import type { Call } from '@storydao/core'
import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { Address } from 'viem'
import { version } from './errors/version.js'
import { buildRoleCall } from './internal/buildRoleCall.js'
import type { RoleCallErrorType, RoleCallParameters } from './types/roles.js'

export type BuildGrantRoleParameters = Omit<RoleCallParameters, 'account'> & {
  /** The account that receives the role. */
  account: Address
}

export type BuildGrantRoleReturnType = Call

export type BuildGrantRoleErrorType =
  | RoleCallErrorType
  | MissingParameterErrorType

/**
 * Builds `grantRole(role, account)` on an OpenZeppelin AccessControl contract.
 * Sent by an admin of the role (StoryDAO: the timelock).
 *
 * Role names resolve through the ABI: a name is known when the ABI has its
 * getter (`PAUSER_ROLE() returns (bytes32)`), and its id follows the
 * OpenZeppelin convention `keccak256("PAUSER_ROLE")` (`DEFAULT_ADMIN_ROLE` is
 * `bytes32(0)`).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#buildgrantrole
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
  assertParameters(
    'buildGrantRole',
    parameters,
    ['target', 'role', 'account'],
    { version },
  )
  return buildRoleCall(
    'grantRole',
    parameters,
    ({ role, account, target }) => `Grant ${role} to ${account} on ${target}`,
  )
}
