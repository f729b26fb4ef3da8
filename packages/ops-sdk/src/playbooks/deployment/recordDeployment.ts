import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import {
  assertParameters,
  ChainReadError,
  type ChainReadErrorType,
  type ContractEntry,
  diffManifests,
  type Manifest,
  type MissingParameterErrorType,
  renderManifestDiff,
  type ToFrontendArtifactsErrorType,
  toFrontendArtifacts,
  type UpdateManifestErrorType,
  updateManifest,
  writeFileAtomic,
} from '@storydao/core'
import type { Abi, Hex } from 'viem'
import { getCode } from 'viem/actions'
import {
  DeploymentCodeMissingError,
  type DeploymentCodeMissingErrorType,
  type DeploymentExecutionFailedErrorType,
  type DeploymentNotExecutedErrorType,
  type DeploymentNotPendingErrorType,
  type PendingDeploymentInvalidErrorType,
  type VerificationSourceChangedErrorType,
} from '../../errors/deployment.js'
import type { ArtifactNotFoundErrorType } from '../../errors/upgrade.js'
import { version } from '../../errors/version.js'
import type {
  PendingDeployment,
  PendingDeploymentEntry,
  RecordedContract,
  VerificationInput,
} from '../../types/releaseFile.js'
import type { OpsContext } from '../createOpsContext.js'
import {
  compareRuntimeBytecode,
  type RuntimeBytecodeComparison,
} from '../internal/compareRuntimeBytecode.js'
import { findSafeExecution } from '../internal/findSafeExecution.js'
import {
  findPendingDeployment,
  markRecorded,
} from '../internal/pendingDeployment.js'
import { readFoundryArtifact } from '../internal/readFoundryArtifact.js'
import {
  explorerLink,
  renderDeploymentRecord,
  renderVerificationNotes,
} from '../internal/renderDeploymentRecord.js'
import {
  type StandardJsonInput,
  toStandardJsonInput,
} from '../internal/standardJsonInput.js'
import { toVerificationInput } from '../internal/verificationInputs.js'

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
  contracts: (RecordedContract & { verification: VerificationInput })[]
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

/** Code must be at every predicted address; then each is compared with its artifact. */
async function compareDeployed(
  context: OpsContext,
  { pending, project }: { pending: PendingDeployment; project: string },
): Promise<RecordDeploymentReturnType['contracts']> {
  const codes = await Promise.all(
    pending.deployments.map(({ address }) =>
      getCode(context.client, { address }).catch((cause: unknown) => {
        throw new ChainReadError({ what: `the code at ${address}`, cause })
      }),
    ),
  )
  const missing = pending.deployments.filter(
    (_, index) => !codes[index] || codes[index] === '0x',
  )
  if (missing.length > 0)
    throw new DeploymentCodeMissingError({
      missing: missing.map(({ name, address }) => ({ name, address })),
    })
  return Promise.all(
    pending.deployments.map(async (entry, index) => ({
      name: entry.name,
      address: entry.address,
      artifactId: entry.artifactId,
      kind: entry.manifest?.kind,
      bytecode: await compareWithBuild(project, entry, codes[index]),
      verification: await toVerificationInput({
        project,
        artifactId: entry.artifactId,
        name: entry.name,
        address: entry.address,
        chainId: context.chainId,
        constructorArgs: entry.constructorArgs,
      }),
    })),
  )
}

async function compareWithBuild(
  project: string,
  entry: PendingDeploymentEntry,
  code: Hex | undefined,
): Promise<RuntimeBytecodeComparison> {
  const artifact = await readFoundryArtifact({
    project,
    contract: entry.artifactId,
  })
  return compareRuntimeBytecode({ code, artifact })
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

/** Where `record` writes, absolute. */
function recordPaths(
  context: OpsContext,
  {
    pending,
    frontend,
  }: { pending: PendingDeployment; frontend: string | undefined },
) {
  const verification = join(
    context.paths.deployments,
    'verification',
    context.networkName,
    `${pending.release}.md`,
  )
  return {
    frontend: resolve(
      context.root,
      frontend ??
        join('frontend', 'lib', 'contracts', `${context.networkName}.json`),
    ),
    verification,
    standardJsonInputs: pending.deployments.map(({ name }) =>
      join(
        dirname(verification),
        pending.release,
        `${name}.standard-input.json`,
      ),
    ),
    changeRecord: join(
      context.paths.operations,
      'changes',
      `${new Date().toISOString().slice(0, 10)}-${context.networkName}-${pending.release}.md`,
    ),
  }
}

type RecordInputs = {
  pending: PendingDeployment
  before: Manifest
  after: Manifest
  execution: { blockNumber: bigint; transactionHash: Hex }
  contracts: RecordDeploymentReturnType['contracts']
  inputs: readonly StandardJsonInput[]
  abis: Record<string, Abi>
  project: string
  frontend: string | undefined
}

async function writeRecords(
  context: OpsContext,
  records: RecordInputs,
): Promise<ReturnType<typeof recordPaths>> {
  const { pending, contracts, inputs, project } = records
  const paths = recordPaths(context, records)
  const artefacts = toFrontendArtifacts({
    manifest: records.after,
    abis: records.abis,
  })
  await Promise.all([
    ...inputs.map((input, index) =>
      writeFileAtomic({
        path: paths.standardJsonInputs[index]!,
        data: `${JSON.stringify(input, null, 2)}\n`,
      }),
    ),
    writeFileAtomic({
      path: paths.frontend,
      data: `${JSON.stringify(artefacts, null, 2)}\n`,
    }),
    writeFileAtomic({
      path: paths.verification,
      data: renderVerificationNotes({
        pending,
        networkName: context.networkName,
        inputs: contracts.map(({ verification }) => verification),
        standardJsonInputs: paths.standardJsonInputs.map((path) =>
          relative(dirname(paths.verification), path),
        ),
        contractsDir: relative(context.root, project) || '.',
      }),
    }),
    writeFileAtomic({
      path: paths.changeRecord,
      data: await changeRecord(context, { ...records, paths }),
    }),
  ])
  return paths
}

async function changeRecord(
  context: OpsContext,
  {
    pending,
    before,
    after,
    execution,
    contracts,
    paths,
  }: RecordInputs & { paths: ReturnType<typeof recordPaths> },
): Promise<string> {
  const reportPath = join(context.root, pending.files.report)
  const shown = (path: string) => relative(context.root, path)
  return renderDeploymentRecord({
    pending,
    network: context.network,
    networkName: context.networkName,
    blockNumber: execution.blockNumber,
    transactionHash: execution.transactionHash,
    contracts,
    manifestDiff: renderManifestDiff({
      diff: diffManifests({ before, after }),
      title: 'Manifest diff',
    }),
    report: existsSync(reportPath)
      ? await readFile(reportPath, 'utf8')
      : undefined,
    files: {
      manifest: shown(context.manifestPath),
      frontend: shown(paths.frontend),
      verification: shown(paths.verification),
    },
  })
}

/** The ABI of every artifact the manifest names, from the Foundry build. */
async function readAbis(
  project: string,
  manifest: Manifest,
): Promise<Record<string, Abi>> {
  const names = [
    ...new Set(
      Object.values(manifest.contracts).map(({ artifact }) => artifact),
    ),
  ]
  const read = await Promise.all(
    names.map(
      async (name) =>
        [
          name,
          (await readFoundryArtifact({ project, contract: name })).abi,
        ] as const,
    ),
  )
  return Object.fromEntries(read)
}
