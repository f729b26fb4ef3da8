import type { Manifest } from '@storydao/core'
import { getQueuedSafePlans, type QueuedSafePlan } from '@storydao/safe'
import type { OpsContext } from '../createOpsContext.js'

/** @internal The manifest Safes' queues, or why the service could not be read. */
export type SafeQueues =
  | { up: true; queues: { safe: string; plans: QueuedSafePlan[] }[] }
  | { up: false; error: { code: string; message: string } }

/**
 * @internal Reads every manifest Safe's queue from the Transaction Service.
 * A service that is down is a state to report, not a reason to stop
 * watching the chain: its error is returned, not thrown.
 */
export async function readSafeQueues(
  context: OpsContext,
  manifest: Manifest,
): Promise<SafeQueues> {
  const safes = Object.entries(manifest.safes).flatMap(([name, safe]) =>
    safe ? [{ name, address: safe.address }] : [],
  )
  try {
    return {
      up: true,
      queues: await Promise.all(
        safes.map(async (safe) => ({
          safe: safe.name,
          plans: await getQueuedSafePlans(context.service, {
            safe: safe.address,
          }),
        })),
      ),
    }
  } catch (error) {
    const { code, shortMessage, message } = error as {
      code?: unknown
      shortMessage?: unknown
      message?: unknown
    }
    return {
      up: false,
      error: {
        code: typeof code === 'string' ? code : 'SAFE_SERVICE_ERROR',
        message: String(shortMessage ?? message ?? error),
      },
    }
  }
}
