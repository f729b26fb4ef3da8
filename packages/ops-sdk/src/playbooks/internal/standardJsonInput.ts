import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { isHexEqual } from '@storydao/core'
import { type Hex, keccak256, toHex } from 'viem'
import { VerificationSourceChangedError } from '../../errors/deployment.js'
import { ArtifactNotFoundError } from '../../errors/upgrade.js'

/** @internal The solc standard-JSON input explorers accept ("Standard-Json-Input"). */
export type StandardJsonInput = {
  language: string
  sources: Record<string, { content: string }>
  settings: Record<string, unknown>
}

type RawMetadata = {
  language: string
  settings: Record<string, unknown> & {
    compilationTarget: Record<string, string>
    libraries?: Record<string, string>
  }
  sources: Record<string, { keccak256: Hex }>
}

/**
 * @internal Rebuilds the standard-JSON input of a forge artifact offline
 * (`forge verify-contract --show-standard-json-input` needs the network to
 * resolve the compiler): the metadata's settings, minus its compilation
 * target, plus every source it lists, read from the Foundry project. Each
 * source must still hash to what the build compiled, or the input would
 * verify something else.
 */
export async function toStandardJsonInput({
  project,
  artifactId,
}: {
  project: string
  artifactId: string
}): Promise<StandardJsonInput> {
  const metadata = await readRawMetadata(project, artifactId)
  const {
    compilationTarget: _target,
    libraries = {},
    ...settings
  } = metadata.settings
  const sources: StandardJsonInput['sources'] = {}
  // One by one, so the error names the first changed source in the metadata's order.
  for (const [path, { keccak256: hash }] of Object.entries(metadata.sources)) {
    const content = await readFile(join(project, path), 'utf8').catch(
      () => undefined,
    )
    if (content === undefined || !isHexEqual(keccak256(toHex(content)), hash))
      throw new VerificationSourceChangedError({ artifactId, source: path })
    sources[path] = { content }
  }
  return {
    language: metadata.language,
    sources,
    settings: {
      ...settings,
      // The metadata writes libraries as "file:Name" → address; solc's input nests them.
      libraries: nestLibraries(libraries),
      outputSelection: {
        '*': {
          '*': ['abi', 'evm.bytecode', 'evm.deployedBytecode', 'metadata'],
        },
      },
    },
  }
}

async function readRawMetadata(
  project: string,
  artifactId: string,
): Promise<RawMetadata> {
  const [folder, name] = artifactId.split(':') as [string, string]
  const out = join(project, 'out')
  try {
    const artifact = JSON.parse(
      await readFile(join(out, folder, `${name}.json`), 'utf8'),
    ) as { rawMetadata: string }
    return JSON.parse(artifact.rawMetadata) as RawMetadata
  } catch (cause) {
    throw new ArtifactNotFoundError({
      contract: artifactId,
      out,
      reason: 'unreadable',
      cause,
    })
  }
}

function nestLibraries(
  libraries: Record<string, string>,
): Record<string, Record<string, string>> {
  const nested: Record<string, Record<string, string>> = {}
  for (const [key, address] of Object.entries(libraries)) {
    const at = key.lastIndexOf(':')
    const file = key.slice(0, at)
    nested[file] = { ...nested[file], [key.slice(at + 1)]: address }
  }
  return nested
}
