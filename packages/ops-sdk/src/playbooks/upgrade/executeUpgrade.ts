import { join, resolve } from 'node:path'
import {
  assertParameters,
  type Call,
  type ChainReadErrorType,
  type MissingParameterErrorType,
  type UpdateManifestErrorType,
  type UpgradeEntry,
} from '@storydao/core'
import {
  buildGovernorExecute,
  buildGovernorQueue,
  buildTimelockExecute,
  type TimelockOperation,
} from '@storydao/governance'
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
import { timelockOf } from '../internal/timelockOf.js'
import {
  describeDuration,
  describeReadyAt,
  findOperation,
  readTimelockOperations,
} from '../internal/timelockOperation.js'
import { upgradeContractOf } from '../internal/upgradeDeployment.js'
import { upgradeGovernorProposal } from '../internal/upgradeGovernorProposal.js'
import {
  assertOpen,
  knownUpgrade,
  recordUpgrade,
  upgradeRouteOf,
} from '../internal/upgradeProgress.js'

export type ExecuteUpgradeParameters = {
  /** The `upgrades[]` id. */
  id: string
  /** The Foundry project (built with `forge build`). Default `<root>/contracts`. */
  contracts?: string | undefined
  /** An ops Safe nonce to use instead of the next free one. */
  nonce?: bigint | undefined
  /** Send it to the Safe Transaction Service, signed by an owner. */
  propose?: boolean | undefined
  /** Progress callback for long steps. */
  onStep?: ((message: string) => void) | undefined
}

export type ExecuteUpgradeReturnType = SafeTransactionOutcome & {
  route: UpgradeRoute
  /** The upgrade as the manifest now records it (`queued`; `upgrade validate` marks it executed). */
  upgrade: UpgradeEntry
  /** The timelock operation the transaction executes. */
  operationId: Hex
}

export type ExecuteUpgradeErrorType =
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
 * The upgrade playbook's execute step: once the timelock delay has passed,
 * one ops-Safe transaction that runs the upgrade, through the governor's
 * `execute` (governor route) or the timelock's `execute` (timelock route),
 * rehearsed on a fork with the `upgrade` invariants (the proxy on its new
 * implementation; supply, balances, pause flags and roles unchanged),
 * written as a Transaction Builder file and, with `propose`, sent to the
 * Safe Transaction Service. Refused before the delay, with the time left.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/upgrade.md#execute
 *
 * @example
 * ```ts
 * import { createOpsContext, executeUpgrade } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'sepolia', signerEnv: 'OPS_KEY' })
 * const { safeTxHash } = await executeUpgrade(context, {
 *   id: '2026-12-05-authorcoin-authorcoinv2',
 *   propose: true,
 * })
 * ```
 */
export async function executeUpgrade(
  context: OpsContext,
  parameters: ExecuteUpgradeParameters,
): Promise<ExecuteUpgradeReturnType> {
  assertParameters('executeUpgrade', { context }, ['context'], { version })
  assertParameters('executeUpgrade', parameters, ['id'], { version })
  const upgrade = knownUpgrade(context, parameters.id)
  assertOpen(upgrade, 'executed')
  const route = upgradeRouteOf(upgrade)
  const { call, operationId, contract } = await executionCall(context, {
    upgrade,
    project: resolve(
      context.root,
      parameters.contracts ?? join(context.root, 'contracts'),
    ),
    onStep: parameters.onStep,
  })
  // The chain shows it queued: the manifest says so before the execution.
  const recorded =
    upgrade.status === 'queued'
      ? { context, upgrade }
      : await recordUpgrade(context, {
          id: upgrade.id,
          patch: { status: 'queued', operationId },
        })
  const { outcome } = await prepareSafeTransaction(recorded.context, {
    safeName: 'ops',
    calls: [call],
    title: `Execute upgrade ${upgrade.id}: ${upgrade.target} to ${contract}`,
    description: `Upgrade ${upgrade.id}: executes timelock operation ${operationId}${route === 'governor' ? ` through the governor (proposal ${upgrade.proposalId})` : ''}, upgrading ${upgrade.target} to ${upgrade.toImplementation}.`,
    invariants: {
      action: 'upgrade',
      upgrade: {
        contract: upgrade.target,
        implementation: upgrade.toImplementation,
      },
    },
    nonce: parameters.nonce,
    propose: parameters.propose,
    onStep: parameters.onStep,
  })
  return { ...outcome, route, upgrade: recorded.upgrade, operationId }
}

