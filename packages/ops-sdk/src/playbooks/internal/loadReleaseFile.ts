import { readFile } from 'node:fs/promises'
import { relative } from 'node:path'
import type { ReleaseContract, ReleaseValue } from '@storydao/governance'
import { type Abi, type AbiParameter, type Hex, keccak256, toHex } from 'viem'
import {
  ReleaseFileInvalidError,
  ReleaseFileNotFoundError,
} from '../../errors/deployment.js'
import type { ReleaseFile, ReleaseFileEntry } from '../../types/releaseFile.js'
import type { FoundryArtifact } from './readFoundryArtifact.js'
import { collectArtifacts, readArtifacts } from './releaseArtifacts.js'
import {
  assertHelpersUsed,
  assertKeys,
  contractName,
  toCall,
  toManifestEntry,
  toRoles,
} from './releaseSections.js'
import {
  fail,
  isObject,
  type ReleaseReader,
  toReleaseValue,
} from './releaseValues.js'

const releaseName = /^[a-z0-9][a-z0-9._-]*$/
const bytes32 = /^0x[0-9a-fA-F]{64}$/

type Json = Record<string, unknown>

/**
 * @internal Reads a release file (docs/operations/deployment.md#release-file)
 * and checks it against the Foundry build: every artifact exists, every
 * argument fits its ABI type (big integers as decimal strings), every
 * manifest reference and role names something. `root` only shortens the
 * file name shown in errors.
 */
export async function loadReleaseFile({
  path,
  root,
  project,
}: {
  path: string
  root: string
  project: string
}): Promise<ReleaseFile> {
  const file = relative(root, path) || path
  const json = await readJson(path, file)
  const reader: ReleaseReader = {
    file,
    abiOf: () => [],
  }
  const top = checkTop(json, reader)
  const artifacts = await readArtifacts(
    collectArtifacts(top, reader),
    project,
    reader,
  )
  reader.abiOf = (artifact, at) => {
    const found = artifacts.get(artifact)
    if (!found) fail(reader, at, `artifact "${artifact}" was not read.`)
    return found.abi
  }
  const defaultSalt =
    top.salt === undefined ? undefined : toSalt(top.salt, 'salt', reader)
  const entries = top.contracts.map((raw, index) =>
    toEntry(raw as Json, index, { reader, artifacts, defaultSalt }),
  )
  const names = new Set<string>()
  entries.forEach(({ entry }, index) => {
    if (names.has(entry.name))
      fail(reader, `contracts[${index}].name`, `"${entry.name}" is used twice.`)
    names.add(entry.name)
  })
  const calls = (top.calls ?? []).map((raw, index) =>
    toCall(raw, `calls[${index}]`, reader),
  )
  const roles = toRoles(top.roles, entries, reader)
  assertHelpersUsed(entries, reader)
  return {
    name: top.name,
    description: top.description,
    path,
    release: { contracts: entries.map(({ contract }) => contract), calls },
    entries: entries.map(({ entry }) => entry),
    roles,
  }
}

async function readJson(path: string, file: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (cause) {
    throw new ReleaseFileNotFoundError({ path: file, cause })
  }
  try {
    return JSON.parse(text)
  } catch (cause) {
    throw new ReleaseFileInvalidError({
      file,
      path: '',
      problem: `not valid JSON (${(cause as Error).message}).`,
      cause,
    })
  }
}

type Top = {
  name: string
  description: string | undefined
  salt: unknown
  contracts: unknown[]
  calls: unknown[] | undefined
  roles: unknown
}

