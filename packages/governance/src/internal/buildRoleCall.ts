import {
  accessControlAbi,
  type Call,
  toChecksummedAddress,
} from '@storydao/core'
import { type Address, encodeFunctionData } from 'viem'
import type { RoleCallParameters } from '../types/roles.js'
import { resolveRole } from './resolveRole.js'

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
