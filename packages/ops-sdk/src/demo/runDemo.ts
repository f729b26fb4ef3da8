import { privateKeyToAccount } from 'viem/accounts'
import { loadLocalStackKit } from '../cli/loadLocalStackKit.js'
import { createOpsContext } from '../playbooks/createOpsContext.js'
import { refreshOpsContext } from '../playbooks/refreshOpsContext.js'
import type { DemoLog } from './demoLog.js'
import { type DeployActResult, deploySystem } from './deploySystem.js'
import {
  type IncidentActResult,
  respondToIncident,
} from './respondToIncident.js'
import {
  type UpgradeActResult,
  upgradeThroughVote,
} from './upgradeThroughVote.js'
import { writeDemoRepository } from './writeDemoRepository.js'

export type RunDemoParameters = {
  /** The output folder, laid out as a repository root. */
  out: string
  /** The StoryDAO Foundry project, built (`forge build`). */
  contracts: string
  /** The release file to deploy. */
  release: string
  log: DemoLog
}

export type RunDemoReturnType = {
  out: string
  deployment: DeployActResult
  upgrade: UpgradeActResult
  incident: IncidentActResult
}

/**
 * The whole seed playbook on the embedded local stack, every privileged step
 * a Safe transaction proposed to the local Transaction Service, confirmed by
 * a second owner and executed from the queue. The stack brings the Safes; the
 * StoryDAO system the playbook works on is the one the demo deploys.
 */
export async function runDemo({
  out,
  contracts,
  release,
  log,
}: RunDemoParameters): Promise<RunDemoReturnType> {
  const { startLocalStack, anvilPrivateKeys } =
    await loadLocalStackKit('storydao-ops demo')
  log.step(
    'Start the local stack: anvil, Safe v1.4.1 (ops and emergency Safes), Transaction Service',
  )
  const stack = await startLocalStack({ txService: true })
  try {
    log.detail(
      `${stack.rpcUrl} (chain ${stack.chainId}), ${stack.txServiceUrl}`,
    )
    const { manifest } = stack
    await writeDemoRepository({
      root: out,
      rpcUrl: stack.rpcUrl,
      txServiceUrl: stack.txServiceUrl,
      manifest: {
        schemaVersion: manifest.schemaVersion,
        network: manifest.network,
        safes: manifest.safes,
        contracts: {},
      },
    })
    const opened = await createOpsContext({
      network: 'local',
      root: out,
      env: { LOCAL_RPC_URL: stack.rpcUrl },
    })
    // A community member who receives the initial supply and votes (anvil
    // dev account 7: no Safe owner, no role).
    const holder = privateKeyToAccount(anvilPrivateKeys[7])
    const deployed = await deploySystem(opened, {
      release,
      contracts,
      holder: holder.address,
      log,
    })
    const upgrade = await upgradeThroughVote(deployed.context, {
      contracts,
      voter: holder,
      log,
    })
    // Later steps read the manifest the upgrade validation updated.
    const context = await refreshOpsContext(deployed.context)
    const incident = await respondToIncident(context, {
      attacker: stack.accounts.stranger.address,
      log,
    })
    return { out, deployment: deployed.result, upgrade, incident }
  } finally {
    await stack.stop()
  }
}
