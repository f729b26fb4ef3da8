import type { Manifest } from '@storydao/core'
import { hasRole, type Invariant, lacksRole } from '@storydao/invariants'
import type { Address } from 'viem'
import type { DeploymentFinding } from '../../types/deploymentFinding.js'

/** @internal One role the system relies on, as an invariant plus the finding when it fails. */
export type RoleExpectation = {
  invariant: Invariant
  finding: Omit<DeploymentFinding, 'message'>
}

type Holder = { name: string; address: Address }

/**
 * @internal The role wiring StoryDAO relies on: the ops Safe (and the governor,
 * when the manifest has one) proposes, executes and cancels on the timelock;
 * the emergency Safe cancels on the timelock and pauses the token; the
 * deployer no longer administers the timelock.
 */
export function roleExpectations(
  manifest: Manifest,
  { deployer }: { deployer: Address | undefined },
): RoleExpectation[] {
  const timelock = contractByRole(manifest, 'timelock')
  const token = contractByRole(manifest, 'token')
  const governor = contractByRole(manifest, 'governor')
  const ops: Holder = { name: 'ops Safe', address: manifest.safes.ops.address }
  const emergency = manifest.safes.emergency
    ? { name: 'emergency Safe', address: manifest.safes.emergency.address }
    : undefined
  const expectations: RoleExpectation[] = []
  const grant = (on: Holder | undefined, role: string, holder: Holder) => {
    if (!on) return
    expectations.push({
      invariant: hasRole({
        contract: on.address,
        role,
        account: holder.address,
        label: on.name,
        accountLabel: holder.name,
      }),
      finding: {
        severity: 'error',
        code: 'role_missing',
        path: `contracts.${on.name}`,
        expected: `${role} held by the ${holder.name} ${holder.address}`,
        hint: `Grant it through the role's admin (the timelock): ${on.name}.grantRole(${role}, ${holder.address}), scheduled by governance or the ops Safe.`,
      },
    })
  }
  for (const role of ['PROPOSER_ROLE', 'EXECUTOR_ROLE', 'CANCELLER_ROLE']) {
    grant(timelock, role, ops)
    if (governor) grant(timelock, role, governor)
  }
  if (emergency) {
    grant(timelock, 'CANCELLER_ROLE', emergency)
    grant(token, 'PAUSER_ROLE', emergency)
  }
  if (timelock && deployer)
    expectations.push({
      invariant: lacksRole({
        contract: timelock.address,
        role: 'DEFAULT_ADMIN_ROLE',
        account: deployer,
        label: timelock.name,
        accountLabel: `deployer ${deployer}`,
      }),
      finding: {
        severity: 'error',
        code: 'admin_not_renounced',
        path: `contracts.${timelock.name}`,
        expected: `DEFAULT_ADMIN_ROLE renounced by the deployer ${deployer}`,
        hint: `The deployer must call ${timelock.name}.renounceRole(DEFAULT_ADMIN_ROLE, ${deployer}); until then it can grant itself every timelock role.`,
      },
    })
  return expectations
}

/** @internal The contract playing a protocol role (the `timelock` kind by default). */
export function contractByRole(
  manifest: Manifest,
  role: 'timelock' | 'token' | 'governor',
): Holder | undefined {
  const name =
    manifest.roles?.[role] ??
    Object.entries(manifest.contracts).find(
      ([, entry]) => entry.kind === role,
    )?.[0]
  const entry = name ? manifest.contracts[name] : undefined
  return name && entry ? { name, address: entry.address } : undefined
}
