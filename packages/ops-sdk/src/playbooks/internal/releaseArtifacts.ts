import { ArtifactNotFoundError } from '../../errors/upgrade.js'
import {
  type FoundryArtifact,
  readFoundryArtifact,
} from './readFoundryArtifact.js'
import { fail, isObject, type ReleaseReader } from './releaseValues.js'

/** @internal Every artifact the file names, with the path of its first mention. */
export function collectArtifacts(
  top: { contracts: readonly unknown[]; calls: readonly unknown[] | undefined },
  reader: ReleaseReader,
): Map<string, string> {
  const found = new Map<string, string>()
  const add = (artifact: unknown, path: string) => {
    if (typeof artifact !== 'string' || artifact === '')
      fail(
        reader,
        path,
        'expected the name of a contract of the Foundry build.',
      )
    if (!found.has(artifact)) found.set(artifact, path)
  }
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value))
      value.forEach((item, index) => {
        walk(item, `${path}[${index}]`)
      })
    else if (isObject(value)) {
      if (isObject(value.encode))
        add(value.encode.artifact, `${path}.encode.artifact`)
      for (const [key, item] of Object.entries(value))
        walk(item, `${path}.${key}`)
    }
  }
  top.contracts.forEach((raw, index) => {
    const path = `contracts[${index}]`
    if (!isObject(raw)) fail(reader, path, 'expected an object.')
    add(raw.artifact, `${path}.artifact`)
    if (isObject(raw.manifest) && raw.manifest.artifact !== undefined)
      add(raw.manifest.artifact, `${path}.manifest.artifact`)
    walk(raw.constructorArgs, `${path}.constructorArgs`)
  })
  ;(top.calls ?? []).forEach((raw, index) => {
    const path = `calls[${index}]`
    if (!isObject(raw)) fail(reader, path, 'expected an object.')
    add(raw.artifact, `${path}.artifact`)
    walk(raw.args, `${path}.args`)
  })
  return found
}

/** @internal */
export async function readArtifacts(
  wanted: ReadonlyMap<string, string>,
  project: string,
  reader: ReleaseReader,
): Promise<Map<string, FoundryArtifact>> {
  const read = await Promise.all(
    [...wanted].map(async ([artifact, path]) => {
      try {
        return [
          artifact,
          await readFoundryArtifact({ project, contract: artifact }),
        ] as const
      } catch (error) {
        // No build at all is not the file's fault: that error says how to build.
        if (
          error instanceof ArtifactNotFoundError &&
          !error.shortMessage.startsWith('There is no Foundry build')
        )
          fail(reader, path, error.shortMessage, error.hint)
        throw error
      }
    }),
  )
  return new Map(read)
}
