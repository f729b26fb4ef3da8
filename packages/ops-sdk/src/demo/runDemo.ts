import { loadLocalStackKit } from '../cli/loadLocalStackKit.js'
import { createOpsContext } from '../playbooks/createOpsContext.js'
import type { DemoLog } from './demoLog.js'
import {
  type IncidentActResult,
  respondToIncident,
} from './respondToIncident.js'
import { writeDemoRepository } from './writeDemoRepository.js'

export type RunDemoParameters = {
  /** The output folder, laid out as a repository root. */
  out: string
  log: DemoLog
}

export type RunDemoReturnType = {
  out: string
  incident: IncidentActResult
}

/**
 * The whole seed playbook on the embedded local stack, every privileged step
 * a Safe transaction proposed to the local Transaction Service, confirmed by
 * a second owner and executed from the queue.
 */
export async function runDemo({
  out,
  log,
}: RunDemoParameters): Promise<RunDemoReturnType> {
  const { startLocalStack } = await loadLocalStackKit('storydao-ops demo')
  log.step(
    'Start the local stack: anvil, Safe v1.4.1, StoryDAO, Transaction Service',
  )
  const stack = await startLocalStack({ txService: true })
  try {
    log.detail(
      `${stack.rpcUrl} (chain ${stack.chainId}), ${stack.txServiceUrl}`,
    )
    await writeDemoRepository({
      root: out,
      rpcUrl: stack.rpcUrl,
      txServiceUrl: stack.txServiceUrl,
      manifest: stack.manifest,
    })
    const context = await createOpsContext({
      network: 'local',
      root: out,
      env: { LOCAL_RPC_URL: stack.rpcUrl },
    })
    const incident = await respondToIncident(context, {
      attacker: stack.accounts.stranger.address,
      log,
    })
    return { out, incident }
  } finally {
    await stack.stop()
  }
}
