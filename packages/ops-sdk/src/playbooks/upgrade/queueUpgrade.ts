import { join, resolve } from 'node:path'
import {
  assertParameters,
  type ChainReadErrorType,
  type MissingParameterErrorType,
  type UpdateManifestErrorType,
  type UpgradeEntry,
} from '@storydao/core'
import { buildGovernorQueue } from '@storydao/governance'
import type { Hex } from 'viem'
import type {
  SafeNotInManifestErrorType,
  SignerNotOwnerErrorType,
} from '../../errors/playbook.js'
import type { TimelockNotInManifestErrorType } from '../../errors/timelock.js'
import {
  type ArtifactNotFoundErrorType,
  type GovernorNotInManifestErrorType,
  type ImplementationMismatchErrorType,
  type UnknownUpgradeErrorType,
  UpgradeNotReadyError,
  type UpgradeNotReadyErrorType,
} from '../../errors/upgrade.js'
import { version } from '../../errors/version.js'
import type { SafeTransactionOutcome } from '../../types/safeTransactionOutcome.js'
import type { UpgradeRoute } from '../../types/upgrade.js'
import type { OpsContext } from '../createOpsContext.js'
import { prepareSafeTransaction } from '../internal/prepareSafeTransaction.js'
import {
  findOperation,
  readTimelockOperations,
} from '../internal/timelockOperation.js'
import { upgradeGovernorProposal } from '../internal/upgradeGovernorProposal.js'
import {
  assertOpen,
  knownUpgrade,
  type ProposalStatus,
  readProposalStatus,
  recordUpgrade,
  upgradeRouteOf,
} from '../internal/upgradeProgress.js'

export type QueueUpgradeParameters = {
  /** The `upgrades[]` id. */
  id: string
  /** The Foundry project (built with `forge build`). Default `<root>/contracts`. */
  contracts?: string | undefined
  /** An ops Safe nonce to use instead of the next free one. */
  nonce?: bigint | undefined
  /** Send the Safe transaction to the Safe Transaction Service, signed by an owner. */
  propose?: boolean | undefined
  /** Progress callback for long steps. */
  onStep?: ((message: string) => void) | undefined
}

export type QueueUpgradeReturnType = {
  route: UpgradeRoute
  /** The upgrade as the manifest now records it. */
  upgrade: UpgradeEntry
  /** The timelock operation that runs the upgrade. */
  operationId: Hex
  /** Unix seconds from which it can be executed, once it is on the timelock. */
  readyAt: bigint | undefined
  /**
   * Governor route, proposal Succeeded: the ops-Safe transaction calling the
   * governor's `queue`. Absent when the chain already shows the operation
   * queued (the manifest entry then becomes `queued`).
   */
  transaction: SafeTransactionOutcome | undefined
}

export type QueueUpgradeErrorType =
  | MissingParameterErrorType
  | ArtifactNotFoundErrorType
  | ChainReadErrorType
  | GovernorNotInManifestErrorType
  | ImplementationMismatchErrorType
  | SafeNotInManifestErrorType
  | SignerNotOwnerErrorType
  | TimelockNotInManifestErrorType
  | UnknownUpgradeErrorType
  | UpdateManifestErrorType
  | UpgradeNotReadyErrorType

/**
 * The upgrade playbook's queue step. Governor route: refuses unless the
 * StoryDAO proposal has Succeeded (naming its state and when voting ends),
 * then builds the ops-Safe transaction calling the governor's `queue`,
 * rehearsed on a fork with the `timelock-schedule` invariants, written as a
 * Transaction Builder file and, with `propose`, sent to the Safe Transaction
 * Service. Timelock route: `upgrade propose` already scheduled the operation,
 * so nothing is built. On both routes, once the chain shows the operation on
 * the timelock, the manifest entry becomes `queued` with its operation id.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/upgrade.md#queue
 *
 * @example
 * ```ts
 * import { createOpsContext, queueUpgrade } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'sepolia', signerEnv: 'OPS_KEY' })
 * const { transaction, readyAt } = await queueUpgrade(context, {
 *   id: '2026-12-05-authorcoin-authorcoinv2',
 *   propose: true,
 * })
 * ```
 */
