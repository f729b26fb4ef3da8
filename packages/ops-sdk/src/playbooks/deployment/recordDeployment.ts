import { relative, resolve } from 'node:path'
import {
  assertParameters,
  type ChainReadErrorType,
  type ContractEntry,
  type Manifest,
  type MissingParameterErrorType,
  type ToFrontendArtifactsErrorType,
  type UpdateManifestErrorType,
  updateManifest,
} from '@storydao/core'
import type { Hex } from 'viem'
import type {
  DeploymentCodeMissingErrorType,
  DeploymentExecutionFailedErrorType,
  DeploymentNotExecutedErrorType,
  DeploymentNotPendingErrorType,
  PendingDeploymentInvalidErrorType,
  VerificationSourceChangedErrorType,
} from '../../errors/deployment.js'
import type { ArtifactNotFoundErrorType } from '../../errors/upgrade.js'
import { version } from '../../errors/version.js'
import type {
  DeployedContract,
  PendingDeployment,
} from '../../types/releaseFile.js'
import type { OpsContext } from '../createOpsContext.js'
import { compareDeployed } from '../internal/compareDeployed.js'
import { findSafeExecution } from '../internal/findSafeExecution.js'
import {
  findPendingDeployment,
  markRecorded,
} from '../internal/pendingDeployment.js'
import { explorerLink } from '../internal/renderDeploymentRecord.js'
import { toStandardJsonInput } from '../internal/standardJsonInput.js'
import { readAbis, writeRecords } from '../internal/writeDeploymentRecords.js'

export type RecordDeploymentParameters = {
  /** The safeTxHash `deployRelease` printed. */
  safeTxHash: Hex
  /** Where the frontend artefacts go, relative to the root. Default `frontend/lib/contracts/<network>.json`. */
  frontend?: string | undefined
  /** The Foundry project the bytecode is compared with. Default `<root>/contracts`. */
  contracts?: string | undefined
  /** Progress callback for long steps. */
  onStep?: ((message: string) => void) | undefined
}

export type RecordDeploymentReturnType = {
  /** `false` when a contract's runtime bytecode differs from the local build (the manifest is written anyway: the chain is the truth). */
  ok: boolean
  release: string
  safeTxHash: Hex
  blockNumber: bigint
  transactionHash: Hex
  /** The execution on the network's explorer, when it has one. */
  explorerUrl: string | undefined
  /** Every contract the transaction deployed, with its bytecode comparison. */
  contracts: DeployedContract[]
  /** Absolute paths of what was written. */
  files: {
    manifest: string
    archive: string | undefined
    frontend: string
    verification: string
    /** The solc standard-JSON input of each contract (explorers' "Standard-Json-Input"), in `contracts` order. */
    standardJsonInputs: string[]
    changeRecord: string
    /** The pending record, renamed `….deployment.recorded.json`. */
    pending: string
  }
}

export type RecordDeploymentErrorType =
  | MissingParameterErrorType
  | DeploymentNotPendingErrorType
  | PendingDeploymentInvalidErrorType
  | DeploymentNotExecutedErrorType
  | DeploymentExecutionFailedErrorType
  | DeploymentCodeMissingErrorType
  | VerificationSourceChangedErrorType
  | ArtifactNotFoundErrorType
  | ChainReadErrorType
  | ToFrontendArtifactsErrorType
  | UpdateManifestErrorType

/**
 * The deployment playbook's last step, after the ops Safe executed the
 * release: finds the execution (the Safe's `ExecutionSuccess` log for the
 * safeTxHash), checks code at every predicted address, writes the contracts,
 * their deployment block and transaction and the release's roles into
 * `deployments/<network>.json` (archived, atomic), the frontend artefacts,
 * the explorer verification commands and the change-management record
 * `docs/operations/changes/<date>-<release>.md`, and compares every new
 * contract's runtime bytecode with the local build (immutables masked).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/deployment.md#record-the-deployment
 *
 * @example
 * ```ts
 * import { createOpsContext, recordDeployment } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'sepolia' })
 * const { ok, files } = await recordDeployment(context, { safeTxHash: '0x8c1f…' })
 * ```
 */
export async function recordDeployment(
  context: OpsContext,
  parameters: RecordDeploymentParameters,
): Promise<RecordDeploymentReturnType> {
  assertParameters('recordDeployment', { context }, ['context'], { version })
  assertParameters('recordDeployment', parameters, ['safeTxHash'], { version })
  const step = parameters.onStep ?? (() => {})
  const project = resolve(context.root, parameters.contracts ?? 'contracts')
  const { path: pendingPath, pending } = await findPendingDeployment({
    folder: context.paths.transactions,
    safeTxHash: parameters.safeTxHash,
  })
  step(`Find the ops Safe's execution of ${pending.safeTxHash}`)
  const execution = await findSafeExecution(context.client, {
    safe: pending.safe,
    safeTxHash: pending.safeTxHash,
    nonce: BigInt(pending.nonce),
    fromBlock: BigInt(pending.fromBlock),
  })
  step(
    `Compare the runtime code of ${pending.deployments.length} contracts with ${relative(context.root, project)}/out`,
  )
  const contracts = await compareDeployed(context, { pending, project })
  // Read before anything is written: a source changed since the build stops here.
  const inputs = await Promise.all(
    pending.deployments.map(({ artifactId }) =>
      toStandardJsonInput({ project, artifactId }),
    ),
  )
  step(`Record the contracts in deployments/${context.networkName}.json`)
  const deployment = {
    block: Number(execution.blockNumber),
    tx: execution.transactionHash,
  }
  // Every ABI the frontend file needs is read before the manifest is written.
  const abis = await readAbis(
    project,
    withDeployment(context.manifest, { pending, deployment }),
  )
  let before: Manifest | undefined
  const written = await updateManifest(context.manifestPath, {
    update: (current) => {
      before = structuredClone(current)
      return withDeployment(current, { pending, deployment })
    },
  })
  const after = withDeployment(before!, { pending, deployment })
  const files = await writeRecords(context, {
    pending,
    before: before!,
    after,
    execution,
    contracts,
    inputs,
    abis,
    project,
    frontend: parameters.frontend,
  })
  const recorded = await markRecorded(pendingPath)
  return {
    ok: contracts.every(({ bytecode }) => bytecode.status === 'match'),
    release: pending.release,
    safeTxHash: pending.safeTxHash,
    blockNumber: execution.blockNumber,
    transactionHash: execution.transactionHash,
    explorerUrl: explorerLink(context.network, 'tx', execution.transactionHash),
    contracts,
    files: {
      manifest: written.path,
      archive: written.archivePath,
      ...files,
      pending: recorded,
    },
  }
}

/** The manifest with the release's entries and roles added. */
function withDeployment(
  manifest: Manifest,
  {
    pending,
    deployment,
  }: {
    pending: PendingDeployment
    deployment: { block: number; tx: Hex }
  },
): Manifest {
  const contracts = { ...manifest.contracts }
  for (const entry of pending.deployments) {
    if (!entry.manifest) continue
    contracts[entry.name] = {
      address: entry.address,
      kind: entry.manifest.kind,
      ...(entry.manifest.implementation
        ? { implementation: entry.manifest.implementation }
        : {}),
      ...(entry.manifest.beacon ? { beacon: entry.manifest.beacon } : {}),
      artifact: entry.manifest.artifact,
      deployment,
    } as ContractEntry
  }
  const roles = { ...manifest.roles, ...pending.roles }
  return {
    ...manifest,
    ...(Object.keys(roles).length > 0 ? { roles } : {}),
    contracts,
  }
}
