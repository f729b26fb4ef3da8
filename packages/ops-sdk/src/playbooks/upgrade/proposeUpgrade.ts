import { join, resolve } from 'node:path'
import {
  assertParameters,
  type ChainReadErrorType,
  type MissingParameterErrorType,
  type UpdateManifestErrorType,
  type UpgradeEntry,
  updateManifest,
} from '@storydao/core'
import {
  assertCreate2DeployerPresent,
  type Create2DeployerMissingErrorType,
  type PrepareTimelockScheduleErrorType,
  prepareTimelockSchedule,
} from '@storydao/governance'
import type { Hex } from 'viem'
import type {
  SafeNotInManifestErrorType,
  SignerNotOwnerErrorType,
} from '../../errors/playbook.js'
import type { TimelockNotInManifestErrorType } from '../../errors/timelock.js'
import type {
  ArtifactNotFoundErrorType,
  ImplementationMismatchErrorType,
  UnknownUpgradeErrorType,
  UpgradeNotProposableErrorType,
} from '../../errors/upgrade.js'
import { version } from '../../errors/version.js'
import type { SafeTransactionOutcome } from '../../types/safeTransactionOutcome.js'
import type { OpsContext } from '../createOpsContext.js'
import { prepareSafeTransaction } from '../internal/prepareSafeTransaction.js'
import { timelockOf } from '../internal/timelockOf.js'
import { readMinDelay } from '../internal/timelockOperation.js'
import {
  proposableUpgrade,
  upgradeDeploymentOf,
} from '../internal/upgradeDeployment.js'

export type ProposeUpgradeParameters = {
  /** The `upgrades[]` id written by {@link prepareUpgrade}. */
  id: string
  /** The route: the ops Safe as the timelock's proposer. */
  via: 'timelock'
  /** Timelock delay in seconds. Default: the timelock's `getMinDelay()`. */
  delay?: bigint | undefined
  /** The Foundry project (built with `forge build`). Default `<root>/contracts`. */
  contracts?: string | undefined
  /** An ops Safe nonce to use instead of the next free one. */
  nonce?: bigint | undefined
  /** Send it to the Safe Transaction Service, signed by an owner. */
  propose?: boolean | undefined
  /** Progress callback for long steps. */
  onStep?: ((message: string) => void) | undefined
}

export type ProposeUpgradeReturnType = SafeTransactionOutcome & {
  /** The upgrade as the manifest now records it. */
  upgrade: UpgradeEntry
  /** The timelock operation the batch schedules. */
  operationId: Hex
  /** The delay it is scheduled with, in seconds. */
  delay: bigint
}

export type ProposeUpgradeErrorType =
  | MissingParameterErrorType
  | ArtifactNotFoundErrorType
  | ChainReadErrorType
  | Create2DeployerMissingErrorType
  | ImplementationMismatchErrorType
  | PrepareTimelockScheduleErrorType
  | SafeNotInManifestErrorType
  | SignerNotOwnerErrorType
  | TimelockNotInManifestErrorType
  | UnknownUpgradeErrorType
  | UpdateManifestErrorType
  | UpgradeNotProposableErrorType

/**
 * The upgrade playbook's second step on the timelock route: one ops-Safe
 * batch that CREATE2-deploys the new implementation and schedules the
 * prepared upgrade on the timelock, rehearsed on a fork with the
 * `timelock-schedule` invariants, written as a Transaction Builder file and,
 * with `propose`, queued on the Safe Transaction Service. When the rehearsal
 * passes, the manifest entry becomes `proposed` with the safeTxHash and the
 * timelock operation id.
 *
 * The deploy call is rebuilt from the Foundry build and must land on the
 * implementation address recorded at prepare time, so signers approve the
 * reviewed bytecode.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/upgrade.md#propose
 *
 * @example
 * ```ts
 * import { createOpsContext, proposeUpgrade } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'sepolia', signerEnv: 'OPS_KEY' })
 * const { safeTxHash, operationId } = await proposeUpgrade(context, {
 *   id: '2026-12-05-authorcoin-authorcoinv2',
 *   via: 'timelock',
 *   propose: true,
 * })
 * ```
 */
export async function proposeUpgrade(
  context: OpsContext,
  parameters: ProposeUpgradeParameters,
): Promise<ProposeUpgradeReturnType> {
  assertParameters('proposeUpgrade', { context }, ['context'], { version })
  assertParameters('proposeUpgrade', parameters, ['id', 'via'], { version })
  const step = parameters.onStep ?? (() => {})
  const upgrade = proposableUpgrade(context, parameters.id)
  const project = resolve(
    context.root,
    parameters.contracts ?? join(context.root, 'contracts'),
  )
  const { deploy, contract, salt } = await upgradeDeploymentOf({
    upgrade,
    project,
  })
  if (deploy) await assertCreate2DeployerPresent(context.client)
  const timelock = timelockOf(context.manifest)
  const delay = parameters.delay ?? (await readMinDelay(context, timelock))
  const target = context.manifest.contracts[upgrade.target]!
  const schedule = await prepareTimelockSchedule(context.client, {
    timelock: timelock.address,
    calls: [{ to: target.address, value: 0n, data: upgrade.calldata }],
    salt,
    delay,
    label: `${timelock.name}.schedule(${upgrade.target} upgrade to ${contract}, delay ${delay} s)`,
  })
  const title = deploy
    ? `Upgrade ${upgrade.target} to ${contract}: deploy and schedule`
    : `Roll back ${upgrade.target} to ${contract}: schedule`
  const { outcome } = await prepareSafeTransaction(context, {
    safeName: 'ops',
    calls: deploy ? [deploy.call, schedule.call] : [schedule.call],
    title,
    description: deploy
      ? `Upgrade ${upgrade.id}: deploys ${contract} at ${upgrade.toImplementation} with CREATE2 and schedules the upgrade of ${upgrade.target} on the timelock (operation ${schedule.operationId}, delay ${delay} s).`
      : `Upgrade ${upgrade.id}: schedules the upgrade of ${upgrade.target} back to ${contract} at ${upgrade.toImplementation} on the timelock (operation ${schedule.operationId}, delay ${delay} s).`,
    invariants: {
      action: 'timelock-schedule',
      operationIds: [schedule.operationId],
    },
    nonce: parameters.nonce,
    propose: parameters.propose,
    onStep: step,
  })
  const recorded = outcome.rehearsal.ok
    ? await recordProposal(context, {
        id: upgrade.id,
        safeTxHash: outcome.safeTxHash,
        operationId: schedule.operationId,
      })
    : upgrade
  return {
    ...outcome,
    upgrade: recorded,
    operationId: schedule.operationId,
    delay,
  }
}

async function recordProposal(
  context: OpsContext,
  {
    id,
    safeTxHash,
    operationId,
  }: { id: string; safeTxHash: Hex; operationId: Hex },
): Promise<UpgradeEntry> {
  const written = await updateManifest(context.manifestPath, {
    update: (current) => ({
      ...current,
      upgrades: (current.upgrades ?? []).map((entry) =>
        entry.id === id
          ? { ...entry, status: 'proposed' as const, safeTxHash, operationId }
          : entry,
      ),
    }),
  })
  return written.manifest.upgrades!.find((entry) => entry.id === id)!
}
