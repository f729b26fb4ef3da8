import type { Call, UpgradeEntry } from '@storydao/core'
import type { Address } from 'viem'
import { TimelockNotInManifestError } from '../../errors/timelock.js'
import { GovernorNotInManifestError } from '../../errors/upgrade.js'
import type { OpsContext } from '../createOpsContext.js'
import { contractByRole } from './roleWiring.js'
import { upgradeDeploymentOf } from './upgradeDeployment.js'

/** @internal The StoryDAO proposal of an upgrade entry, as `upgrade propose --via governor` built it. */
export type UpgradeGovernorProposal = {
  governor: { name: string; address: Address }
  timelock: { name: string; address: Address }
  /** The new implementation's contract. */
  contract: string
  /** The CREATE2 deployment (absent for a rollback: its implementation is live). */
  deploy: Call | undefined
  upgradeCall: Call
  /** The proposal's actions, run by the timelock. */
  calls: Call[]
  /** Hashed into the proposal id: rebuilt byte for byte. */
  description: string
}

/**
 * @internal Rebuilds the governor proposal of an upgrade entry, so queue and
 * execute send the very actions and description voters approved (the
 * proposal id follows from them).
 */
export async function upgradeGovernorProposal(
  context: OpsContext,
  { upgrade, project }: { upgrade: UpgradeEntry; project: string },
): Promise<UpgradeGovernorProposal> {
  const { deploy, contract } = await upgradeDeploymentOf({ upgrade, project })
  const { governor, timelock } = governanceOf(context)
  const target = context.manifest.contracts[upgrade.target]!
  const upgradeCall: Call = {
    to: target.address,
    value: 0n,
    data: upgrade.calldata,
    operation: 'call',
    label: deploy
      ? `${upgrade.target}: upgrade to ${contract} at ${upgrade.toImplementation}`
      : `${upgrade.target}: roll back to ${contract} at ${upgrade.toImplementation}`,
  }
  const description = deploy
    ? `Upgrade ${upgrade.target} to ${contract} (${upgrade.id})\n\nDeploys ${contract} at ${upgrade.toImplementation} with CREATE2 and upgrades ${upgrade.target} (${target.address}) to it.`
    : `Roll back ${upgrade.target} to ${contract} (${upgrade.id})\n\nUpgrades ${upgrade.target} (${target.address}) back to ${contract} at ${upgrade.toImplementation}, which is live.`
  return {
    governor,
    timelock,
    contract,
    deploy: deploy?.call,
    upgradeCall,
    calls: deploy ? [deploy.call, upgradeCall] : [upgradeCall],
    description,
  }
}

/** @internal The manifest's governor and timelock, both required by the governance route. */
export function governanceOf(context: OpsContext): {
  governor: { name: string; address: Address }
  timelock: { name: string; address: Address }
} {
  const governor = contractByRole(context.manifest, 'governor')
  if (!governor)
    throw new GovernorNotInManifestError({ network: context.networkName })
  const timelock = contractByRole(context.manifest, 'timelock')
  if (!timelock)
    throw new TimelockNotInManifestError({ network: context.networkName })
  return { governor, timelock }
}
