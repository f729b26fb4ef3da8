import { existsSync, readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { Abi, Hex } from 'viem'
import { ArtifactNotFoundError } from '../../errors/upgrade.js'

/** @internal What an upgrade needs from a forge artifact. */
export type FoundryArtifact = {
  /** `File.sol:Contract`. */
  id: string
  abi: Abi
  /** Creation bytecode (`bytecode.object`). */
  bytecode: Hex
  /** Runtime bytecode (`deployedBytecode.object`), immutables zeroed. */
  deployedBytecode: Hex
  /** Where the runtime code holds immutables (byte offsets and lengths). */
  immutableRanges: readonly { start: number; length: number }[]
}

/**
 * @internal Reads `<project>/out/<File>.sol/<Contract>.json`. The bytecode
 * comes from forge's build, not from a compile of our own, because forge's
 * optimizer settings (foundry.toml) decide the CREATE2 address reviewers
 * check. `contract` is a name or `File.sol:Name`.
 */
export async function readFoundryArtifact({
  project,
  contract,
}: {
  project: string
  contract: string
}): Promise<FoundryArtifact> {
  const out = join(project, 'out')
  if (!existsSync(out))
    throw new ArtifactNotFoundError({ contract, out, reason: 'no-build' })
  const [file, name] = contract.includes(':')
    ? [basename(contract.split(':')[0]!), contract.split(':')[1]!]
    : [undefined, contract]
  const folders = readdirSync(out).filter(
    (folder) =>
      folder.endsWith('.sol') &&
      !folder.endsWith('.t.sol') &&
      !folder.endsWith('.s.sol') &&
      (file === undefined || folder === file) &&
      existsSync(join(out, folder, `${name}.json`)),
  )
  if (folders.length !== 1)
    throw new ArtifactNotFoundError({
      contract,
      out,
      reason: folders.length === 0 ? 'missing' : 'ambiguous',
      candidates:
        folders.length === 0
          ? nearNames(out, name)
          : folders.map((folder) => `${folder}:${name}`),
    })
  const path = join(out, folders[0]!, `${name}.json`)
  try {
    const json = JSON.parse(await readFile(path, 'utf8')) as {
      abi: Abi
      bytecode: { object: Hex }
      deployedBytecode?: {
        object: Hex
        immutableReferences?: Record<
          string,
          { start: number; length: number }[]
        >
      }
    }
    return {
      id: `${folders[0]}:${name}`,
      abi: json.abi,
      bytecode: json.bytecode.object,
      deployedBytecode: json.deployedBytecode?.object ?? '0x',
      immutableRanges: Object.values(
        json.deployedBytecode?.immutableReferences ?? {},
      ).flat(),
    }
  } catch (cause) {
    throw new ArtifactNotFoundError({
      contract,
      out,
      reason: 'unreadable',
      cause,
    })
  }
}

/** Contracts of the build whose name shares a prefix with the one asked for. */
function nearNames(out: string, name: string): string[] {
  const prefix = name.slice(0, 4).toLowerCase()
  return readdirSync(out)
    .filter((folder) => folder.endsWith('.sol') && !folder.endsWith('.t.sol'))
    .map((folder) => folder.slice(0, -'.sol'.length))
    .filter((candidate) => candidate.toLowerCase().startsWith(prefix))
    .sort()
    .slice(0, 10)
}
