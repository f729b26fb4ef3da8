import { isHexEqual } from '@storydao/core'
import { getQueuedSafePlans, type QueuedSafePlan } from '@storydao/safe'
import type { Hex } from 'viem'
import { SafeTransactionNotQueuedError } from '../../errors/safeQueue.js'
import type { OpsContext } from '../createOpsContext.js'
import { type SafeName, safeOf } from './safeOf.js'

/**
 * @internal The queued transaction with this safeTxHash, looked up in the
 * queue of every manifest Safe (the user need not say which Safe it is on).
 * Refuses a hash that is not queued: signing or executing a hash nobody can
 * check against the queue is how blind signing starts.
 */
export async function findQueuedTransaction(
  context: OpsContext,
  safeTxHash: Hex,
): Promise<{ safeName: SafeName; plan: QueuedSafePlan }> {
  const names = (['ops', 'emergency'] as const).filter(
    (name) => context.manifest.safes[name] !== undefined,
  )
  const queues = await Promise.all(
    names.map(async (name) => ({
      name,
      plans: await getQueuedSafePlans(context.service, {
        safe: safeOf(context.manifest, name).address,
      }),
    })),
  )
  for (const { name, plans } of queues) {
    const plan = plans.find((entry) => isHexEqual(entry.safeTxHash, safeTxHash))
    if (plan) return { safeName: name, plan }
  }
  throw new SafeTransactionNotQueuedError({
    safeTxHash,
    safes: names.map(
      (name) => `${name} Safe ${safeOf(context.manifest, name).address}`,
    ),
    queued: queues.flatMap(({ plans }) =>
      plans.map((plan) => `${plan.safeTxHash} (nonce ${plan.nonce})`),
    ),
  })
}
