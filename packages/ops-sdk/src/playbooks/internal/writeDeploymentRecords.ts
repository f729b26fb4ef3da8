import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import {
  diffManifests,
  type Manifest,
  renderManifestDiff,
  toFrontendArtifacts,
  writeFileAtomic,
} from '@storydao/core'
import type { Abi, Hex } from 'viem'
import type {
  DeployedContract,
  PendingDeployment,
} from '../../types/releaseFile.js'
import type { OpsContext } from '../createOpsContext.js'
import { readFoundryArtifact } from './readFoundryArtifact.js'
import {
  renderDeploymentRecord,
  renderVerificationNotes,
} from './renderDeploymentRecord.js'
import type { StandardJsonInput } from './standardJsonInput.js'

/** @internal Where `record` writes, absolute. */
export function recordPaths(
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

/** @internal What the record files are made of. */
export type RecordInputs = {
  pending: PendingDeployment
  before: Manifest
  after: Manifest
  execution: { blockNumber: bigint; transactionHash: Hex }
  contracts: DeployedContract[]
  inputs: readonly StandardJsonInput[]
  abis: Record<string, Abi>
  project: string
  frontend: string | undefined
}

/** @internal Writes the frontend artefacts, the verification notes and inputs, and the change record. */
export async function writeRecords(
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

/** @internal The ABI of every artifact the manifest names, from the Foundry build. */
export async function readAbis(
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