export async function queueUpgrade(
  context: OpsContext,
  parameters: QueueUpgradeParameters,
): Promise<QueueUpgradeReturnType> {
  assertParameters('queueUpgrade', { context }, ['context'], { version })
  assertParameters('queueUpgrade', parameters, ['id'], { version })
  const upgrade = knownUpgrade(context, parameters.id)
  assertOpen(upgrade, 'queued')
  if (upgradeRouteOf(upgrade) === 'timelock')
    return recordScheduled(context, upgrade)
  const project = resolve(
    context.root,
    parameters.contracts ?? join(context.root, 'contracts'),
  )
  const proposal = await upgradeGovernorProposal(context, { upgrade, project })
  const queue = buildGovernorQueue({
    governor: proposal.governor.address,
    calls: proposal.calls,
    description: proposal.description,
  })
  parameters.onStep?.(`Read proposal ${upgrade.proposalId} on the governor`)
  const status = await readProposalStatus(context, {
    governor: proposal.governor.address,
    proposalId: queue.proposalId,
  })
  if (status.state === 'Queued' || status.state === 'Executed')
    return recordQueued(context, {
      upgrade,
      operationId: queue.timelockOperationId,
    })
  assertSucceeded(upgrade, status)
  const { outcome } = await prepareSafeTransaction(context, {
    safeName: 'ops',
    calls: [queue.call],
    title: `Queue upgrade ${upgrade.id} on ${proposal.timelock.name}`,
    description: `Upgrade ${upgrade.id}: queues the succeeded StoryDAO proposal ${queue.proposalId} on the timelock (operation ${queue.timelockOperationId}).`,
    invariants: {
      action: 'timelock-schedule',
      operationIds: [queue.timelockOperationId],
    },
    nonce: parameters.nonce,
    propose: parameters.propose,
    onStep: parameters.onStep,
  })
  return {
    route: 'governor',
    upgrade,
    operationId: queue.timelockOperationId,
    readyAt: undefined,
    transaction: outcome,
  }
}

function assertSucceeded(upgrade: UpgradeEntry, status: ProposalStatus): void {
  if (status.state === 'Succeeded') return
  const id = upgrade.proposalId!
  if (status.state === undefined)
    throw new UpgradeNotReadyError({
      id: upgrade.id,
      step: 'queued',
      reason: `the governor has no proposal ${id}.`,
      hint: 'Send the propose calldata printed by "storydao-ops upgrade propose --via governor" first, then vote.',
    })
  const open = status.state === 'Pending' || status.state === 'Active'
  throw new UpgradeNotReadyError({
    id: upgrade.id,
    step: 'queued',
    reason: `proposal ${id} is ${status.state}, not Succeeded.`,
    details: open ? votingWindow(status) : undefined,
    hint: open
      ? 'Wait for the vote to end with enough For votes (quorum reached), then run this command again.'
      : 'The vote did not pass: the upgrade cannot be queued. Prepare and propose it again if it is still wanted.',
  })
}

function votingWindow(status: ProposalStatus): string[] {
  const left = status.deadline - status.clock
  return [
    status.state === 'Pending'
      ? `Voting starts after ${status.unit === 'blocks' ? 'block' : 'time'} ${status.snapshot} (now ${status.clock}).`
      : `Voting is open until ${status.unit === 'blocks' ? 'block' : 'time'} ${status.deadline} (now ${status.clock}).`,
    `Voting ends in ${left > 0n ? left : 0n} ${status.unit}${status.unit === 'blocks' ? ` (about ${(left > 0n ? left : 0n) * 12n} s at 12 s a block)` : ''}.`,
  ]
}

async function recordScheduled(
  context: OpsContext,
  upgrade: UpgradeEntry,
): Promise<QueueUpgradeReturnType> {
  if (!upgrade.operationId)
    throw new UpgradeNotReadyError({
      id: upgrade.id,
      step: 'queued',
      reason: 'it has not been proposed.',
      hint: 'Propose it first: storydao-ops upgrade propose --id <id> --via timelock (or --via governor).',
    })
  return recordQueued(context, { upgrade, operationId: upgrade.operationId })
}

async function recordQueued(
  context: OpsContext,
  { upgrade, operationId }: { upgrade: UpgradeEntry; operationId: Hex },
): Promise<QueueUpgradeReturnType> {
  const { operations } = await readTimelockOperations(context)
  const operation = findOperation(operations, operationId)
  if (!operation || operation.state === 'cancelled')
    throw new UpgradeNotReadyError({
      id: upgrade.id,
      step: 'queued',
      reason: `timelock operation ${operationId} is ${operation ? 'cancelled' : 'not scheduled'}.`,
      details: upgrade.safeTxHash
        ? [`Propose Safe transaction: ${upgrade.safeTxHash}`]
        : undefined,
      hint: operation
        ? 'Prepare and propose the upgrade again.'
        : 'On the timelock route "upgrade propose" schedules it: owners confirm and execute that ops-Safe transaction (storydao-ops safe execute <safeTxHash>), then run this again.',
    })
  const recorded =
    upgrade.status === 'queued' && upgrade.operationId === operationId
      ? { upgrade }
      : await recordUpgrade(context, {
          id: upgrade.id,
          patch: { status: 'queued', operationId },
        })
  return {
    route: upgradeRouteOf(upgrade),
    upgrade: recorded.upgrade,
    operationId,
    readyAt: operation.readyAt,
    transaction: undefined,
  }
}
