import type { Hex } from 'viem'
import { decodeMultiSend } from '../decodeMultiSend.js'
import { SafePlanInputError, SafePlanIntegrityError } from '../errors/plan.js'
import { hashSafeTransaction } from '../hashSafeTransaction.js'
import { isMultiSendCallOnly } from '../isMultiSendCallOnly.js'
import type { SafePlan } from '../types/safe.js'

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
  if (hashes.safeTxHash !== plan.safeTxHash?.toLowerCase())
    throw fail('The transaction fields were changed after hashing.')
  if (
    hashes.domainHash !== plan.domainHash?.toLowerCase() ||
    hashes.messageHash !== plan.messageHash?.toLowerCase()
  )
    throw fail('domainHash/messageHash do not match the transaction.')
  if (plan.nonce !== plan.safeTx.nonce)
    throw fail(`plan.nonce ${plan.nonce} ≠ safeTx.nonce ${plan.safeTx.nonce}.`)

  const calls = plan.calls
  if (!Array.isArray(calls) || calls.length === 0)
    throw fail('The plan lists no calls.')
  const { safeTx } = plan
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
  if (calls.length === 1) {
    const [call] = calls
    const operation = call!.operation === 'delegatecall' ? 1 : 0
    if (
      same(call!.to, safeTx.to) &&
      call!.value === safeTx.value &&
      same(call!.data, safeTx.data) &&
      operation === safeTx.operation
    )
      return
  }
  if (safeTx.operation === 1 && isMultiSendCallOnly(safeTx.to)) {
    let inner: ReturnType<typeof decodeMultiSend> | undefined
    try {
      inner = decodeMultiSend(safeTx.data as Hex)
    } catch {
      inner = undefined
    }
    if (
      inner &&
      inner.length === calls.length &&
      inner.every(
        (tx, i) =>
          tx.operation === 0 &&
          calls[i]!.operation === 'call' &&
          same(tx.to, calls[i]!.to) &&
          tx.value === calls[i]!.value &&
          same(tx.data, calls[i]!.data),
      )
    )
      return
  }
  throw fail('plan.calls do not match what safeTx executes.')
}
