import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Address, Hex } from 'viem'
import { ArtifactNotFoundError } from '../../errors/upgrade.js'
import type { VerificationInput } from '../../types/releaseFile.js'

type Metadata = {
  compiler: { version: string }
  settings: {
    compilationTarget: Record<string, string>
    optimizer?: { enabled?: boolean; runs?: number }
    evmVersion?: string
  }
}

/**
 * @internal The verification input of a deployed contract, from the forge
 * artifact's metadata (compiler, optimizer, the source file that defines it),
 * so the command matches the build whose bytecode was compared.
 */
export async function toVerificationInput({
  project,
  artifactId,
  name,
  address,
  chainId,
  constructorArgs,
}: {
  project: string
  artifactId: string
  name: string
  address: Address
  chainId: number
  constructorArgs: Hex
}): Promise<VerificationInput> {
  const [folder, contractName] = artifactId.split(':') as [string, string]
  const out = join(project, 'out')
  let metadata: Metadata
  try {
    const json = JSON.parse(
      await readFile(join(out, folder, `${contractName}.json`), 'utf8'),
    ) as { metadata: Metadata }
    metadata = json.metadata
  } catch (cause) {
    throw new ArtifactNotFoundError({
      contract: artifactId,
      out,
      reason: 'unreadable',
      cause,
    })
  }
  const source = Object.keys(metadata.settings.compilationTarget)[0]!
  const contract = `${source}:${contractName}`
  const compilerVersion = `v${metadata.compiler.version}`
  const optimizer = metadata.settings.optimizer
  const optimizerRuns = optimizer?.enabled ? optimizer.runs : undefined
  const evmVersion = metadata.settings.evmVersion
  const command = [
    'forge verify-contract',
    address,
    contract,
    `--chain ${chainId}`,
    `--compiler-version ${compilerVersion}`,
    ...(optimizerRuns === undefined
      ? []
      : [`--num-of-optimizations ${optimizerRuns}`]),
    ...(evmVersion ? [`--evm-version ${evmVersion}`] : []),
    ...(constructorArgs === '0x'
      ? []
      : [`--constructor-args ${constructorArgs}`]),
    '--watch',
  ].join(' ')
  return {
    name,
    address,
    contract,
    compilerVersion,
    optimizerRuns,
    evmVersion,
    constructorArgs,
    command,
  }
}
