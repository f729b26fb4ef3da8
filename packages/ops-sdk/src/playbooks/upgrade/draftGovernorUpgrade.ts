import { join, resolve } from 'node:path'
import {
  assertParameters,
  type ChainReadErrorType,
  type MissingParameterErrorType,
  storyDaoAbi,
  type UpdateManifestErrorType,
  type UpgradeEntry,
  updateManifest,
  writeFileAtomic,
} from '@storydao/core'
import {
  type BuildGovernorProposeReturnType,
  buildGovernorPropose,
} from '@storydao/governance'
import {
  customInvariant,
  type ForkErrorType,
  getDefaultInvariants,
  type Invariant,
} from '@storydao/invariants'
import type { Address, Hex } from 'viem'
import type {
  SafeNotInManifestErrorType,
  SignerNotOwnerErrorType,
} from '../../errors/playbook.js'
import type { TimelockNotInManifestErrorType } from '../../errors/timelock.js'
import type {
  ArtifactNotFoundErrorType,
  GovernorNotInManifestErrorType,
  ImplementationMismatchErrorType,
  UnknownUpgradeErrorType,
  UpgradeNotProposableErrorType,
} from '../../errors/upgrade.js'
import { version } from '../../errors/version.js'
import type { SafeTransactionOutcome } from '../../types/safeTransactionOutcome.js'
import type { RollbackRehearsal } from '../../types/upgrade.js'
import type { OpsContext } from '../createOpsContext.js'
import {
  type GovernorTiming,
  readGovernorTiming,
} from '../internal/governorTiming.js'
import { prepareSafeTransaction } from '../internal/prepareSafeTransaction.js'
import { rehearseRollback } from '../internal/rehearseRollback.js'
import { renderProposalDraft } from '../internal/renderProposalDraft.js'
import { proposableUpgrade } from '../internal/upgradeDeployment.js'
import {
  type UpgradeGovernorProposal,
  upgradeGovernorProposal,
} from '../internal/upgradeGovernorProposal.js'
import { proposalStates } from '../internal/upgradeProgress.js'

export type DraftGovernorUpgradeParameters = {
  /** The `upgrades[]` id written by {@link prepareUpgrade}. */
  id: string
  /** The Foundry project (built with `forge build`). Default `<root>/contracts`. */
  contracts?: string | undefined
  /** An ops Safe nonce to use instead of the next free one. */
  nonce?: bigint | undefined
  /**
   * Send the ops-Safe transaction calling `propose` to the Safe Transaction
   * Service, signed by an owner (only when both rehearsals pass).
   */
  propose?: boolean | undefined
  /** Progress callback for long steps. */
  onStep?: ((message: string) => void) | undefined
}

export type DraftGovernorUpgradeReturnType = SafeTransactionOutcome & {
  /** The upgrade as the manifest now records it (with `proposalId`; `proposed` once the Safe transaction rehearsed). */
  upgrade: UpgradeEntry
  /** The governor's `propose` call: the ops Safe transaction's call, or send it from any account with enough votes. */
  propose: { to: Address; data: Hex }
  proposalId: bigint
  description: string
  descriptionHash: Hex
  /** Unix seconds: the earliest execution if proposed now. */
  earliestExecution: bigint
  /** The forum draft written (absolute). */
  draft: string
  /** The reverse upgrade, rehearsed on a fork after the upgrade. */
  rollback: RollbackRehearsal
}

export type DraftGovernorUpgradeErrorType =
  | MissingParameterErrorType
  | ArtifactNotFoundErrorType
  | ChainReadErrorType
  | ForkErrorType
  | GovernorNotInManifestErrorType
  | ImplementationMismatchErrorType
  | SafeNotInManifestErrorType
  | SignerNotOwnerErrorType
  | TimelockNotInManifestErrorType
  | UnknownUpgradeErrorType
  | UpdateManifestErrorType
  | UpgradeNotProposableErrorType

