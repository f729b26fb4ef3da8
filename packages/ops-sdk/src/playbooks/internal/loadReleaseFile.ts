import { readFile } from 'node:fs/promises'
import { relative } from 'node:path'
import type { ManifestRoles } from '@storydao/core'
import type {
  ReleaseCall,
  ReleaseContract,
  ReleaseValue,
} from '@storydao/governance'
import {
  type Abi,
  type AbiParameter,
  getAddress,
  type Hex,
  isAddress,
  keccak256,
  toHex,
} from 'viem'
import {
  ReleaseFileInvalidError,
  ReleaseFileNotFoundError,
} from '../../errors/deployment.js'
import { ArtifactNotFoundError } from '../../errors/upgrade.js'
import type {
  ReleaseFile,
  ReleaseFileEntry,
  ReleaseManifestEntry,
  ReleaseManifestKind,
} from '../../types/releaseFile.js'
import {
  type FoundryArtifact,
  readFoundryArtifact,
} from './readFoundryArtifact.js'
import {
  fail,
  isObject,
  type ReleaseReader,
  toFunctionCall,
  toReleaseValue,
} from './releaseValues.js'

const manifestKinds: readonly ReleaseManifestKind[] = [
  'uups-proxy',
  'beacon',
  'beacon-proxy',
  'timelock',
  'governor',
  'plain',
]
const roleNames = ['timelock', 'governor', 'token', 'treasury'] as const
const contractName = /^[A-Za-z][A-Za-z0-9_-]*$/
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

function assertKeys(
  value: Json,
  path: string,
  allowed: readonly string[],
  reader: ReleaseReader,
): void {
  for (const key of Object.keys(value))
    if (!allowed.includes(key))
      fail(
        reader,
        path ? `${path}.${key}` : key,
        `unknown field "${key}".`,
        `Allowed here: ${allowed.join(', ')}.`,
      )
}

/** Every artifact the file names, with the path of its first mention. */
function collectArtifacts(
  top: Top,
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

async function readArtifacts(
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

function toManifestEntry(
  raw: unknown,
  artifact: string,
  path: string,
  reader: ReleaseReader,
): ReleaseManifestEntry | undefined {
  if (raw === undefined) return undefined
  if (!isObject(raw)) fail(reader, path, 'expected an object.')
  assertKeys(
    raw,
    path,
    ['kind', 'artifact', 'implementation', 'beacon'],
    reader,
  )
  const kind = raw.kind as ReleaseManifestKind
  if (!manifestKinds.includes(kind))
    fail(reader, `${path}.kind`, `expected one of ${manifestKinds.join(', ')}.`)
  const needs = {
    implementation: kind === 'uups-proxy' || kind === 'beacon',
    beacon: kind === 'beacon-proxy',
  }
  const ref = (key: 'implementation' | 'beacon') => {
    const value = raw[key]
    if (!needs[key]) {
      if (value !== undefined)
        fail(reader, `${path}.${key}`, `a ${kind} has no ${key}.`)
      return undefined
    }
    if (!isObject(value) || typeof value.ref !== 'string')
      fail(
        reader,
        `${path}.${key}`,
        `a ${kind} needs its ${key} as { "ref": "<release entry or manifest contract>" }.`,
      )
    return value.ref
  }
  const proxy = kind === 'uups-proxy' || kind === 'beacon-proxy'
  if (proxy && raw.artifact === undefined)
    fail(
      reader,
      `${path}.artifact`,
      `a ${kind} needs the artifact whose ABI it speaks (its implementation's).`,
    )
  const implementation = ref('implementation')
  const beacon = ref('beacon')
  return {
    kind,
    artifact: (raw.artifact as string | undefined) ?? artifact,
    ...(implementation ? { implementation } : {}),
    ...(beacon ? { beacon } : {}),
  }
}

function toCall(
  raw: unknown,
  path: string,
  reader: ReleaseReader,
): ReleaseCall {
  const call = raw as Json
  assertKeys(
    call,
    path,
    ['to', 'artifact', 'functionName', 'args', 'value', 'label'],
    reader,
  )
  let to: ReleaseCall['to']
  if (isObject(call.to) && typeof call.to.ref === 'string')
    to = { ref: call.to.ref }
  else if (typeof call.to === 'string' && isAddress(call.to, { strict: false }))
    to = getAddress(call.to)
  else fail(reader, `${path}.to`, 'expected an address or { "ref": "<name>" }.')
  if (
    call.value !== undefined &&
    (typeof call.value !== 'string' || !/^(?:0|[1-9][0-9]*)$/.test(call.value))
  )
    fail(reader, `${path}.value`, 'expected wei as a decimal string.')
  if (call.label !== undefined && typeof call.label !== 'string')
    fail(reader, `${path}.label`, 'expected a string.')
  const { abi, fn, args } = toFunctionCall(call, path, reader)
  return {
    to,
    abi,
    functionName: fn.name,
    args,
    ...(call.value === undefined
      ? {}
      : { value: BigInt(call.value as string) }),
    ...(call.label === undefined ? {} : { label: call.label as string }),
  }
}

function toRoles(
  raw: unknown,
  entries: readonly { entry: ReleaseFileEntry }[],
  reader: ReleaseReader,
): Partial<ManifestRoles> {
  if (raw === undefined) return {}
  if (!isObject(raw)) fail(reader, 'roles', 'expected an object.')
  assertKeys(raw, 'roles', roleNames, reader)
  const roles: Partial<ManifestRoles> = {}
  for (const role of roleNames) {
    const name = raw[role]
    if (name === undefined) continue
    if (typeof name !== 'string' || !contractName.test(name))
      fail(reader, `roles.${role}`, 'expected a contract name.')
    const entry = entries.find(({ entry }) => entry.name === name)?.entry
    if (entry && !entry.manifest)
      fail(
        reader,
        `roles.${role}`,
        `"${name}" has no "manifest" section, so it is never recorded.`,
      )
    roles[role] = name
  }
  return roles
}

/** An entry the manifest never records must be needed by one it does. */
function assertHelpersUsed(
  entries: readonly { entry: ReleaseFileEntry }[],
  reader: ReleaseReader,
): void {
  entries.forEach(({ entry }, index) => {
    if (entry.manifest) return
    const used = entries.some(({ entry: other }) =>
      other.references.includes(entry.name),
    )
    if (!used)
      fail(
        reader,
        `contracts[${index}]`,
        `"${entry.name}" has no "manifest" section and no other entry references it, so record would never know it.`,
        'Give it a "manifest" section (kind and artifact), or reference it (a proxy\'s implementation).',
      )
  })
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
