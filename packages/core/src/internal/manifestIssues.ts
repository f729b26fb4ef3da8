import type { z } from 'zod'
import { contractKinds, manifestSchemaVersion } from '../manifestConstants.js'
import {
  asRecord,
  closest,
  formatPath,
  type IssueDraft,
  type PathSegment,
  valueAt,
} from './jsonPath.js'
import {
  contractKeyOrder,
  contractSchemas,
  deploymentSchema,
  manifestStructureSchema,
  networkSchema,
  patterns,
  rolesSchema,
  safeSchema,
  safesSchema,
  upgradeSchema,
} from './manifestStructure.js'

type ZodIssue = z.core.$ZodIssue

const knownKinds: readonly string[] = contractKinds

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`
  if (typeof value === 'object') return 'an object'
  return `${typeof value} ${String(value)}`
}

function kindOf(input: unknown, path: readonly PathSegment[]): string {
  const kind = valueAt(input, [...path, 'kind'])
  return typeof kind === 'string' ? kind : ''
}

/** The keys allowed in the object at `path`, when known. */
function allowedKeys(
  input: unknown,
  path: readonly PathSegment[],
): readonly string[] | undefined {
  const [first, second, third] = path
  if (path.length === 0) return Object.keys(manifestStructureSchema.shape)
  if (path.length === 1 && first === 'network')
    return Object.keys(networkSchema.shape)
  if (path.length === 1 && first === 'safes')
    return Object.keys(safesSchema.shape)
  if (path.length === 2 && first === 'safes')
    return Object.keys(safeSchema.shape)
  if (path.length === 1 && first === 'roles')
    return Object.keys(rolesSchema.shape)
  if (path.length === 2 && first === 'upgrades')
    return Object.keys(upgradeSchema.shape)
  if (path.length === 3 && first === 'contracts' && third === 'deployment')
    return Object.keys(deploymentSchema.shape)
  if (path.length === 2 && first === 'contracts' && second !== undefined) {
    const kind = kindOf(input, path)
    return knownKinds.includes(kind)
      ? Object.keys(contractSchemas[kind as keyof typeof contractSchemas].shape)
      : contractKeyOrder
  }
  return undefined
}

/** @internal Which keys an object at a path may have, for hints. */
export type AllowedKeys = (
  input: unknown,
  path: readonly PathSegment[],
) => readonly string[] | undefined

function unknownKeyHint(
  input: unknown,
  path: readonly PathSegment[],
  key: string,
  keysAt: AllowedKeys,
): string {
  const allowed = keysAt(input, path) ?? []
  if (keysAt === allowedKeys && path.length === 2 && path[0] === 'contracts') {
    const kinds = Object.entries(contractSchemas)
      .filter(([, schema]) => Object.hasOwn(schema.shape, key))
      .map(([kind]) => `"${kind}"`)
    if (kinds.length > 0)
      return `"${key}" only applies to kind ${kinds.join(' or ')}; this entry has kind "${kindOf(input, path)}". Remove it or change the kind.`
  }
  const suggestion = closest(key, allowed)
  if (allowed.length === 0) return 'Remove it.'
  return `${suggestion ? `Did you mean "${suggestion}"? ` : 'Remove it. '}Allowed keys here: ${allowed.join(', ')}.`
}

const missingFieldHints: Record<string, string> = {
  implementation:
    'Add the implementation contract’s address (a proxy’s EIP-1967 implementation slot; a beacon’s implementation()).',
  beacon:
    'Add the address of its UpgradeableBeacon, listed as a contract of kind "beacon".',
  proxyAdmin: 'Add the ProxyAdmin’s address (the proxy’s EIP-1967 admin slot).',
  schemaVersion: `Add "schemaVersion": ${manifestSchemaVersion}.`,
}

const patternHints = new Map<string, string>([
  [
    String(patterns.address),
    'Write the checksummed 20-byte address, e.g. 0x5FbDB2315678afecb367f032d93F642f64180aa3.',
  ],
  [
    String(patterns.hash),
    'Write the full 32-byte hash as returned by the RPC.',
  ],
  [String(patterns.hexData), 'Write the calldata as 0x-prefixed hex bytes.'],
  [
    String(patterns.decimal),
    'JSON numbers cannot hold a uint256: write the proposal id as a decimal string, e.g. "123".',
  ],
])

type IssueOf<code extends ZodIssue['code']> = Extract<ZodIssue, { code: code }>

/** A missing field, or a value of the wrong JSON type. */
function invalidType(
  issue: IssueOf<'invalid_type'>,
  input: unknown,
  keysAt: AllowedKeys,
): IssueDraft {
  const path = issue.path as PathSegment[]
  const last = path.at(-1)
  const value = valueAt(input, path)
  if (value === undefined && path.length > 0) {
    const field = String(last)
    const parentPath = path.slice(0, -1)
    const kind = kindOf(input, parentPath)
    const inContract = parentPath.length === 2 && parentPath[0] === 'contracts'
    return {
      code: 'missing_field',
      path,
      message:
        inContract && knownKinds.includes(kind)
          ? `Kind "${kind}" requires "${field}".`
          : `Missing required field "${field}".`,
      hint:
        (keysAt === allowedKeys ? missingFieldHints[field] : undefined) ??
        `Add "${field}" (${issue.expected}).`,
    }
  }
  return {
    code: 'invalid_type',
    path,
    message: `Expected ${issue.expected === 'int' ? 'an integer' : issue.expected}, got ${describeValue(value)}.`,
    hint:
      path.length === 0
        ? 'A manifest is a JSON object: { "$schema": "./manifest.schema.json", "schemaVersion": 1, "network": …, "safes": …, "contracts": … }.'
        : last === 'proposalId'
          ? patternHints.get(String(patterns.decimal))
          : undefined,
  }
}

/** A value outside an enum or literal (including `schemaVersion`). */
function invalidValue(
  issue: IssueOf<'invalid_value'>,
  input: unknown,
): IssueDraft {
  const path = issue.path as PathSegment[]
  const value = valueAt(input, path)
  if (path.length === 1 && path[0] === 'schemaVersion')
    return {
      code: 'unsupported_schema_version',
      path,
      message: `Unsupported schemaVersion ${JSON.stringify(value)}; this version of @storydao/core reads schemaVersion ${manifestSchemaVersion}.`,
      hint:
        typeof value === 'number' && value > manifestSchemaVersion
          ? 'The manifest is newer than this package: upgrade @storydao/core.'
          : `Set "schemaVersion": ${manifestSchemaVersion}.`,
    }
  const expected = issue.values.map((item) => JSON.stringify(item))
  const suggestion =
    typeof value === 'string'
      ? closest(
          value,
          issue.values.map((item) => String(item)),
        )
      : undefined
  return {
    code: 'invalid_value',
    path,
    message: `Invalid value ${JSON.stringify(value)}; expected ${expected.length === 1 ? expected[0] : `one of ${expected.join(', ')}`}.`,
    hint: suggestion ? `Did you mean "${suggestion}"?` : undefined,
  }
}

/** A contract entry whose `kind` matches no schema. */
function invalidUnion(
  issue: IssueOf<'invalid_union'>,
  input: unknown,
): IssueDraft {
  const path = issue.path as PathSegment[]
  if (!('discriminator' in issue) || issue.discriminator !== 'kind')
    return { code: 'invalid_value', path, message: issue.message }
  const kind = valueAt(input, path)
  const suggestion =
    typeof kind === 'string' ? closest(kind, knownKinds) : undefined
  return {
    code: kind === undefined ? 'missing_field' : 'unknown_kind',
    path,
    message:
      kind === undefined
        ? 'Missing required field "kind".'
        : `Unknown kind ${JSON.stringify(kind)}.`,
    hint: `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Use one of: ${knownKinds.join(', ')}.`,
  }
}

function invalidFormat(
  issue: IssueOf<'invalid_format'>,
  input: unknown,
): IssueDraft {
  const path = issue.path as PathSegment[]
  return {
    code: 'invalid_format',
    path,
    message: `${issue.message} Got ${describeValue(valueAt(input, path))}.`,
    hint:
      issue.format === 'datetime'
        ? 'Use new Date().toISOString(), e.g. 2026-11-26T10:00:00.000Z.'
        : issue.format === 'regex' && issue.pattern
          ? patternHints.get(issue.pattern)
          : undefined,
  }
}

/** Refinements carry their own code and hint in `params`. */
function customIssue(issue: IssueOf<'custom'>): IssueDraft {
  const params = asRecord(issue.params) ?? {}
  return {
    code: typeof params.code === 'string' ? params.code : 'invalid_value',
    path: issue.path as PathSegment[],
    message: issue.message,
    hint: typeof params.hint === 'string' ? params.hint : undefined,
  }
}

function fromZodIssue(
  issue: ZodIssue,
  input: unknown,
  keysAt: AllowedKeys,
): IssueDraft[] {
  const path = issue.path as PathSegment[]
  switch (issue.code) {
    case 'invalid_type':
      return [invalidType(issue, input, keysAt)]
    case 'invalid_value':
      return [invalidValue(issue, input)]
    case 'invalid_union':
      return [invalidUnion(issue, input)]
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        code: 'unknown_key',
        path: [...path, key],
        message: `Unknown key "${key}".`,
        hint: unknownKeyHint(input, path, key, keysAt),
      }))
    case 'invalid_key':
      return [
        {
          code: 'invalid_name',
          path,
          message: `${issue.issues[0]?.message ?? issue.message} Got ${JSON.stringify(path.at(-1))}.`,
          hint: 'Rename the entry, e.g. "AuthorCoin" or "Treasury-v2".',
        },
      ]
    case 'invalid_format':
      return [invalidFormat(issue, input)]
    case 'custom':
      return [customIssue(issue)]
    default:
      return [{ code: issue.code, path, message: issue.message }]
  }
}

/** @internal Turns zod issues into manifest issues with readable hints. */
export function fromZodIssues(
  issues: readonly ZodIssue[],
  input: unknown,
  keysAt: AllowedKeys = allowedKeys,
): IssueDraft[] {
  return issues.flatMap((issue) => fromZodIssue(issue, input, keysAt))
}

const sectionOrder: readonly PathSegment[] = Object.keys(
  manifestStructureSchema.shape,
)

/** Position of each key of an object section, computed once per section. */
type KeyPositions = Map<PathSegment, ReadonlyMap<string, number>>

function keyPosition(
  positions: KeyPositions,
  input: unknown,
  section: PathSegment,
  key: string,
): number {
  let keys = positions.get(section)
  if (!keys) {
    const container = asRecord(valueAt(input, [section]))
    keys = new Map(Object.keys(container ?? {}).map((name, at) => [name, at]))
    positions.set(section, keys)
  }
  return keys.get(key) ?? -1
}

/** Document order: section, then entry (by key position or array index). */
function documentOrder(
  draft: IssueDraft,
  input: unknown,
  positions: KeyPositions,
): [number, number] {
  const [section, entry] = draft.path
  const sectionIndex = sectionOrder.indexOf(section ?? '')
  let entryIndex = -1
  if (typeof entry === 'number') entryIndex = entry
  else if (entry !== undefined)
    entryIndex = keyPosition(positions, input, section ?? '', entry)
  return [
    sectionIndex === -1 ? sectionOrder.length : sectionIndex,
    entryIndex === -1 ? Number.MAX_SAFE_INTEGER : entryIndex,
  ]
}

/**
 * @internal Formats drafts into public issues in document order (section,
 * then entry; stable within an entry), dropping exact duplicates. One sort
 * over precomputed positions: O(n log n) in the number of issues.
 */
export function finalizeIssues(
  drafts: readonly IssueDraft[],
  input?: unknown,
): { code: string; path: string; message: string; hint?: string }[] {
  const seen = new Set<string>()
  const out: { code: string; path: string; message: string; hint?: string }[] =
    []
  const positions: KeyPositions = new Map()
  const keyed = drafts.map((draft) => ({
    draft,
    order: documentOrder(draft, input, positions),
  }))
  keyed.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1])
  const sorted = keyed.map(({ draft }) => draft)
  for (const draft of sorted) {
    const path = formatPath(draft.path)
    const key = `${path}\u0000${draft.message}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({
      code: draft.code,
      path,
      message: draft.message,
      ...(draft.hint ? { hint: draft.hint } : {}),
    })
  }
  return out
}
