import { join, resolve } from 'node:path'
import {
  assertParameters,
  ChainReadError,
  type ChainReadErrorType,
  type Manifest,
  type MissingParameterErrorType,
  type UpdateManifestErrorType,
  type UpgradeEntry,
  updateManifest,
} from '@storydao/core'
import {
  buildGovernorQueue,
  type TimelockOperation,
} from '@storydao/governance'
import type { InvariantResult } from '@storydao/invariants'
import type { Hex } from 'viem'
import { getBlock } from 'viem/actions'
import type { TimelockNotInManifestErrorType } from '../../errors/timelock.js'
import type {
  ArtifactNotFoundErrorType,
  GovernorNotInManifestErrorType,
  ImplementationMismatchErrorType,
  UnknownUpgradeErrorType,
} from '../../errors/upgrade.js'
import { version } from '../../errors/version.js'
import type { UpgradeCheck, UpgradeRoute } from '../../types/upgrade.js'
import type { OpsContext } from '../createOpsContext.js'
import {
  findOperation,
  readTimelockOperations,
} from '../internal/timelockOperation.js'
import {
  checkImplementation,
  checkRuntimeCode,
  checkUpgradedEvent,
  checkUpgradeInvariants,
} from '../internal/upgradeChecks.js'
import { upgradeContractOf } from '../internal/upgradeDeployment.js'
import { upgradeGovernorProposal } from '../internal/upgradeGovernorProposal.js'
import { appendUpgradeLog } from '../internal/upgradeLog.js'
import { knownUpgrade, upgradeRouteOf } from '../internal/upgradeProgress.js'

export type ValidateUpgradeParameters = {
  /** The `upgrades[]` id. */
  id: string
  /** The Foundry project (built with `forge build`). Default `<root>/contracts`. */
  contracts?: string | undefined
  /** Progress callback for long steps. */
  onStep?: ((message: string) => void) | undefined
}

export type ValidateUpgradeReturnType = {
  /** Every check passed. */
  ok: boolean
  route: UpgradeRoute
  /** The upgrade as the manifest now records it. */
  upgrade: UpgradeEntry
  operationId: Hex | undefined
  /** The transaction in which the timelock executed the operation. */
  execution: { transactionHash: Hex; blockNumber: bigint } | undefined
  checks: UpgradeCheck[]
  /** The post-upgrade invariants and their results. */
  invariants: InvariantResult[]
  /** The upgrade log and manifest written (absolute); only when every check passed and the entry was not executed yet. */
  files: { upgradeLog: string; manifest: string } | undefined
}

export type ValidateUpgradeErrorType =
  | MissingParameterErrorType
  | ArtifactNotFoundErrorType
  | ChainReadErrorType
  | GovernorNotInManifestErrorType
  | ImplementationMismatchErrorType
  | TimelockNotInManifestErrorType
  | UnknownUpgradeErrorType
  | UpdateManifestErrorType

/**
 * The upgrade playbook's last step, after the execution: checks on chain
 * that the timelock executed the operation, that the proxy (or beacon)
 * logged `Upgraded` naming the new implementation, that its EIP-1967 slot
 * (or the beacon's `implementation()`) holds it, that its runtime code is
 * the local forge build's, and that the post-upgrade invariants hold
 * (supply within the cap, Treasury and Safe balances unchanged by the
 * execution, every proxy on its recorded implementation). When all pass, it
 * appends to `docs/operations/upgrade-log.md` and marks the manifest entry
 * `executed` with the contract's new implementation; otherwise nothing is
 * written.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/upgrade.md#validate
 *
 * @example
 * ```ts
 * import { createOpsContext, validateUpgrade } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'sepolia' })
 * const { ok, checks } = await validateUpgrade(context, {
 *   id: '2026-12-05-authorcoin-authorcoinv2',
 * })
 * ```
 */
export async function validateUpgrade(
  context: OpsContext,
  parameters: ValidateUpgradeParameters,
): Promise<ValidateUpgradeReturnType> {
  assertParameters('validateUpgrade', { context }, ['context'], { version })
  assertParameters('validateUpgrade', parameters, ['id'], { version })
  const step = parameters.onStep ?? (() => {})
  const upgrade = knownUpgrade(context, parameters.id)
  const route = upgradeRouteOf(upgrade)
  const project = resolve(
    context.root,
    parameters.contracts ?? join(context.root, 'contracts'),
  )
  const operationId = await operationIdOf(context, { upgrade, project })
  step('Find the execution on the timelock')
  const { operations } = await readTimelockOperations(context)
  const operation = operationId
    ? findOperation(operations, operationId)
    : undefined
  const base = { route, upgrade, operationId, invariants: [], files: undefined }
  if (!operation?.executed)
    return {
      ...base,
      ok: false,
      execution: undefined,
      checks: [notExecuted(operationId, operation)],
    }
  step(
    'Check the Upgraded log, the implementation, the code and the invariants',
  )
  const contract = upgradeContractOf(upgrade)
  const after = applyUpgrade(context.manifest, { upgrade, contract })
  const { checks, invariants } = await runChecks(context, {
    upgrade,
    contract,
    project,
    operation,
    after: after.manifest,
  })
  const execution = {
    transactionHash: operation.executed.transactionHash,
    blockNumber: operation.executed.blockNumber,
  }
  const ok = checks.every((check) => check.ok)
  if (!ok || upgrade.status === 'executed')
    return { ...base, ok, execution, checks, invariants }
  step('Append to the upgrade log and mark the upgrade executed')
  const files = await record(context, {
    upgrade,
    contract,
    route,
    operationId: operation.id,
    execution,
    checks,
    previousArtifact: after.previousArtifact,
  })
  return { ...base, ...files, ok, execution, checks, invariants }
}

