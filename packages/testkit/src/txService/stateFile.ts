import { readFileSync } from 'node:fs'
import { TxServiceStateInvalidError } from '../errors/txService.js'
import { isChecksummedAddress } from './fields.js'
import type { TxServiceState } from './storedTypes.js'

// The state file is read once at start and then trusted by every handler, so
// every entry is checked here, at any depth: one `null` in `transactions`
// would otherwise surface later as a 500 on each endpoint.

type Check = (value: unknown) => string | undefined

const show = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'string'
        ? JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}…` : value)
        : typeof value === 'object'
          ? 'an object'
          : String(value)

const check =
  (expected: string, accept: (value: unknown) => boolean): Check =>
  (value) =>
    accept(value) ? undefined : `expected ${expected}, got ${show(value)}`

const nullable =
  (inner: Check): Check =>
  (value) =>
    value === null ? undefined : inner(value)

const address = check('a checksummed address', isChecksummedAddress)
const hex = check(
  '0x-prefixed hex bytes',
  (value) => typeof value === 'string' && /^0x([0-9a-fA-F]{2})*$/.test(value),
)
const bytes32 = check(
  'a 32-byte 0x hash',
  (value) => typeof value === 'string' && /^0x[0-9a-fA-F]{64}$/.test(value),
)
// Lowercase: the store looks transactions up by the exact string.
const hash = check(
  'a lowercase 32-byte 0x hash',
  (value) => typeof value === 'string' && /^0x[0-9a-f]{64}$/.test(value),
)
const uint = check(
  'a decimal string below 2^256',
  (value) =>
    typeof value === 'string' &&
    /^(0|[1-9]\d{0,77})$/.test(value) &&
    BigInt(value) < 2n ** 256n,
)
const date = check(
  'an ISO-8601 date string',
  (value) =>
    typeof value === 'string' &&
    /^\d{4}-\d\d-\d\dT/.test(value) &&
    !Number.isNaN(Date.parse(value)),
)
const boolean = check('true or false', (value) => typeof value === 'boolean')
const string = check('a string', (value) => typeof value === 'string')
const operation = check('0 (CALL) or 1 (DELEGATECALL)', (value) =>
  [0, 1].includes(value as number),
)
const signatureType = check(
  'CONTRACT_SIGNATURE, APPROVED_HASH, EOA or ETH_SIGN',
  (value) =>
    ['CONTRACT_SIGNATURE', 'APPROVED_HASH', 'EOA', 'ETH_SIGN'].includes(
      value as string,
    ),
)
const anything: Check = () => undefined

type Shape = Record<string, Check | ((value: unknown, at: string) => string[])>

const confirmationShape: Shape = {
  owner: address,
  created: date,
  signature: hex,
  signatureType,
}

const executionShape: Shape = {
  transactionHash: bytes32,
  blockHash: bytes32,
  blockNumber: uint,
  executionDate: date,
  executor: address,
  success: boolean,
  payment: uint,
  ethGasPrice: nullable(uint),
  maxFeePerGas: nullable(uint),
  maxPriorityFeePerGas: nullable(uint),
  gasUsed: nullable(uint),
  signatures: nullable(hex),
}

const transactionShape: Shape = {
  safe: address,
  to: address,
  value: uint,
  data: nullable(hex),
  operation,
  safeTxGas: uint,
  baseGas: uint,
  gasPrice: uint,
  gasToken: nullable(address),
  refundReceiver: nullable(address),
  nonce: uint,
  safeTxHash: hash,
  proposer: address,
  proposedByDelegate: nullable(address),
  origin: anything,
  trusted: boolean,
  created: date,
  modified: date,
  confirmations: (value, at) => listOf(value, at, confirmationShape),
  execution: (value, at) =>
    value === null ? [] : objectOf(value, at, executionShape),
}

const delegateShape: Shape = {
  safe: nullable(address),
  delegate: address,
  delegator: address,
  label: string,
  expiryDate: nullable(date),
}

function objectOf(value: unknown, at: string, shape: Shape): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`${at}: expected an object, got ${show(value)}`]
  const record = value as Record<string, unknown>
  return Object.entries(shape).flatMap(([key, rule]) => {
    const path = `${at}.${key}`
    if (!(key in record) && rule !== anything) return [`${path}: missing`]
    const result = rule(record[key], path)
    if (Array.isArray(result)) return result
    return result ? [`${path}: ${result}`] : []
  })
}

function listOf(value: unknown, at: string, shape: Shape): string[] {
  if (!Array.isArray(value))
    return [`${at}: expected an array, got ${show(value)}`]
  return value.flatMap((item, index) =>
    objectOf(item, `${at}[${index}]`, shape),
  )
}

/** Safe tx hashes are the store's key: a second entry would shadow the first. */
function duplicateHashes(transactions: unknown[]): string[] {
  const seen = new Map<unknown, number>()
  return transactions.flatMap((tx, index) => {
    const key = (tx as { safeTxHash?: unknown } | null)?.safeTxHash
    if (typeof key !== 'string') return []
    const first = seen.get(key)
    if (first === undefined) {
      seen.set(key, index)
      return []
    }
    return [
      `transactions[${index}].safeTxHash: duplicates transactions[${first}]`,
    ]
  })
}

/**
 * @internal
 * Every problem in a parsed state file, as `<json path>: <what is wrong>`
 * (empty when the file is usable).
 */
export function findStateProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`$: expected an object, got ${show(value)}`]
  const state = value as Record<string, unknown>
  const problems = [
    ...(state.version === 1
      ? []
      : [`version: expected 1, got ${show(state.version)}`]),
    ...(Number.isSafeInteger(state.chainId) && (state.chainId as number) > 0
      ? []
      : [`chainId: expected a positive integer, got ${show(state.chainId)}`]),
    ...listOf(state.transactions, 'transactions', transactionShape),
    ...listOf(state.delegates, 'delegates', delegateShape),
  ]
  if (Array.isArray(state.transactions))
    problems.push(...duplicateHashes(state.transactions))
  return problems
}

/**
 * @internal
 * Reads and checks the whole state file.
 *
 * @throws {TxServiceStateInvalidError} when it is not JSON or any entry is
 * malformed.
 */
export function loadStateFile(path: string): TxServiceState {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (cause) {
    throw new TxServiceStateInvalidError({
      path,
      problems: [
        `$: ${cause instanceof Error ? cause.message : String(cause)}`,
      ],
      cause,
    })
  }
  const problems = findStateProblems(parsed)
  if (problems.length > 0)
    throw new TxServiceStateInvalidError({ path, problems })
  return parsed as TxServiceState
}
