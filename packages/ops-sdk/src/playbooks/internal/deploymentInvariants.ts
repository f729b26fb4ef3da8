import type { Call } from '@storydao/core'
import {
  beaconImplementationIs,
  hasRole,
  type Invariant,
  implementationIs,
  lacksRole,
  type RoleChange,
} from '@storydao/invariants'
import { type Address, decodeFunctionData, type Hex } from 'viem'
import type { PendingDeploymentEntry } from '../../types/releaseFile.js'

const grants = new Set(['grantRole'])
const removals = new Set(['revokeRole', 'renounceRole'])

/**
 * @internal What must hold after a release's batch, on top of the default
 * invariants (which only know the contracts the manifest has): every new
 * proxy and beacon on its implementation, and every role call of the release
 * in effect (a grant held, a revocation or renounce gone).
 */
export function toDeploymentInvariants({
  deployments,
  calls,
}: {
  deployments: readonly PendingDeploymentEntry[]
  /** The release's calls after the deployments, as built. */
  calls: readonly Call[]
}): Invariant[] {
  const labels = new Map<string, string>(
    deployments.map(({ address, name }) => [address.toLowerCase(), name]),
  )
  const label = (address: Address) => labels.get(address.toLowerCase())
  const invariants: Invariant[] = []
  for (const { name, address, manifest } of deployments) {
    if (manifest?.kind === 'uups-proxy' && manifest.implementation)
      invariants.push(
        implementationIs({
          proxy: address,
          implementation: manifest.implementation,
          label: name,
        }),
      )
    if (manifest?.kind === 'beacon' && manifest.implementation)
      invariants.push(
        beaconImplementationIs({
          beacon: address,
          implementation: manifest.implementation,
          label: name,
        }),
      )
  }
  for (const call of calls) {
    const role = roleCall(call)
    if (!role) continue
    const parameters = {
      contract: call.to,
      role: role.role,
      account: role.account,
      label: label(call.to),
      accountLabel: label(role.account),
    }
    invariants.push(role.held ? hasRole(parameters) : lacksRole(parameters))
  }
  return invariants
}

function roleCall(
  call: Call,
): { role: Hex; account: Address; held: boolean } | undefined {
  if (!call.abi) return undefined
  try {
    const { functionName, args } = decodeFunctionData({
      abi: call.abi,
      data: call.data,
    })
    if (!grants.has(functionName) && !removals.has(functionName))
      return undefined
    const [role, account] = args as readonly [Hex, Address]
    return { role, account, held: grants.has(functionName) }
  } catch {
    // Not decodable with its own ABI: nothing to check about roles.
    return undefined
  }
}

/**
 * @internal The role grants and removals the release's calls declare: the
 * only role changes its batch may make on contracts the manifest already has
 * (a timelock deployed earlier that the release wires the new governor into).
 */
export function toReleaseRoleChanges(calls: readonly Call[]): RoleChange[] {
  return calls.flatMap((call) => {
    const role = roleCall(call)
    return role
      ? [
          {
            contract: call.to,
            role: role.role,
            account: role.account,
            granted: role.held,
          },
        ]
      : []
  })
}
