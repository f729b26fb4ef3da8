import type { MissingParameterErrorType } from '@storydao/core'
import type { Address, Hex } from 'viem'
import type { EmergencyLanesInvalidErrorType } from '../../errors/emergency.js'
import { assertParametersLazily } from '../internal/assertParametersLazily.js'
import type {
  EmergencyLane,
  EmergencyLanesFile,
  EmergencyLanesIssue,
} from './emergencyLanes.js'

export type ParseEmergencyLanesParameters = {
  /** The file's text. */
  text: string
  /** Where it was read from (for messages). */
  path: string
}

export type ParseEmergencyLanesReturnType = EmergencyLanesFile

export type ParseEmergencyLanesErrorType =
  | EmergencyLanesInvalidErrorType
  | MissingParameterErrorType

/**
 * Validates an emergency lanes file strictly (unknown keys, wrong types and
 * malformed hex are errors, each reported with its JSON path) and returns it
 * typed, bigints restored. It does not check hashes or signatures: that is
 * {@link verifyEmergencyLane}'s job, done just before firing.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/incident-response.md#break-glass-lanes
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises'
 * import { parseEmergencyLanes } from '@storydao/ops-sdk'
 *
 * const path = 'safe-transactions/mainnet/emergency-lanes.json'
 * const file = await parseEmergencyLanes({ text: await readFile(path, 'utf8'), path })
 * ```
 */
export async function parseEmergencyLanes(
  parameters: ParseEmergencyLanesParameters,
): Promise<ParseEmergencyLanesReturnType> {
  await assertParametersLazily('parseEmergencyLanes', parameters, [
    'text',
    'path',
  ])
  const issues: EmergencyLanesIssue[] = []
  const { text, path } = parameters
  let value: unknown
  try {
    value = typeof text === 'string' ? JSON.parse(text) : undefined
  } catch (cause) {
    issues.push({
      path: '$',
      message: `not JSON (${(cause as Error).message})`,
    })
  }
  const file =
    issues.length === 0 ? readFile(createReader(issues), value) : undefined
  if (file && issues.length === 0) return file
  // Loaded only on failure: `emergency fire` reads lanes on its fast path.
  const { EmergencyLanesInvalidError } = await import(
    '../../errors/emergency.js'
  )
  throw new EmergencyLanesInvalidError({ path: String(path), issues })
}

const address = /^0x[0-9a-fA-F]{40}$/
const hash = /^0x[0-9a-fA-F]{64}$/
const bytes = /^0x(?:[0-9a-fA-F]{2})*$/
const decimal = /^(?:0|[1-9][0-9]{0,77})$/

/** Readers that collect issues instead of throwing at the first, so one run names them all. */
type Reader = ReturnType<typeof createReader>

function createReader(issues: EmergencyLanesIssue[]) {
  const fail = (path: string, message: string): undefined => {
    issues.push({ path, message })
    return undefined
  }
  const match = <type extends string>(
    value: unknown,
    path: string,
    pattern: RegExp,
    expected: string,
  ): type => {
    if (typeof value === 'string' && pattern.test(value)) return value as type
    fail(path, `expected ${expected}`)
    return '0x' as type
  }
  return {
    fail,
    object(
      value: unknown,
      path: string,
      keys: readonly string[],
    ): Record<string, unknown> | undefined {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return fail(path, 'expected an object')
      const record = value as Record<string, unknown>
      for (const key of Object.keys(record))
        if (!keys.includes(key)) fail(`${path}.${key}`, 'unknown key')
      for (const key of keys)
        if (!(key in record)) fail(`${path}.${key}`, 'missing')
      return record
    },
    array(value: unknown, path: string): unknown[] {
      if (Array.isArray(value)) return value
      fail(path, 'expected an array')
      return []
    },
    string(value: unknown, path: string): string {
      if (typeof value === 'string' && value.length > 0) return value
      fail(path, 'expected a non-empty string')
      return ''
    },
    address: (value: unknown, path: string): Address =>
      match(value, path, address, 'an address (0x + 40 hex digits)'),
    hash: (value: unknown, path: string): Hex =>
      match(value, path, hash, 'a 32-byte hash (0x + 64 hex digits)'),
    bytes: (value: unknown, path: string): Hex =>
      match(
        value,
        path,
        bytes,
        'hex bytes (0x + an even number of hex digits)',
      ),
    bigint(value: unknown, path: string): bigint {
      if (typeof value === 'string' && decimal.test(value)) return BigInt(value)
      fail(path, 'expected a decimal string')
      return 0n
    },
    integer(value: unknown, path: string, minimum: number): number {
      if (Number.isSafeInteger(value) && (value as number) >= minimum)
        return value as number
      fail(path, `expected an integer ≥ ${minimum}`)
      return minimum
    },
    boolean(value: unknown, path: string): boolean {
      if (typeof value === 'boolean') return value
      fail(path, 'expected true or false')
      return false
    },
  }
}

const fileKeys = [
  'kind',
  'version',
  'network',
  'chainId',
  'safe',
  'safeVersion',
  'owners',
  'threshold',
  'pausable',
  'preparedAt',
  'lanes',
] as const

