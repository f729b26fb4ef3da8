import type { ManifestRoles } from '@storydao/core'
import type { ReleaseCall } from '@storydao/governance'
import { getAddress, isAddress } from 'viem'
import type {
  ReleaseFileEntry,
  ReleaseManifestEntry,
  ReleaseManifestKind,
} from '../../types/releaseFile.js'
import {
  fail,
  isObject,
  type ReleaseReader,
  toFunctionCall,
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

/** @internal A contract name, as the manifest allows it. */
export const contractName = /^[A-Za-z][A-Za-z0-9_-]*$/

type Json = Record<string, unknown>

/** @internal */
export function assertKeys(
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

/** @internal */
export function toManifestEntry(
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

/** @internal */
export function toCall(
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

/** @internal */
export function toRoles(
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

/** @internal An entry the manifest never records must be needed by one it does. */
export function assertHelpersUsed(
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
