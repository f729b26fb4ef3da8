import type { Address } from 'viem'
import type { ExecutionLog } from './chain.js'
import { now, type ServiceContext } from './context.js'

/**
 * @internal
 * Brings the executed state of a Safe's stored transactions in line with the
 * chain, before any read or write that depends on it: a stored transaction is
 * executed iff the Safe emitted `ExecutionSuccess`/`ExecutionFailure` for its
 * safeTxHash. Re-derived from the logs on every call, so it also follows
 * `evm_revert` (a reverted execution turns back into a queued transaction).
 *
 * @returns the Safe's execution logs in chain order (index = nonce for a Safe
 * created at nonce 0).
 */
export async function syncExecutions(
  context: ServiceContext,
  safe: Address,
): Promise<ExecutionLog[]> {
  const { chain, store } = context
  const logs = await chain.getExecutionLogs(safe)
  const transactions = store.transactionsOf(safe)
  if (transactions.length === 0) return logs
  const byHash = new Map(logs.map((log) => [log.safeTxHash, log]))
  let changed = false
  for (const tx of transactions) {
    const log = byHash.get(tx.safeTxHash)
    if (!log) {
      if (tx.execution) {
        tx.execution = null
        tx.modified = now()
        changed = true
      }
      continue
    }
    if (
      tx.execution?.transactionHash === log.transactionHash &&
      tx.execution.blockHash === log.blockHash
    )
      continue
    const details = await chain.getExecutionDetails(safe, log)
    tx.execution = {
      transactionHash: log.transactionHash,
      blockHash: log.blockHash,
      blockNumber: String(log.blockNumber),
      executionDate: details.executionDate.toISOString(),
      executor: details.executor,
      success: log.success,
      payment: String(log.payment),
      ethGasPrice: optional(details.ethGasPrice),
      maxFeePerGas: optional(details.maxFeePerGas),
      maxPriorityFeePerGas: optional(details.maxPriorityFeePerGas),
      gasUsed: optional(details.gasUsed),
      signatures: details.signatures,
    }
    tx.modified = now()
    changed = true
  }
  if (changed) store.save()
  return logs
}

const optional = (value: bigint | null) =>
  value === null ? null : String(value)
