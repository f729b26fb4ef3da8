import {
  assertParameters,
  type ChainReadErrorType,
  type MissingParameterErrorType,
  type UpdateManifestErrorType,
  type UpgradeEntry,
  updateManifest,
} from '@storydao/core'
import {
  UpgradeIdTakenError,
  type UpgradeIdTakenErrorType,
  UpgradeNotRollbackableError,
  type UpgradeNotRollbackableErrorType,
} from '../../errors/upgrade.js'
import { version } from '../../errors/version.js'
import type { UpgradeRoute } from '../../types/upgrade.js'
import type { OpsContext } from '../createOpsContext.js'
import { buildUpgradeCall, upgradeKindOf } from '../internal/upgradeCall.js'
import { rollbackNote } from '../internal/upgradeDeployment.js'
import { knownUpgrade, upgradeRouteOf } from '../internal/upgradeProgress.js'
import {
  type DraftGovernorUpgradeErrorType,
  type DraftGovernorUpgradeReturnType,
  draftGovernorUpgrade,
} from './draftGovernorUpgrade.js'
import {
  type ProposeUpgradeErrorType,
  type ProposeUpgradeReturnType,
  proposeUpgrade,
} from './proposeUpgrade.js'

export type RollbackUpgradeParameters = {
  /** The executed upgrade to reverse. */
  id: string
  /** The rollback's own `upgrades[]` id. Default `<id>-rollback`. */
  rollbackId?: string | undefined
  /** Timelock route: the delay in seconds. Default: the timelock's `getMinDelay()`. */
  delay?: bigint | undefined
  /** The Foundry project (built with `forge build`). Default `<root>/contracts`. */
  contracts?: string | undefined
  /** An ops Safe nonce to use instead of the next free one. */
  nonce?: bigint | undefined
  /** Send the ops-Safe transaction (schedule, or the governor's propose) to the Safe Transaction Service, signed by an owner. */
  propose?: boolean | undefined
  /** Progress callback for long steps. */
  onStep?: ((message: string) => void) | undefined
}

export type RollbackUpgradeReturnType = {
  /** The route of the original upgrade, which the rollback takes too. */
  route: UpgradeRoute
  /** The rollback's `upgrades[]` entry as the manifest now records it. */
  rollback: UpgradeEntry
  /** Timelock route: the ops-Safe transaction scheduling the reverse upgrade. */
  timelock: ProposeUpgradeReturnType | undefined
  /** Governor route: the StoryDAO proposal of the reverse upgrade, the ops-Safe transaction proposing it, and its forum draft. */
  governor: DraftGovernorUpgradeReturnType | undefined
}

export type RollbackUpgradeErrorType =
  | MissingParameterErrorType
  | ChainReadErrorType
  | DraftGovernorUpgradeErrorType
  | ProposeUpgradeErrorType
  | UpdateManifestErrorType
  | UpgradeIdTakenErrorType
  | UpgradeNotRollbackableErrorType

/**
 * The upgrade playbook's way back: records a new `upgrades[]` entry that
 * upgrades the contract back to the implementation it had before the
 * executed upgrade (still live, so nothing is deployed; no call runs after
 * it), then proposes it through the original's route: one ops-Safe
 * transaction scheduling it on the timelock ({@link proposeUpgrade}), or the
 * StoryDAO proposal, the ops-Safe transaction proposing it and its forum
 * draft ({@link draftGovernorUpgrade}). The
 * rollback then goes through queue, execute and validate like any upgrade.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/upgrade.md#roll-back
 *
 * @example
 * ```ts
 * import { createOpsContext, rollbackUpgrade } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'sepolia', signerEnv: 'OPS_KEY' })
 * const { rollback, timelock } = await rollbackUpgrade(context, {
 *   id: '2026-12-05-authorcoin-authorcoinv2',
 *   propose: true,
 * })
 * ```
 */
export async function rollbackUpgrade(
  context: OpsContext,
  parameters: RollbackUpgradeParameters,
): Promise<RollbackUpgradeReturnType> {
  assertParameters('rollbackUpgrade', { context }, ['context'], { version })
  assertParameters('rollbackUpgrade', parameters, ['id'], { version })
  const original = knownUpgrade(context, parameters.id)
  if (original.status !== 'executed')
    throw new UpgradeNotRollbackableError({
      id: original.id,
      reason: `its status is ${original.status}, not executed.`,
    })
  const id = parameters.rollbackId ?? `${original.id}-rollback`
  if (context.manifest.upgrades?.some((entry) => entry.id === id))
    throw new UpgradeIdTakenError({ id, network: context.networkName })
  parameters.onStep?.(`Record the rollback ${id} of ${original.id}`)
  const next = await recordRollback(context, { original, id })
  const route = upgradeRouteOf(original)
  const common = {
    id,
    contracts: parameters.contracts,
    nonce: parameters.nonce,
    propose: parameters.propose,
    onStep: parameters.onStep,
  }
  if (route === 'governor') {
    const governor = await draftGovernorUpgrade(next, common)
    return { route, rollback: governor.upgrade, governor, timelock: undefined }
  }
  const timelock = await proposeUpgrade(next, {
    ...common,
    via: 'timelock',
    delay: parameters.delay,
  })
  return { route, rollback: timelock.upgrade, timelock, governor: undefined }
}

async function recordRollback(
  context: OpsContext,
  { original, id }: { original: UpgradeEntry; id: string },
): Promise<OpsContext> {
  const target = context.manifest.contracts[original.target]!
  const call = buildUpgradeCall(target, {
    kind: upgradeKindOf(original.target, target),
    implementation: original.fromImplementation,
    data: undefined,
  })
  const rollback: UpgradeEntry = {
    id,
    target: original.target,
    fromImplementation: original.toImplementation,
    toImplementation: original.fromImplementation,
    calldata: call.data,
    status: 'prepared',
    createdAt: new Date().toISOString(),
    notes: rollbackNote({
      of: original.id,
      contract: replacedContract(original),
      implementation: original.fromImplementation,
    }),
  }
  const written = await updateManifest(context.manifestPath, {
    update: (current) => ({
      ...current,
      upgrades: [...(current.upgrades ?? []), rollback],
    }),
  })
  return { ...context, manifest: written.manifest }
}

/** The contract the upgrade replaced, as `upgrade validate` noted it (the target's name otherwise). */
function replacedContract(original: UpgradeEntry): string {
  return /Replaced (\S+)\./.exec(original.notes ?? '')?.[1] ?? original.target
}
