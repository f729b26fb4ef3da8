import { ChainReadError } from '@storydao/core'
import type { Hex } from 'viem'
import { getCode } from 'viem/actions'
import { DeploymentCodeMissingError } from '../../errors/deployment.js'
import type {
  DeployedContract,
  PendingDeployment,
  PendingDeploymentEntry,
} from '../../types/releaseFile.js'
import type { OpsContext } from '../createOpsContext.js'
import {
  compareRuntimeBytecode,
  type RuntimeBytecodeComparison,
} from './compareRuntimeBytecode.js'
import { readFoundryArtifact } from './readFoundryArtifact.js'
import { toVerificationInput } from './verificationInputs.js'

/** @internal Code must be at every predicted address; then each is compared with its artifact. */
export async function compareDeployed(
  context: OpsContext,
  { pending, project }: { pending: PendingDeployment; project: string },
): Promise<DeployedContract[]> {
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
