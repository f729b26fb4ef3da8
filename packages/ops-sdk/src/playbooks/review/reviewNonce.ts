import { isHexEqual, safeAbi } from '@storydao/core'
import { getQueuedSafePlans } from '@storydao/safe'
import type { Address, Hex } from 'viem'
import { readContract } from 'viem/actions'
import type { OpsContext } from '../createOpsContext.js'
import type { ReviewWarning } from './reviewWarnings.js'

/** Where the transaction's nonce sits against the chain and the service queue. */
export type ReviewNonce = {
  nonce: bigint
  /** The Safe's `nonce()`: the next one it executes. */
  chainNonce: bigint
  /** The next nonce after the chain's and the queue's contiguous run. */
  nextFree: bigint
  /** safeTxHashes of other queued transactions at the same nonce (one of them executes, the rest die). */
  replaces: Hex[]
}

/** @internal Reads the chain and the queue, and says what the nonce means. */
export async function reviewNonce(
  context: OpsContext,
  {
    safe,
    nonce,
    safeTxHash,
  }: { safe: Address; nonce: bigint; safeTxHash: Hex },
): Promise<{ nonce: ReviewNonce; warnings: ReviewWarning[] }> {
  const chainNonce = await readContract(context.client, {
    address: safe,
    abi: safeAbi,
    functionName: 'nonce',
  })
  const warnings: ReviewWarning[] = []
  const queued = await readQueue(context, safe, warnings)
  const others = queued.filter(
    (entry) => !isHexEqual(entry.safeTxHash, safeTxHash),
  )
  let nextFree = chainNonce
  const queuedNonces = new Set(others.map((entry) => entry.nonce))
  while (queuedNonces.has(nextFree)) nextFree++
  const replaces = others
    .filter((entry) => entry.nonce === nonce)
    .map((entry) => entry.safeTxHash)
  if (nonce < chainNonce)
    warnings.push({
      severity: 'critical',
      code: 'nonce-used',
      message: `Nonce ${nonce} was already used (the Safe is at ${chainNonce}): this transaction can never execute.`,
    })
  else if (nonce > nextFree)
    warnings.push({
      severity: 'warning',
      code: 'nonce-gap',
      message: `Nonce ${nonce} skips ${nonce - nextFree} nonce(s) (next free is ${nextFree}): it cannot execute before those are used.`,
    })
  if (replaces.length > 0)
    warnings.push({
      severity: 'warning',
      code: 'nonce-replaces',
      message: `Nonce ${nonce} is also used by queued ${replaces.join(', ')}: executing this one kills ${replaces.length === 1 ? 'it' : 'them'}.`,
    })
  return { nonce: { nonce, chainNonce, nextFree, replaces }, warnings }
}

async function readQueue(
  context: OpsContext,
  safe: Address,
  warnings: ReviewWarning[],
): Promise<{ nonce: bigint; safeTxHash: Hex }[]> {
  if (!context.service.txServiceUrl && !context.service.hasApiKey) return []
  try {
    return await getQueuedSafePlans(context.service, { safe })
  } catch (error) {
    // A queue the service serves inconsistently is itself a finding; the
    // review goes on with what the chain says.
    warnings.push({
      severity: 'warning',
      code: 'queue-unreadable',
      message: `The Safe queue could not be read, so replaced or skipped nonces are not checked: ${(error as Error).message.split('\n')[0]}`,
    })
    return []
  }
}
