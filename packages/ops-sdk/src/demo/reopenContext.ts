import {
  createOpsContext,
  type OpsContext,
} from '../playbooks/createOpsContext.js'

/**
 * A context on the manifest as the last step wrote it. Each playbook step
 * reads the manifest its context was opened with, as each CLI command does
 * in its own process; the demo chains steps, so it reopens in between.
 */
export function reopenContext(context: OpsContext): Promise<OpsContext> {
  return createOpsContext({
    network: context.networkName,
    root: context.root,
    env: { LOCAL_RPC_URL: context.rpcUrl },
  })
}