/**
 * The upgrade playbook's second step on the governance route: the StoryDAO
 * `propose` call whose actions (run by the timelock) CREATE2-deploy the new
 * implementation and upgrade the proxy, and its proposal id. The call is
 * planned as an ops-Safe transaction, rehearsed on a fork (the proposal must
 * then be Pending under that id), written as a Transaction Builder file and,
 * with `propose`, sent to the Safe Transaction Service; any other account
 * with enough votes may send the same calldata instead. The rollback (the
 * reverse upgrade) is rehearsed on a fork after the upgrade itself, and the
 * forum draft `docs/operations/proposals/<id>.md` records it with the
 * implementation, the actions, the voting and timelock window and the
 * post-upgrade checks. The manifest entry records the proposal id, and
 * becomes `proposed` with the safeTxHash once both rehearsals passed.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/upgrade.md#propose-through-a-governance-vote
 *
 * @example
 * ```ts
 * import { createOpsContext, draftGovernorUpgrade } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'sepolia', signerEnv: 'OPS_KEY' })
 * const { safeTxHash, proposalId, rollback, draft } = await draftGovernorUpgrade(context, {
 *   id: '2026-12-05-authorcoin-authorcoinv2',
 *   propose: true,
 * })
 * ```
 */
export async function draftGovernorUpgrade(
  context: OpsContext,
  parameters: DraftGovernorUpgradeParameters,
): Promise<DraftGovernorUpgradeReturnType> {
  assertParameters('draftGovernorUpgrade', { context }, ['context'], {
    version,
  })
  assertParameters('draftGovernorUpgrade', parameters, ['id'], { version })
  const step = parameters.onStep ?? (() => {})
  const upgrade = proposableUpgrade(context, parameters.id)
  const project = resolve(
    context.root,
    parameters.contracts ?? join(context.root, 'contracts'),
  )
  const proposalOf = await upgradeGovernorProposal(context, {
    upgrade,
    project,
  })
  const { governor, timelock, description } = proposalOf
  const proposal = buildGovernorPropose({
    governor: governor.address,
    calls: proposalOf.calls,
    description,
  })
  step('Read the voting and timelock delays')
  const timing = await readGovernorTiming(context, {
    governor: governor.address,
    timelock: timelock.address,
  })
  step('Rehearse the rollback on a fork: the upgrade, then the reverse')
  const rollback = await rehearseRollback(context, {
    upgrade,
    actions: proposalOf.calls,
    timelock: timelock.address,
  })
  const outcome = await planProposal(context, {
    upgrade,
    proposal,
    governor,
    // Signers are not asked to queue an upgrade whose way back fails.
    parameters: {
      ...parameters,
      propose: parameters.propose === true && rollback.ok,
    },
  })
  const draft = await writeDraft(context, {
    upgrade,
    proposal: proposalOf,
    proposalId: proposal.proposalId,
    timing,
    rollback,
  })
  const recorded = await recordProposal(context, {
    id: upgrade.id,
    proposalId: proposal.proposalId,
    safeTxHash:
      outcome.rehearsal.ok && rollback.ok ? outcome.safeTxHash : undefined,
  })
  return {
    ...outcome,
    upgrade: recorded,
    propose: { to: proposal.call.to, data: proposal.call.data },
    proposalId: proposal.proposalId,
    description,
    descriptionHash: proposal.descriptionHash,
    earliestExecution: timing.earliestExecution,
    draft,
    rollback,
  }
}

/**
 * The ops-Safe transaction calling `propose`, rehearsed with the proposal
 * required to exist (Pending) under the printed id afterwards.
 */