function checkTop(json: unknown, reader: ReleaseReader): Top {
  if (!isObject(json)) fail(reader, '', 'expected a JSON object.')
  assertKeys(
    json,
    '',
    ['$comment', 'name', 'description', 'salt', 'contracts', 'calls', 'roles'],
    reader,
  )
  if (typeof json.name !== 'string' || !releaseName.test(json.name))
    fail(
      reader,
      'name',
      'expected a release name: lowercase letters, digits, ".", "_" or "-" (it names the change record).',
    )
  if (json.description !== undefined && typeof json.description !== 'string')
    fail(reader, 'description', 'expected a string.')
  if (!Array.isArray(json.contracts) || json.contracts.length === 0)
    fail(
      reader,
      'contracts',
      'expected a non-empty array of contracts to deploy.',
    )
  if (json.calls !== undefined && !Array.isArray(json.calls))
    fail(reader, 'calls', 'expected an array of calls.')
  return {
    name: json.name,
    description: json.description as string | undefined,
    salt: json.salt,
    contracts: json.contracts,
    calls: json.calls as unknown[] | undefined,
    roles: json.roles,
  }
}

function toSalt(value: unknown, path: string, reader: ReleaseReader): Hex {
  if (typeof value === 'string' && bytes32.test(value)) return value as Hex
  if (isObject(value) && typeof value.keccak256 === 'string')
    return keccak256(toHex(value.keccak256))
  return fail(
    reader,
    path,
    'expected a bytes32 salt ("0x" and 64 hex digits) or { "keccak256": "<text>" }.',
  )
}

function toEntry(
  raw: Json,
  index: number,
  {
    reader,
    artifacts,
    defaultSalt,
  }: {
    reader: ReleaseReader
    artifacts: ReadonlyMap<string, FoundryArtifact>
    defaultSalt: Hex | undefined
  },
): { entry: ReleaseFileEntry; contract: ReleaseContract } {
  const path = `contracts[${index}]`
  assertKeys(
    raw,
    path,
    ['name', 'artifact', 'salt', 'constructorArgs', 'manifest'],
    reader,
  )
  if (typeof raw.name !== 'string' || !contractName.test(raw.name))
    fail(
      reader,
      `${path}.name`,
      'expected a contract name: a letter, then letters, digits, "_" or "-".',
    )
  const artifact = artifacts.get(raw.artifact as string)!
  const salt =
    raw.salt === undefined
      ? (defaultSalt ??
        fail(
          reader,
          `${path}.salt`,
          'missing: give the entry a salt, or the file a top-level "salt".',
        ))
      : toSalt(raw.salt, `${path}.salt`, reader)
  const constructorArgs = toConstructorArgs(
    raw.constructorArgs,
    artifact.abi,
    `${path}.constructorArgs`,
    reader,
  )
  const manifest = toManifestEntry(
    raw.manifest,
    raw.artifact as string,
    `${path}.manifest`,
    reader,
  )
  const references = [
    ...referencesIn(constructorArgs),
    ...(manifest?.implementation ? [manifest.implementation] : []),
    ...(manifest?.beacon ? [manifest.beacon] : []),
  ]
  return {
    entry: {
      name: raw.name,
      artifactId: artifact.id,
      bytecode: artifact.bytecode,
      manifest,
      references: [...new Set(references)],
    },
    contract: {
      name: raw.name,
      artifact: raw.artifact as string,
      bytecode: artifact.bytecode,
      abi: artifact.abi,
      constructorArgs,
      salt,
    },
  }
}

function toConstructorArgs(
  raw: unknown,
  abi: Abi,
  path: string,
  reader: ReleaseReader,
): ReleaseValue[] {
  const inputs: readonly AbiParameter[] =
    abi.find((item) => item.type === 'constructor')?.inputs ?? []
  const args = raw ?? []
  if (!Array.isArray(args)) fail(reader, path, 'expected an array.')
  if (args.length !== inputs.length)
    fail(
      reader,
      path,
      `the constructor takes ${inputs.length} arguments (${inputs.map((input) => `${input.type} ${input.name ?? ''}`.trim()).join(', ')}), got ${args.length}.`,
    )
  return inputs.map((input, index) =>
    toReleaseValue(args[index], input, `${path}[${index}]`, reader),
  )
}

/** Names in `{ ref }` objects anywhere in constructor arguments. */
function referencesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencesIn)
  if (!isObject(value)) return []
  if (typeof value.ref === 'string' && Object.keys(value).length === 1)
    return [value.ref]
  if (isObject(value.encode)) return referencesIn(value.encode.args ?? [])
  return Object.values(value).flatMap(referencesIn)
}