async function operationIdOf(
  context: OpsContext,
  { upgrade, project }: { upgrade: UpgradeEntry; project: string },
): Promise<Hex | undefined> {
  if (upgradeRouteOf(upgrade) === 'timelock') return upgrade.operationId
  const proposal = await upgradeGovernorProposal(context, { upgrade, project })
  return buildGovernorQueue({
    governor: proposal.governor.address,
    calls: proposal.calls,
    description: proposal.description,
  }).timelockOperationId
}

function notExecuted(
  operationId: Hex | undefined,
  operation: TimelockOperation | undefined,
): UpgradeCheck {
  return {
    name: 'executed',
    ok: false,
    detail: !operationId
      ? 'the upgrade has not been proposed'
      : `timelock operation ${operationId} is ${operation ? operation.state : 'not scheduled'}, not executed`,
  }
}

async function runChecks(
  context: OpsContext,
  {
    upgrade,
    contract,
    project,
    operation,
    after,
  }: {
    upgrade: UpgradeEntry
    contract: string
    project: string
    operation: TimelockOperation
    after: Manifest
  },
): Promise<{ checks: UpgradeCheck[]; invariants: InvariantResult[] }> {
  const entry = context.manifest.contracts[upgrade.target]!
  const implementation = upgrade.toImplementation
  const [event, slot, code, invariants] = await Promise.all([
    checkUpgradedEvent(context, {
      target: entry.address,
      implementation,
      fromBlock: operation.scheduled.blockNumber,
    }),
    checkImplementation(context, { entry, expected: implementation }),
    checkRuntimeCode(context, { implementation, contract, project }),
    checkUpgradeInvariants(context, {
      manifest: after,
      upgrade,
      blockNumber: operation.executed!.blockNumber,
    }),
  ])
  const executed: UpgradeCheck = {
    name: 'executed',
    ok: true,
    detail: `timelock operation ${operation.id} executed in transaction ${operation.executed!.transactionHash}, block ${operation.executed!.blockNumber}`,
  }
  const { transactionHash: _, ...upgraded } = event
  return {
    checks: [executed, upgraded, slot, code, invariants.check],
    invariants: invariants.results,
  }
}

/** The manifest once the upgrade is recorded: the contract on its new implementation and artifact. */
function applyUpgrade(
  manifest: Manifest,
  { upgrade, contract }: { upgrade: UpgradeEntry; contract: string },
): { manifest: Manifest; previousArtifact: string | undefined } {
  const entry = manifest.contracts[upgrade.target]!
  const name = contract.split(':').at(-1)!
  const updated =
    'implementation' in entry
      ? { ...entry, implementation: upgrade.toImplementation, artifact: name }
      : { ...entry, artifact: name }
  return {
    manifest: {
      ...manifest,
      contracts: { ...manifest.contracts, [upgrade.target]: updated },
    },
    previousArtifact: entry.artifact,
  }
}

async function record(
  context: OpsContext,
  {
    upgrade,
    contract,
    route,
    operationId,
    execution,
    checks,
    previousArtifact,
  }: {
    upgrade: UpgradeEntry
    contract: string
    route: UpgradeRoute
    operationId: Hex
    execution: { transactionHash: Hex; blockNumber: bigint }
    checks: UpgradeCheck[]
    previousArtifact: string | undefined
  },
): Promise<{
  upgrade: UpgradeEntry
  files: ValidateUpgradeReturnType['files']
}> {
  const block = await getBlock(context.client, {
    blockNumber: execution.blockNumber,
  }).catch((cause: unknown) => {
    throw new ChainReadError({ what: `block ${execution.blockNumber}`, cause })
  })
  const upgradeLog = join(context.paths.operations, 'upgrade-log.md')
  await appendUpgradeLog(upgradeLog, {
    upgrade,
    network: context.networkName,
    proxy: context.manifest.contracts[upgrade.target]!.address,
    contract,
    route,
    operationId,
    execution: { ...execution, timestamp: block.timestamp },
    checks,
  })
  const written = await updateManifest(context.manifestPath, {
    update: (current) => ({
      ...applyUpgrade(current, { upgrade, contract }).manifest,
      upgrades: (current.upgrades ?? []).map((entry) =>
        entry.id === upgrade.id
          ? {
              ...entry,
              status: 'executed' as const,
              operationId,
              executedTx: execution.transactionHash,
              notes: [
                entry.notes,
                previousArtifact ? `Replaced ${previousArtifact}.` : '',
              ]
                .filter(Boolean)
                .join(' '),
            }
          : entry,
      ),
    }),
  })
  return {
    upgrade: written.manifest.upgrades!.find(
      (entry) => entry.id === upgrade.id,
    )!,
    files: { upgradeLog, manifest: written.path },
  }
}