async function executionCall(
  context: OpsContext,
  {
    upgrade,
    project,
    onStep,
  }: {
    upgrade: UpgradeEntry
    project: string
    onStep: ((message: string) => void) | undefined
  },
): Promise<{ call: Call; operationId: Hex; contract: string }> {
  if (upgradeRouteOf(upgrade) === 'timelock') {
    onStep?.('Read the timelock operation')
    const operation = await readyOperation(context, {
      upgrade,
      operationId: upgrade.operationId,
    })
    const { call } = buildTimelockExecute({
      timelock: timelockOf(context.manifest).address,
      calls: operation.calls,
      predecessor: operation.predecessor,
      salt: operation.salt,
      batch: operation.batch,
      label: `Timelock: execute the upgrade of ${upgrade.target} (operation ${operation.id})`,
    })
    return {
      call,
      operationId: operation.id,
      contract: upgradeContractOf(upgrade),
    }
  }
  const proposal = await upgradeGovernorProposal(context, { upgrade, project })
  const reference = {
    governor: proposal.governor.address,
    calls: proposal.calls,
    description: proposal.description,
  }
  const { timelockOperationId } = buildGovernorQueue(reference)
  onStep?.('Read the queued operation on the timelock')
  await readyOperation(context, { upgrade, operationId: timelockOperationId })
  const { call } = buildGovernorExecute({
    ...reference,
    label: `${proposal.governor.name}: execute proposal ${upgrade.proposalId} (upgrade ${upgrade.target} to ${proposal.contract})`,
  })
  return {
    call,
    operationId: timelockOperationId,
    contract: proposal.contract,
  }
}

/** The operation on the timelock, refused unless its delay has passed. */
async function readyOperation(
  context: OpsContext,
  {
    upgrade,
    operationId,
  }: { upgrade: UpgradeEntry; operationId: Hex | undefined },
): Promise<TimelockOperation> {
  const notReady = (reason: string, hint: string, details?: string[]) =>
    new UpgradeNotReadyError({
      id: upgrade.id,
      step: 'executed',
      reason,
      details,
      hint,
    })
  if (!operationId)
    throw notReady(
      'it has not been proposed.',
      'Propose it first: storydao-ops upgrade propose --id <id>.',
    )
  const { operations, now } = await readTimelockOperations(context)
  const operation = findOperation(operations, operationId)
  if (!operation)
    throw notReady(
      `timelock operation ${operationId} is not scheduled.`,
      upgradeRouteOf(upgrade) === 'governor'
        ? 'Queue the succeeded proposal first: storydao-ops upgrade queue --id <id>, then execute that ops-Safe transaction.'
        : 'Execute the ops-Safe transaction of "upgrade propose" first (storydao-ops safe execute <safeTxHash>).',
    )
  if (operation.state === 'pending')
    throw notReady(
      `the timelock delay has not passed (${describeDuration(operation.readyAt - now)} left).`,
      'Run this command again once it is executable.',
      [
        `Executable from ${describeReadyAt({ readyAt: operation.readyAt, now })}.`,
      ],
    )
  if (operation.state !== 'ready')
    throw notReady(
      `timelock operation ${operationId} is ${operation.state === 'done' ? 'already executed' : 'cancelled'}.`,
      operation.state === 'done'
        ? 'Check and record it: storydao-ops upgrade validate --id <id>.'
        : 'Prepare and propose the upgrade again.',
    )
  return operation
}