function readFile(
  read: Reader,
  value: unknown,
): EmergencyLanesFile | undefined {
  const record = read.object(value, '$', fileKeys)
  if (!record) return undefined
  if (record.kind !== 'storydao-emergency-lanes')
    read.fail('$.kind', 'expected "storydao-emergency-lanes"')
  if (record.version !== 1) read.fail('$.version', 'expected 1')
  const safeVersion = read.string(record.safeVersion, '$.safeVersion')
  if (safeVersion && !/^1\.(?:[3-9]|\d{2,})\.\d+/.test(safeVersion))
    read.fail(
      '$.safeVersion',
      'lanes need a Safe ≥ 1.3.0 (chain id in the EIP-712 domain)',
    )
  const preparedAt = read.string(record.preparedAt, '$.preparedAt')
  if (preparedAt && Number.isNaN(Date.parse(preparedAt)))
    read.fail('$.preparedAt', 'expected an ISO 8601 date')
  const owners = read
    .array(record.owners, '$.owners')
    .map((owner, index) => read.address(owner, `$.owners[${index}]`))
  const threshold = read.integer(record.threshold, '$.threshold', 1)
  if (owners.length > 0 && threshold > owners.length)
    read.fail(
      '$.threshold',
      `is ${threshold}, above the ${owners.length} owners`,
    )
  return {
    kind: 'storydao-emergency-lanes',
    version: 1,
    network: read.string(record.network, '$.network'),
    chainId: read.integer(record.chainId, '$.chainId', 1),
    safe: read.address(record.safe, '$.safe'),
    safeVersion,
    owners,
    threshold,
    pausable: read
      .array(record.pausable, '$.pausable')
      .map((name, index) => read.string(name, `$.pausable[${index}]`)),
    preparedAt,
    lanes: read
      .array(record.lanes, '$.lanes')
      .map((lane, index) => readLane(read, lane, `$.lanes[${index}]`)),
  }
}

const laneKeys = [
  'id',
  'target',
  'targets',
  'nonce',
  'safeTx',
  'safeTxHash',
  'domainHash',
  'messageHash',
  'gasLimit',
  'signers',
  'signatures',
  'rehearsal',
] as const

function readLane(read: Reader, value: unknown, path: string): EmergencyLane {
  const record = read.object(value, path, laneKeys) ?? {}
  const lane: EmergencyLane = {
    id: read.string(record.id, `${path}.id`),
    target: read.string(record.target, `${path}.target`),
    targets: read.array(record.targets, `${path}.targets`).map((entry, i) => {
      const target =
        read.object(entry, `${path}.targets[${i}]`, ['name', 'address']) ?? {}
      return {
        name: read.string(target.name, `${path}.targets[${i}].name`),
        address: read.address(target.address, `${path}.targets[${i}].address`),
      }
    }),
    nonce: read.bigint(record.nonce, `${path}.nonce`),
    safeTx: readSafeTx(read, record.safeTx, `${path}.safeTx`),
    safeTxHash: read.hash(record.safeTxHash, `${path}.safeTxHash`),
    domainHash: read.hash(record.domainHash, `${path}.domainHash`),
    messageHash: read.hash(record.messageHash, `${path}.messageHash`),
    gasLimit: read.bigint(record.gasLimit, `${path}.gasLimit`),
    signers: read
      .array(record.signers, `${path}.signers`)
      .map((signer, i) => read.address(signer, `${path}.signers[${i}]`)),
    signatures: read.bytes(record.signatures, `${path}.signatures`),
    rehearsal: readRehearsal(read, record.rehearsal, `${path}.rehearsal`),
  }
  if (lane.safeTx.nonce !== lane.nonce)
    read.fail(
      `${path}.safeTx.nonce`,
      `is ${lane.safeTx.nonce}, the lane's nonce is ${lane.nonce}`,
    )
  if (lane.id && lane.id !== `${lane.target}@${lane.nonce}`)
    read.fail(`${path}.id`, `expected "${lane.target}@${lane.nonce}"`)
  if ((lane.signatures.length - 2) / 2 !== lane.signers.length * 65)
    read.fail(
      `${path}.signatures`,
      `expected 65 bytes per signer (${lane.signers.length} signers)`,
    )
  return lane
}

const safeTxKeys = [
  'to',
  'value',
  'data',
  'operation',
  'safeTxGas',
  'baseGas',
  'gasPrice',
  'gasToken',
  'refundReceiver',
  'nonce',
] as const

function readSafeTx(
  read: Reader,
  value: unknown,
  path: string,
): EmergencyLane['safeTx'] {
  const record = read.object(value, path, safeTxKeys) ?? {}
  if (record.operation !== 0 && record.operation !== 1)
    read.fail(`${path}.operation`, 'expected 0 (CALL) or 1 (DELEGATECALL)')
  return {
    to: read.address(record.to, `${path}.to`),
    value: read.bigint(record.value, `${path}.value`),
    data: read.bytes(record.data, `${path}.data`),
    operation: record.operation === 1 ? 1 : 0,
    safeTxGas: read.bigint(record.safeTxGas, `${path}.safeTxGas`),
    baseGas: read.bigint(record.baseGas, `${path}.baseGas`),
    gasPrice: read.bigint(record.gasPrice, `${path}.gasPrice`),
    gasToken: read.address(record.gasToken, `${path}.gasToken`),
    refundReceiver: read.address(
      record.refundReceiver,
      `${path}.refundReceiver`,
    ),
    nonce: read.bigint(record.nonce, `${path}.nonce`),
  }
}

function readRehearsal(
  read: Reader,
  value: unknown,
  path: string,
): EmergencyLane['rehearsal'] {
  const record =
    read.object(value, path, [
      'ok',
      'forkBlock',
      'gasUsed',
      'invariants',
      'failed',
    ]) ?? {}
  return {
    ok: read.boolean(record.ok, `${path}.ok`),
    forkBlock: read.bigint(record.forkBlock, `${path}.forkBlock`),
    gasUsed: read.bigint(record.gasUsed, `${path}.gasUsed`),
    invariants: read.integer(record.invariants, `${path}.invariants`, 0),
    failed: read
      .array(record.failed, `${path}.failed`)
      .map((line, i) => read.string(line, `${path}.failed[${i}]`)),
  }
}
