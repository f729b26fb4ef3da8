import { join } from 'node:path'
import type { Hex } from 'viem'
import { DeploymentNotPendingError } from '../../errors/deployment.js'
import type { OpsContext } from '../createOpsContext.js'
import { findPendingDeployment } from '../internal/pendingDeployment.js'

/**
 * @internal The names `storydao-ops deploy` gave the contracts a batch
 * deploys (its pending-deployment record for this safeTxHash), lowercase
 * address → `<name> (release <release>)`; empty when there is none. Review
 * uses them only for addresses the batch's own CREATE2 deploys create, so a
 * record cannot rename anything else.
 */
export async function releaseNames(
  context: OpsContext,
  safeTxHash: Hex,
): Promise<Map<string, string>> {
  try {
    const { pending } = await findPendingDeployment({
      folder: join(context.root, 'safe-transactions', context.networkName),
      safeTxHash,
    })
    return new Map(
      pending.deployments.map(({ address, name }) => [
        address.toLowerCase(),
        `${name} (release ${pending.release})`,
      ]),
    )
  } catch (error) {
    if (error instanceof DeploymentNotPendingError) return new Map()
    throw error
  }
}
