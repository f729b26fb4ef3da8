import {
  accessControlAbi,
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import {
  type Address,
  decodeEventLog,
  type GetAddressErrorType,
  getAddress,
  type Hex,
  isAddressEqual,
} from 'viem'
import { version } from '../errors/version.js'
import { roleName, toRoleHash } from '../internal/roles.js'
import type { DecodedLog, Invariant, RoleChange } from '../types.js'

export type NoUnexpectedRoleChangesParameters = {
  /** AccessControl contracts to watch. */
  contracts: readonly Address[]
  /**
   * Role changes that are expected: a list (matched on contract, role,
   * account and direction; `role` may be a name) or a predicate. Default: none.
   */
  allowed?:
    | readonly (Omit<RoleChange, 'role'> & { role: Hex | string })[]
    | ((change: RoleChange) => boolean)
    | undefined
  /** Names shown for contracts and accounts, by address. */
  labels?: { readonly [address: string]: string } | undefined
}

export type NoUnexpectedRoleChangesReturnType = Invariant

export type NoUnexpectedRoleChangesErrorType =
  | MissingParameterErrorType
  | GetAddressErrorType

/**
 * Invariant: the transaction grants or revokes no AccessControl role on
 * `contracts` beyond the `allowed` ones, judged from its `RoleGranted` /
 * `RoleRevoked` logs (AccessControl does not enumerate members, the logs are
 * the complete record of changes).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#invariants
 *
 * @example
 * ```ts
 * import { noUnexpectedRoleChanges } from '@storydao/invariants'
 *
 * const invariant = noUnexpectedRoleChanges({
 *   contracts: [manifest.contracts.AuthorCoin.address, manifest.contracts.StoryTimelock.address],
 *   allowed: [{
 *     contract: manifest.contracts.AuthorCoin.address,
 *     role: 'PAUSER_ROLE',
 *     account: newCouncil,
 *     granted: true,
 *   }],
 * })
 * ```
 *
 * @param parameters - {@link NoUnexpectedRoleChangesParameters}
 * @returns The {@link Invariant}.
 */
export function noUnexpectedRoleChanges(
  parameters: NoUnexpectedRoleChangesParameters,
): NoUnexpectedRoleChangesReturnType {
  assertParameters('noUnexpectedRoleChanges', parameters, ['contracts'], {
    version,
  })
  const { contracts, allowed, labels = {} } = parameters
  const watched = contracts.map((contract) => getAddress(contract))
  const label = (address: Address) =>
    Object.entries(labels).find(([key]) =>
      isAddressEqual(key as Address, address),
    )?.[1] ?? address
  const allowedList =
    typeof allowed === 'function'
      ? undefined
      : (allowed ?? []).map((change) => ({
          contract: getAddress(change.contract),
          role: toRoleHash(change.role),
          account: getAddress(change.account),
          granted: change.granted,
        }))
  const isAllowed = (change: RoleChange) =>
    typeof allowed === 'function'
      ? allowed(change)
      : (allowedList ?? []).some(
          (item) =>
            item.contract === change.contract &&
            item.role === change.role &&
            item.account === change.account &&
            item.granted === change.granted,
        )
  const describe = (change: RoleChange) =>
    `${change.granted ? 'grant' : 'revoke'} ${roleName(change.role)} ${change.granted ? 'to' : 'from'} ${label(change.account)} on ${label(change.contract)}`
  const show = (change: RoleChange) => ({
    contract: change.contract,
    role: change.role,
    roleName: roleName(change.role),
    account: change.account,
    granted: change.granted,
  })
  return {
    name: 'noUnexpectedRoleChanges',
    id: `noUnexpectedRoleChanges(${watched.join(',')})`,
    description: `No unexpected role changes on ${watched.map(label).join(', ')}`,
    reads: {},
    needsBefore: false,
    needsLogs: true,
    evaluate({ logs }) {
      const changes = logs.flatMap((log) => {
        const change = toRoleChange(log)
        return change && watched.some((address) => address === change.contract)
          ? [change]
          : []
      })
      const unexpected = changes.filter((change) => !isAllowed(change))
      const ok = unexpected.length === 0
      return {
        ok,
        expected: allowedList
          ? allowedList.map(show)
          : 'changes accepted by the allow predicate',
        actual: unexpected.map(show),
        message: ok
          ? changes.length === 0
            ? 'No role was granted or revoked.'
            : `Only expected role changes: ${changes.map(describe).join('; ')}.`
          : `Unexpected role changes: ${unexpected.map(describe).join('; ')}.`,
      }
    },
  }
}

function toRoleChange(log: DecodedLog): RoleChange | undefined {
  try {
    const event = decodeEventLog({
      abi: accessControlAbi,
      topics: log.topics as [Hex, ...Hex[]],
      data: log.data,
    })
    if (event.eventName !== 'RoleGranted' && event.eventName !== 'RoleRevoked')
      return undefined
    return {
      contract: getAddress(log.address),
      role: event.args.role.toLowerCase() as Hex,
      account: getAddress(event.args.account),
      granted: event.eventName === 'RoleGranted',
    }
  } catch {
    return undefined
  }
}