async function planProposal(
  context: OpsContext,
  {
    upgrade,
    proposal,
    governor,
    parameters,
  }: {
    upgrade: UpgradeEntry
    proposal: BuildGovernorProposeReturnType
    governor: { name: string; address: Address }
    parameters: DraftGovernorUpgradeParameters
  },
): Promise<SafeTransactionOutcome> {
  const { outcome } = await prepareSafeTransaction(context, {
    safeName: 'ops',
    calls: [proposal.call],
    title: `Propose upgrade ${upgrade.id} to ${governor.name}`,
    description: `Upgrade ${upgrade.id}: creates the StoryDAO proposal ${proposal.proposalId} on ${governor.name} (${governor.address}); once voted, queued and executed, the timelock upgrades ${upgrade.target} to ${upgrade.toImplementation}.`,
    // Proposing moves no funds, roles or implementations: only the proposal appears.
    invariants: { action: 'timelock-schedule', operationIds: [] },
    extraInvariants: [
      proposalIsPending({ governor, proposalId: proposal.proposalId }),
    ],
    nonce: parameters.nonce,
    propose: parameters.propose,
    onStep: parameters.onStep,
  })
  return outcome
}

/** The governor knows the proposal under this id, and it waits for its vote. */
function proposalIsPending({
  governor,
  proposalId,
}: {
  governor: { name: string; address: Address }
  proposalId: bigint
}): Invariant {
  return customInvariant({
    name: 'proposalIsPending',
    description: `${governor.name}: proposal ${proposalId} exists and is Pending`,
    read: {
      state: {
        type: 'call',
        address: governor.address,
        abi: storyDaoAbi,
        functionName: 'state',
        args: [proposalId],
      },
    },
    check: ({ after }) => ({
      ok: Number(after.state) === 0,
      expected: 'Pending',
      actual: proposalStates[Number(after.state)] ?? String(after.state),
    }),
  })
}

/** The forum draft `docs/operations/proposals/<id>.md`; returns its path. */
async function writeDraft(
  context: OpsContext,
  {
    upgrade,
    proposal,
    proposalId,
    timing,
    rollback,
  }: {
    upgrade: UpgradeEntry
    proposal: UpgradeGovernorProposal
    proposalId: bigint
    timing: GovernorTiming
    rollback: RollbackRehearsal
  },
): Promise<string> {
  const { contract, deploy, upgradeCall } = proposal
  const target = context.manifest.contracts[upgrade.target]!
  const draft = join(context.paths.operations, 'proposals', `${upgrade.id}.md`)
  await writeFileAtomic({
    path: draft,
    data: renderProposalDraft({
      upgrade,
      contract,
      proxy: target.address,
      governor: proposal.governor,
      proposalId,
      description: proposal.description,
      actions: [
        ...(deploy
          ? [
              {
                to: deploy.to,
                label: `Deploy ${contract} (CREATE2)`,
                data: deploy.data,
              },
            ]
          : []),
        {
          to: upgradeCall.to,
          label: upgradeCall.label ?? '',
          data: upgradeCall.data,
        },
      ],
      timing,
      rollback,
      invariants: getDefaultInvariants({
        manifest: context.manifest,
        action: 'upgrade',
        upgrade: {
          contract: upgrade.target,
          implementation: upgrade.toImplementation,
        },
      }).map((invariant) => invariant.description),
      network: context.networkName,
    }),
  })
  return draft
}

/**
 * The proposal id always (it marks the governor route); `proposed` and the
 * safeTxHash once the Safe transaction and the rollback rehearsed, as the
 * timelock route records a rehearsed batch.
 */
async function recordProposal(
  context: OpsContext,
  {
    id,
    proposalId,
    safeTxHash,
  }: { id: string; proposalId: bigint; safeTxHash: Hex | undefined },
): Promise<UpgradeEntry> {
  const written = await updateManifest(context.manifestPath, {
    update: (current) => ({
      ...current,
      upgrades: (current.upgrades ?? []).map((entry) =>
        entry.id !== id
          ? entry
          : safeTxHash
            ? {
                ...entry,
                proposalId: proposalId.toString(),
                status: 'proposed' as const,
                safeTxHash,
              }
            : { ...entry, proposalId: proposalId.toString() },
      ),
    }),
  })
  return written.manifest.upgrades!.find((entry) => entry.id === id)!
}
