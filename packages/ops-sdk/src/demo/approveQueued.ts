import type { Hex } from 'viem'
import type { OpsContext } from '../playbooks/createOpsContext.js'
import { confirmSafeTransaction } from '../playbooks/safe/confirmSafeTransaction.js'
import {
  type ExecuteSafeTransactionReturnType,
  executeSafeTransaction,
} from '../playbooks/safe/executeSafeTransaction.js'
import type { DemoLog } from './demoLog.js'

/**
 * What every signer round of the demo does: a second owner confirms the
 * proposal on the Transaction Service, then anyone executes it from the
 * queue (on a real network: two people in Safe{Wallet}).
 */
export async function approveQueued(
  context: OpsContext,
  { safeTxHash, log }: { safeTxHash: Hex; log: DemoLog },
): Promise<ExecuteSafeTransactionReturnType> {
  const confirmed = await confirmSafeTransaction(context, { safeTxHash })
  log.detail(
    `confirmed by ${confirmed.signer} (${confirmed.confirmations}/${confirmed.confirmationsRequired})`,
  )
  const executed = await executeSafeTransaction(context, { safeTxHash })
  log.detail(
    `executed from the queue in block ${executed.blockNumber}: ${executed.transactionHash}`,
  )
  return executed
}
