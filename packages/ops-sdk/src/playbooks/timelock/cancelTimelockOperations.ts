import { type ChainReadErrorType, isHexEqual } from '@storydao/core'
import {
  buildTimelockCancel,
  getPendingTimelockOperations,
  type TimelockOperation,
} from '@storydao/governance'
import type { Hex } from 'viem'
import type {
  SafeNotInManifestErrorType,
  SignerNotOwnerErrorType,
} from '../../errors/playbook.js'
import {
  TimelockNothingPendingError,
  type TimelockNothingPendingErrorType,
  type TimelockNotInManifestErrorType,
  TimelockOperationNotPendingError,
  type TimelockOperationNotPendingErrorType,
} from '../../errors/timelock.js'
import type { SafeTransactionOutcome } from '../../types/safeTransactionOutcome.js'
import type { OpsContext } from '../createOpsContext.js'
import { prepareSafeTransaction } from '../internal/prepareSafeTransaction.js'
import { timelockOf } from '../internal/timelockOf.js'

export type CancelTimelockOperationsParameters = {
  /** The operation ids to cancel, or `'all'` for every pending or ready one. */
  operations: readonly Hex[] | 'all'
  /** Emergency Safe nonce to use: default the next free one; a queued nonce replaces what sits there. */
  nonce?: bigint | undefined
  /** Send it to the Safe Transaction Service, signed by an owner. */
  propose?: boolean | undefined
  /** Progress callback for long steps. */
  onStep?: ((message: string) => void) | undefined
}

export type CancelTimelockOperationsReturnType = SafeTransactionOutcome & {
  /** The operations the transaction cancels, in scheduling order. */
  cancelled: Hex[]
}

export type CancelTimelockOperationsErrorType =
  | ChainReadErrorType
  | SafeNotInManifestErrorType
  | SignerNotOwnerErrorType
  | TimelockNotInManifestErrorType
  | TimelockNothingPendingErrorType
  | TimelockOperationNotPendingErrorType

/**
 * The incident playbook's answer to a rogue timelock operation: one
 * emergency-Safe transaction (the emergency Safe holds `CANCELLER_ROLE`)
 * cancelling the given pending operations, or all of them, rehearsed on a
 * fork with the `timelock-cancel` invariants (every cancelled operation ends
 * unset; supply, balances, paused flags, roles and Safes unchanged), written
 * as a Transaction Builder file and, with `propose`, queued on the
 * Transaction Service.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/incident-response.md#3-contain-timelock-cancel
 *
 * @example
 * ```ts
 * import { cancelTimelockOperations, createOpsContext } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'mainnet', signerEnv: 'COUNCIL_KEY' })
 * const { safeTxHash } = await cancelTimelockOperations(context, {
 *   operations: ['0x5f1c…'],
 *   propose: true,
 * })
 * ```
 */
export async function cancelTimelockOperations(
  context: OpsContext,
  parameters: CancelTimelockOperationsParameters,
): Promise<CancelTimelockOperationsReturnType> {
  const timelock = timelockOf(context.manifest)
  const step = parameters.onStep ?? (() => {})
  step(`Read the operations of ${timelock.name} ${timelock.address}`)
  const operations = await getPendingTimelockOperations(context.client, {
    timelock: timelock.address,
    fromBlock: timelock.fromBlock,
  })
  const ids = selectCancellable(operations, parameters.operations, timelock)
  const title =
    ids.length === 1
      ? `Cancel timelock operation ${ids[0]!.slice(0, 10)}`
      : `Cancel ${ids.length} timelock operations`
  const { outcome } = await prepareSafeTransaction(context, {
    safeName: 'emergency',
    calls: ids.map((id) =>
      buildTimelockCancel({
        timelock: timelock.address,
        operationId: id,
        label: `${timelock.name}.cancel(${id})`,
      }),
    ),
    title,
    description: `Incident response: cancel ${ids.join(', ')} on ${timelock.name}.`,
    invariants: { action: 'timelock-cancel', operationIds: ids },
    nonce: parameters.nonce,
    propose: parameters.propose,
    onStep: parameters.onStep,
  })
  return { ...outcome, cancelled: ids }
}

/**
 * The ids to cancel: every pending or ready operation for `'all'`, else the
 * given ones, each of which must be pending or ready now (cancelling a done,
 * cancelled or never-scheduled id reverts on chain).
 */
function selectCancellable(
  operations: readonly TimelockOperation[],
  requested: readonly Hex[] | 'all',
  timelock: { name: string; address: string },
): Hex[] {
  const label = `${timelock.name} ${timelock.address}`
  const open = operations.filter(
    (operation) => operation.state === 'pending' || operation.state === 'ready',
  )
  if (requested === 'all') {
    if (open.length === 0)
      throw new TimelockNothingPendingError({ timelock: label })
    return [...new Set(open.map((operation) => operation.id))]
  }
  const unique = [...new Set(requested.map((id) => id.toLowerCase() as Hex))]
  const refused = unique.flatMap((id) => {
    if (open.some((operation) => isHexEqual(operation.id, id))) return []
    // The newest scheduling of an id tells its state (an id can be rescheduled).
    const last = operations.findLast((operation) =>
      isHexEqual(operation.id, id),
    )
    return [{ id, state: last?.state ?? 'unknown' }]
  })
  if (refused.length > 0)
    throw new TimelockOperationNotPendingError({
      timelock: label,
      operations: refused,
    })
  return unique
}
