import { join, resolve } from 'node:path'
import {
  assertParameters,
  type ChainReadErrorType,
  type MissingParameterErrorType,
  type UpdateManifestErrorType,
  type UpgradeEntry,
  updateManifest,
  writeFileAtomic,
} from '@storydao/core'
import { buildGovernorPropose } from '@storydao/governance'
import { getDefaultInvariants } from '@storydao/invariants'
import type { Address, Hex } from 'viem'
import type { TimelockNotInManifestErrorType } from '../../errors/timelock.js'
import type {
  ArtifactNotFoundErrorType,
  GovernorNotInManifestErrorType,
  ImplementationMismatchErrorType,
  UnknownUpgradeErrorType,
  UpgradeNotProposableErrorType,
} from '../../errors/upgrade.js'
import { version } from '../../errors/version.js'
import type { OpsContext } from '../createOpsContext.js'
import {
  type GovernorTiming,
  readGovernorTiming,
} from '../internal/governorTiming.js'
import { renderProposalDraft } from '../internal/renderProposalDraft.js'
import { buildUpgradeCall, upgradeKindOf } from '../internal/upgradeCall.js'
import { proposableUpgrade } from '../internal/upgradeDeployment.js'
import {
  type UpgradeGovernorProposal,
  upgradeGovernorProposal,
} from '../internal/upgradeGovernorProposal.js'

export type DraftGovernorUpgradeParameters = {
  /** The `upgrades[]` id written by {@link prepareUpgrade}. */
  id: string
  /** The Foundry project (built with `forge build`). Default `<root>/contracts`. */
  contracts?: string | undefined
  /** Progress callback for long steps. */
  onStep?: ((message: string) => void) | undefined
}

export type DraftGovernorUpgradeReturnType = {
  /** The upgrade as the manifest now records it (with `proposalId`). */
  upgrade: UpgradeEntry
  /** The governor's `propose` call: send it from any account with enough votes, or from a Safe. */
  propose: { to: Address; data: Hex }
  proposalId: bigint
  description: string
  descriptionHash: Hex
  /** Unix seconds: the earliest execution if proposed now. */
  earliestExecution: bigint
  /** The forum draft written (absolute). */
  draft: string
}

export type DraftGovernorUpgradeErrorType =
  | MissingParameterErrorType
  | ArtifactNotFoundErrorType
  | ChainReadErrorType
  | GovernorNotInManifestErrorType
  | ImplementationMismatchErrorType
  | TimelockNotInManifestErrorType
  | UnknownUpgradeErrorType
  | UpdateManifestErrorType
  | UpgradeNotProposableErrorType

/**
 * The upgrade playbook's second step on the governance route: the StoryDAO
 * `propose` call whose actions (run by the timelock) CREATE2-deploy the new
 * implementation and upgrade the proxy, its proposal id, and the forum draft
 * `docs/operations/proposals/<id>.md` (implementation, actions, the voting
 * and timelock window, the rollback call, the post-upgrade checks). The
 * manifest entry records the proposal id.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/upgrade.md#propose-through-a-governance-vote
 *
 * @example
 * ```ts
 * import { createOpsContext, draftGovernorUpgrade } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'sepolia' })
 * const { propose, proposalId, draft } = await draftGovernorUpgrade(context, {
 *   id: '2026-12-05-authorcoin-authorcoinv2',
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
  const draft = await writeDraft(context, {
    upgrade,
    proposal: proposalOf,
    proposalId: proposal.proposalId,
    timing,
  })
  const recorded = await recordProposalId(context, {
    id: upgrade.id,
    proposalId: proposal.proposalId,
  })
  return {
    upgrade: recorded,
    propose: { to: proposal.call.to, data: proposal.call.data },
    proposalId: proposal.proposalId,
    description,
    descriptionHash: proposal.descriptionHash,
    earliestExecution: timing.earliestExecution,
    draft,
  }
}

/** The forum draft `docs/operations/proposals/<id>.md`; returns its path. */
async function writeDraft(
  context: OpsContext,
  {
    upgrade,
    proposal,
    proposalId,
    timing,
  }: {
    upgrade: UpgradeEntry
    proposal: UpgradeGovernorProposal
    proposalId: bigint
    timing: GovernorTiming
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
      rollback: buildUpgradeCall(target, {
        kind: upgradeKindOf(upgrade.target, target),
        implementation: upgrade.fromImplementation,
        data: undefined,
      }),
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

async function recordProposalId(
  context: OpsContext,
  { id, proposalId }: { id: string; proposalId: bigint },
): Promise<UpgradeEntry> {
  const written = await updateManifest(context.manifestPath, {
    update: (current) => ({
      ...current,
      upgrades: (current.upgrades ?? []).map((entry) =>
        entry.id === id
          ? { ...entry, proposalId: proposalId.toString() }
          : entry,
      ),
    }),
  })
  return written.manifest.upgrades!.find((entry) => entry.id === id)!
}
