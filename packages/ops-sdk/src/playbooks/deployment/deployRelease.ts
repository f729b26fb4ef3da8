import { readFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import {
  assertParameters,
  type Manifest,
  type MissingParameterErrorType,
  writeFileAtomic,
} from '@storydao/core'
import {
  type AssertCreate2AddressesFreeErrorType,
  type AssertCreate2DeployerPresentErrorType,
  assertCreate2AddressesFree,
  assertCreate2DeployerPresent,
  type BuildReleaseErrorType,
  buildRelease,
} from '@storydao/governance'
import type { Address, Hex } from 'viem'
import { getBlockNumber } from 'viem/actions'
import {
  ReleaseAlreadyDeployedError,
  type ReleaseAlreadyDeployedErrorType,
  ReleaseFileInvalidError,
  type ReleaseFileInvalidErrorType,
  type ReleaseFileNotFoundErrorType,
} from '../../errors/deployment.js'
import type {
  SafeNotInManifestErrorType,
  SignerNotOwnerErrorType,
} from '../../errors/playbook.js'
import type { ArtifactNotFoundErrorType } from '../../errors/upgrade.js'
import { version } from '../../errors/version.js'
import type {
  PendingDeployment,
  PendingDeploymentEntry,
  ReleaseFile,
} from '../../types/releaseFile.js'
import type { SafeTransactionOutcome } from '../../types/safeTransactionOutcome.js'
import type { OpsContext } from '../createOpsContext.js'
import {
  toDeploymentInvariants,
  toReleaseRoleChanges,
} from '../internal/deploymentInvariants.js'
import { loadReleaseFile } from '../internal/loadReleaseFile.js'
import {
  pendingDeploymentPath,
  writePendingDeployment,
} from '../internal/pendingDeployment.js'
import { prepareSafeTransaction } from '../internal/prepareSafeTransaction.js'
import { selectReleaseWork } from '../internal/selectReleaseWork.js'

export type DeployReleaseParameters = {
  /** The release file (docs/operations/deployment.md#release-file), relative to the repository root or absolute. */
  release: string
  /** Refuse when the manifest already has any contract of the release (instead of skipping it). */
  fresh?: boolean | undefined
  /** Send it to the Safe Transaction Service, signed by an ops Safe owner. */
  propose?: boolean | undefined
  /** The Foundry project (built with `forge build`). Default `<root>/contracts`. */
  contracts?: string | undefined
  /** Progress callback for long steps. */
  onStep?: ((message: string) => void) | undefined
}

export type DeployReleaseReturnType =
  | {
      /** Every entry of the release is in the manifest already: no transaction was built. */
      status: 'nothing-to-deploy'
      release: string
      skipped: string[]
    }
  | (SafeTransactionOutcome & {
      status: 'planned'
      release: string
      /** What the transaction deploys, with predicted addresses. */
      deployments: PendingDeploymentEntry[]
      /** Release entries already in the manifest. */
      skipped: string[]
      /** Release calls left out because they only touch skipped entries. */
      skippedCalls: number
      /** The manifest snapshot taken before anything else (absolute). */
      snapshot: string
      /** The pending-deployment record `record` reads (absolute); undefined when the rehearsal failed. */
      pending: string | undefined
    })

export type DeployReleaseErrorType =
  | MissingParameterErrorType
  | ReleaseFileNotFoundErrorType
  | ReleaseFileInvalidErrorType
  | ReleaseAlreadyDeployedErrorType
  | ArtifactNotFoundErrorType
  | BuildReleaseErrorType
  | AssertCreate2DeployerPresentErrorType
  | AssertCreate2AddressesFreeErrorType
  | SafeNotInManifestErrorType
  | SignerNotOwnerErrorType

/**
 * The deployment playbook's first step (the seed's deploy-core and
 * deploy-timelock, "if missing"): reads a release file, leaves out the
 * entries the manifest already has (or refuses them with `fresh`), predicts
 * every CREATE2 address, checks the deployer and that the addresses are
 * free, snapshots the manifest to `deployments/archive/`, and plans the whole
 * release as one ops-Safe batch: rehearsed on a fork, written as a
 * Transaction Builder file and, with `propose`, queued on the Transaction
 * Service. A pending-deployment record next to the file holds the predicted
 * addresses and the manifest entries for {@link recordDeployment}.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/deployment.md#deploy-a-release
 *
 * @example
 * ```ts
 * import { createOpsContext, deployRelease } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'sepolia', signerEnv: 'OPS_KEY' })
 * const result = await deployRelease(context, {
 *   release: 'deployments/releases/storydao.json',
 *   propose: true,
 * })
 * if (result.status === 'planned') console.log(result.safeTxHash)
 * ```
 */
export async function deployRelease(
  context: OpsContext,
  parameters: DeployReleaseParameters,
): Promise<DeployReleaseReturnType> {
  assertParameters('deployRelease', { context }, ['context'], { version })
  assertParameters('deployRelease', parameters, ['release'], { version })
  const step = parameters.onStep ?? (() => {})
  const { file, work } = await readReleaseWork(context, parameters)
  if (work.release.contracts.length === 0)
    return {
      status: 'nothing-to-deploy',
      release: file.name,
      skipped: work.skipped,
    }

  step(
    `Predict the CREATE2 addresses of ${work.release.contracts.length} contracts`,
  )
  const built = buildRelease({
    release: work.release,
    manifest: context.manifest,
  })
  await assertCreate2DeployerPresent(context.client)
  await assertCreate2AddressesFree(context.client, {
    addresses: Object.values(built.addresses),
  })
  const fromBlock = await getBlockNumber(context.client)
  step(
    `Snapshot deployments/${context.networkName}.json to deployments/archive/`,
  )
  const snapshot = await snapshotManifest(context, file.name)
  const deployments = toPendingEntries(file, built, context.manifest)
  const { outcome } = await prepareSafeTransaction(context, {
    safeName: 'ops',
    calls: built.calls,
    title: `Deploy ${file.name}`,
    description: `Release ${file.name}: ${work.release.contracts.length} contracts through the CREATE2 deployer, then ${built.calls.length - built.deployments.length} calls.${file.description ? ` ${file.description}` : ''}`,
    // On a contract the manifest already has, only the role changes the
    // release's calls declare may happen; the new contracts' wiring is what
    // the batch is for.
    invariants: {
      action: 'role-change',
      roleChanges: toReleaseRoleChanges(
        built.calls.slice(built.deployments.length),
      ),
    },
    extraInvariants: toDeploymentInvariants({
      deployments,
      calls: built.calls.slice(built.deployments.length),
    }),
    known: toKnownNames(deployments),
    propose: parameters.propose,
    origin: `storydao-ops deploy ${file.name}`,
    onStep: parameters.onStep,
  })
  // A failed rehearsal leaves nothing for record: the batch must be fixed first.
  const pending = outcome.rehearsal.ok
    ? await writePending(context, {
        file,
        work,
        outcome,
        deployments,
        fromBlock,
      })
    : undefined
  return {
    ...outcome,
    status: 'planned',
    release: file.name,
    deployments,
    skipped: work.skipped,
    skippedCalls: work.skippedCalls,
    snapshot,
    pending,
  }
}

/**
 * The manifest does not have the new contracts yet: the rehearsal report
 * names them (calls to them, roles granted to them) instead of warning.
 */
function toKnownNames(
  deployments: readonly PendingDeploymentEntry[],
): Record<Address, string> {
  return Object.fromEntries(
    deployments.map(({ name, address }) => [address, name]),
  )
}

/** The release file, checked against the manifest: what is left to do. */
async function readReleaseWork(
  context: OpsContext,
  parameters: DeployReleaseParameters,
): Promise<{ file: ReleaseFile; work: ReturnType<typeof selectReleaseWork> }> {
  const file = await loadReleaseFile({
    path: resolve(context.root, parameters.release),
    root: context.root,
    project: resolve(context.root, parameters.contracts ?? 'contracts'),
  })
  const present = file.entries
    .map(({ name }) => name)
    .filter((name) => Object.hasOwn(context.manifest.contracts, name))
  if (parameters.fresh && present.length > 0)
    throw new ReleaseAlreadyDeployedError({
      network: context.networkName,
      names: present,
    })
  assertManifestReferences(file, context)
  return { file, work: selectReleaseWork({ file, present }) }
}

/** The pending-deployment record, next to the Transaction Builder file. */
async function writePending(
  context: OpsContext,
  {
    file,
    work,
    outcome,
    deployments,
    fromBlock,
  }: {
    file: ReleaseFile
    work: ReturnType<typeof selectReleaseWork>
    outcome: SafeTransactionOutcome
    deployments: PendingDeploymentEntry[]
    fromBlock: bigint
  },
): Promise<string> {
  const path = pendingDeploymentPath(outcome.files.transactionBuilder)
  await writePendingDeployment(path, {
    format: 'storydao-ops/pending-deployment@1',
    release: file.name,
    releaseFile: relative(context.root, file.path),
    network: context.networkName,
    chainId: context.chainId,
    safe: outcome.safe,
    safeTxHash: outcome.safeTxHash,
    nonce: outcome.nonce.toString(),
    fromBlock: fromBlock.toString(),
    createdAt: new Date().toISOString(),
    deployments,
    roles: file.roles,
    skipped: work.skipped,
    files: {
      transactionBuilder: relative(
        context.root,
        outcome.files.transactionBuilder,
      ),
      report: relative(context.root, outcome.files.report),
    },
  } satisfies PendingDeployment)
  return path
}

/** Manifest sections and roles must name a release entry or a manifest contract. */
function assertManifestReferences(
  file: ReleaseFile,
  { manifest, root }: Pick<OpsContext, 'manifest' | 'root'>,
): void {
  const known = (name: string) =>
    file.entries.some((entry) => entry.name === name) ||
    Object.hasOwn(manifest.contracts, name)
  file.entries.forEach((entry, index) => {
    for (const key of ['implementation', 'beacon'] as const) {
      const name = entry.manifest?.[key]
      if (name !== undefined && !known(name))
        throw new ReleaseFileInvalidError({
          file: relative(root, file.path),
          path: `contracts[${index}].manifest.${key}`,
          problem: `"${name}" is neither a release entry nor a contract of the manifest.`,
        })
    }
  })
  for (const [role, name] of Object.entries(file.roles))
    if (!known(name))
      throw new ReleaseFileInvalidError({
        file: relative(root, file.path),
        path: `roles.${role}`,
        problem: `"${name}" is neither a release entry nor a contract of the manifest.`,
      })
}

/**
 * Deployment calls carry `salt ‖ initCode`; the constructor arguments are
 * what follows the artifact's creation bytecode (explorers ask for them).
 */
function toPendingEntries(
  file: ReleaseFile,
  built: ReturnType<typeof buildRelease>,
  manifest: Manifest,
): PendingDeploymentEntry[] {
  const addressOf = (name: string): Address =>
    built.addresses[name] ?? manifest.contracts[name]!.address
  return built.deployments.map((deployment, index) => {
    const entry = file.entries.find(({ name }) => name === deployment.name)!
    const initCode = built.calls[index]!.data.slice(2 + 64)
    const constructorArgs =
      `0x${initCode.slice(entry.bytecode.length - 2)}` as Hex
    const target = entry.manifest
    return {
      name: deployment.name,
      artifactId: entry.artifactId,
      address: deployment.address,
      salt: deployment.salt,
      initCodeHash: deployment.initCodeHash,
      constructorArgs,
      manifest: target && {
        kind: target.kind,
        artifact: target.artifact,
        ...(target.implementation
          ? { implementation: addressOf(target.implementation) }
          : {}),
        ...(target.beacon ? { beacon: addressOf(target.beacon) } : {}),
      },
    }
  })
}

/** A copy of the manifest as it was before the deployment was planned. */
async function snapshotManifest(
  context: OpsContext,
  release: string,
): Promise<string> {
  const now = new Date().toISOString()
  const stamp = `${now.slice(0, 10)}-${now.slice(11, 19).replaceAll(':', '')}`
  const path = join(
    context.paths.deployments,
    'archive',
    `${stamp}-${context.networkName}-pre-deploy-${release}.json`,
  )
  await writeFileAtomic({
    path,
    data: await readFile(context.manifestPath, 'utf8'),
  })
  return path
}
