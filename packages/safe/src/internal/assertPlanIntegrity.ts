import { isHexEqual } from '@storydao/core'
import { isAddressEqual } from 'viem'
import {
  decodeSafeTransaction,
  type SafeTransactionCall,
} from '../decodeSafeTransaction.js'
import { SafePlanInputError, SafePlanIntegrityError } from '../errors/plan.js'
import { hashSafeTransaction } from '../hashSafeTransaction.js'
import type { SafePlan, SafePlanCall } from '../types/safe.js'

/**
 * @internal Recomputes a plan's hashes from its fields and checks its `calls`
 * are what `safeTx` executes, so a plan edited after it was built is never
 * signed, proposed, exported or executed.
 */
export function assertPlanIntegrity(plan: SafePlan): void {
  if (plan === null || typeof plan !== 'object')
    throw new SafePlanInputError({
      path: 'plan',
      message: 'expected a SafePlan.',
    })
  const hashes = hashSafeTransaction({
    chainId: plan.chainId,
    safe: plan.safe,
    safeVersion: plan.safeVersion,
    safeTx: plan.safeTx,
  })
  const fail = (detail: string) =>
    new SafePlanIntegrityError({
      planned: plan.safeTxHash,
      computed: hashes.safeTxHash,
      detail,
    })
  if (
    typeof plan.safeTxHash !== 'string' ||
    !isHexEqual(hashes.safeTxHash, plan.safeTxHash)
  )
    throw fail('The transaction fields were changed after hashing.')
  if (
    typeof plan.domainHash !== 'string' ||
    typeof plan.messageHash !== 'string' ||
    !isHexEqual(hashes.domainHash, plan.domainHash) ||
    !isHexEqual(hashes.messageHash, plan.messageHash)
  )
    throw fail('domainHash/messageHash do not match the transaction.')
  if (plan.nonce !== plan.safeTx.nonce)
    throw fail(`plan.nonce ${plan.nonce} ≠ safeTx.nonce ${plan.safeTx.nonce}.`)

  if (!Array.isArray(plan.calls) || plan.calls.length === 0)
    throw fail('The plan lists no calls.')
  if (!callsMatch(plan))
    throw fail('plan.calls do not match what safeTx executes.')
}

/**
 * The plan's calls are what `decodeSafeTransaction` says `safeTx` executes,
 * or (a single call) the Safe transaction itself, as buildSafePlan writes an
 * explicitly allowed delegatecall.
 */
function callsMatch(plan: SafePlan): boolean {
  const { calls, safeTx } = plan
  const executed = decodeSafeTransaction(safeTx).calls
  if (
    calls.length === 1 &&
    sameCall(calls[0]!, {
      ...safeTx,
      operation: safeTx.operation === 1 ? 'delegatecall' : 'call',
    })
  )
    return true
  return (
    executed.length === calls.length &&
    executed.every((call, index) => sameCall(calls[index]!, call))
  )
}

function sameCall(
  a: SafePlanCall,
  b: Omit<SafeTransactionCall, 'operation'> & { operation: string },
): boolean {
  return (
    a.operation === b.operation &&
    isAddressEqual(a.to, b.to) &&
    a.value === b.value &&
    isHexEqual(a.data, b.data)
  )
}
