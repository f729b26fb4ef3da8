import {
  assertParameters,
  type Call,
  type InvalidAddressErrorType,
  isHexEqual,
  type MissingParameterErrorType,
  toChecksummedAddress,
} from '@storydao/core'
import { type Address, type Hex, isAddressEqual, maxUint256 } from 'viem'
import { computeTransactionBuilderChecksum } from './computeTransactionBuilderChecksum.js'
import {
  TransactionBuilderChainMismatchError,
  type TransactionBuilderChainMismatchErrorType,
  TransactionBuilderChecksumError,
  type TransactionBuilderChecksumErrorType,
  type TransactionBuilderIssue,
  TransactionBuilderParseError,
  type TransactionBuilderParseErrorType,
  TransactionBuilderSafeMismatchError,
  type TransactionBuilderSafeMismatchErrorType,
} from './errors/transactionBuilder.js'
import { version } from './errors/version.js'
import { abiTypeProblem } from './internal/abiType.js'
import { findJsonAmbiguity, maxJsonDepth } from './internal/parseStrictJson.js'
import {
  encodeContractInputs,
  toAbiFunction,
} from './internal/txBuilderInputs.js'
import type {
  TransactionBuilderBatch,
  TransactionBuilderContractMethod,
} from './types/transactionBuilder.js'

export type ParseTransactionBuilderBatchParameters = {
  /** The file's text, or the already-parsed object. */
  json: string | unknown
  /** Expected chain; a file for another chain is rejected. */
  chainId?: number | undefined
  /** Expected Safe (`meta.createdFromSafeAddress`); a file for another Safe is rejected. */
  safe?: Address | undefined
}

export type ParseTransactionBuilderBatchReturnType = {
  /** The file's content (checked). */
  batch: TransactionBuilderBatch
  /** `batch.chainId` as a number. */
  chainId: number
  /** `meta.createdFromSafeAddress`, checksummed, when present. */
  safe: Address | undefined
  /** The calls the Transaction Builder will send, in order. */
  calls: Call[]
}

export type ParseTransactionBuilderBatchErrorType =
  | InvalidAddressErrorType
  | MissingParameterErrorType
  | TransactionBuilderChainMismatchErrorType
  | TransactionBuilderChecksumErrorType
  | TransactionBuilderParseErrorType
  | TransactionBuilderSafeMismatchErrorType

type Issue = (path: string, message: string) => void

type CheckedTransaction = {
  to: Address
  value: bigint
  data: Hex | undefined
  method: TransactionBuilderContractMethod | undefined
  values: Record<string, string> | null
}

/**
 * Reads a Safe{Wallet} Transaction Builder batch file and returns the calls it
 * will make, refusing anything a signer should not trust: JSON that two
 * parsers could read differently (duplicate keys at any depth, unpaired
 * surrogates, integers beyond 2^53, nesting beyond 64 levels), malformed
 * content (every issue with its JSON path; numbers where the app wants
 * strings; ABI types that do not exist), a missing or wrong `meta.checksum`
 * (the file was edited), another chain or Safe than expected, and a decoded
 * view (`contractMethod` + `contractInputsValues`) that does not encode to
 * the `data` that will actually be sent.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#parsetransactionbuilderbatch
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises'
 * import { parseTransactionBuilderBatch } from '@storydao/safe'
 *
 * const { calls } = parseTransactionBuilderBatch({
 *   json: await readFile('batch.json', 'utf8'),
 *   chainId: 1,
 *   safe: manifest.safes.ops.address,
 * })
 * ```
 *
 * @param parameters - {@link ParseTransactionBuilderBatchParameters}
 * @returns The batch and its calls.
 */
export function parseTransactionBuilderBatch(
  parameters: ParseTransactionBuilderBatchParameters,
): ParseTransactionBuilderBatchReturnType {
  assertParameters('parseTransactionBuilderBatch', parameters, ['json'], {
    version,
  })
  const root = readRoot(parameters.json)
  const issues: TransactionBuilderIssue[] = []
  const issue: Issue = (path, message) => issues.push({ path, message })
  const meta = checkEnvelope(root, issue)
  const checked = checkTransactions(root.transactions, issue)
  if (issues.length > 0) throw new TransactionBuilderParseError({ issues })
  const batch = root as unknown as TransactionBuilderBatch
  const { chainId, safe } = checkIdentity(batch, meta, parameters)
  const calls = checked.map((tx, index) =>
    toCall(tx, `transactions[${index}]`, issue),
  )
  if (issues.length > 0) throw new TransactionBuilderParseError({ issues })
  return { batch, chainId, safe, calls }
}

/** The file's root object, parsed only when every parser would agree on it. */
function readRoot(json: unknown): Record<string, unknown> {
  const input = typeof json === 'string' ? parseText(json) : json
  if (typeof json !== 'string') {
    const problem = findValueProblem(input)
    if (problem) throw new TransactionBuilderParseError({ issues: [problem] })
  }
  const root = record(input)
  if (!root)
    throw new TransactionBuilderParseError({
      issues: [
        {
          path: '(root)',
          message: 'expected a JSON object with `meta` and `transactions`.',
        },
      ],
    })
  return root
}

function parseText(text: string): unknown {
  const ambiguity = findJsonAmbiguity(text)
  if (ambiguity) throw new TransactionBuilderParseError({ issues: [ambiguity] })
  try {
    return JSON.parse(text)
  } catch (cause) {
    throw new TransactionBuilderParseError({
      issues: [
        {
          path: '(root)',
          message: `not valid JSON (${cause instanceof Error ? cause.message : String(cause)}).`,
        },
      ],
      cause,
    })
  }
}

/**
 * An already-parsed object gets the depth limit too, and must be a tree as a
 * parsed file is (a cycle would never end, a shared object is not JSON).
 */
function findValueProblem(value: unknown): TransactionBuilderIssue | undefined {
  const seen = new Set<object>()
  const stack: { value: unknown; depth: number; path: string }[] = [
    { value, depth: 0, path: '(root)' },
  ]
  while (stack.length > 0) {
    const { value: current, depth, path } = stack.pop()!
    if (current === null || typeof current !== 'object') continue
    if (seen.has(current))
      return {
        path,
        message:
          'the same object appears twice (a cycle or a shared reference), which no JSON file can hold.',
      }
    seen.add(current)
    if (depth >= maxJsonDepth)
      return {
        path,
        message: `nesting deeper than ${maxJsonDepth} levels; a Transaction Builder file needs far less.`,
      }
    for (const [key, child] of Object.entries(current))
      stack.push({
        value: child,
        depth: depth + 1,
        path: Array.isArray(current) ? `${path}[${key}]` : `${path}.${key}`,
      })
  }
  return undefined
}

/** `version`, `chainId`, `createdAt` and `meta`; returns `meta` when it is an object. */
function checkEnvelope(
  root: Record<string, unknown>,
  issue: Issue,
): Record<string, unknown> | undefined {
  if (typeof root.version !== 'string')
    issue(
      'version',
      `expected a string (e.g. "1.0"), got ${show(root.version)}.`,
    )
  if (typeof root.chainId !== 'string' || !/^[1-9][0-9]*$/.test(root.chainId))
    issue(
      'chainId',
      `expected a decimal string (e.g. "1"), got ${show(root.chainId)}.`,
    )
  if (typeof root.createdAt !== 'number' || !Number.isFinite(root.createdAt))
    issue(
      'createdAt',
      `expected a number (ms since the epoch), got ${show(root.createdAt)}.`,
    )
  const meta = record(root.meta)
  if (!meta) {
    issue('meta', `expected an object, got ${show(root.meta)}.`)
    return undefined
  }
  if (typeof meta.name !== 'string')
    issue('meta.name', `expected a string, got ${show(meta.name)}.`)
  for (const key of [
    'description',
    'txBuilderVersion',
    'createdFromOwnerAddress',
    'checksum',
  ])
    if (
      meta[key] !== undefined &&
      meta[key] !== null &&
      typeof meta[key] !== 'string'
    )
      issue(`meta.${key}`, `expected a string, got ${show(meta[key])}.`)
  if (
    meta.createdFromSafeAddress !== undefined &&
    meta.createdFromSafeAddress !== null
  )
    checkAddressField(
      meta.createdFromSafeAddress,
      'meta.createdFromSafeAddress',
      issue,
    )
  return meta
}

function checkTransactions(value: unknown, issue: Issue): CheckedTransaction[] {
  if (!Array.isArray(value)) {
    issue('transactions', `expected an array, got ${show(value)}.`)
    return []
  }
  if (value.length === 0)
    issue('transactions', 'the batch has no transactions.')
  return value.flatMap((raw: unknown, index) => {
    const checked = checkTransaction(raw, `transactions[${index}]`, issue)
    return checked ? [checked] : []
  })
}

function checkTransaction(
  raw: unknown,
  path: string,
  issue: Issue,
): CheckedTransaction | undefined {
  const tx = record(raw)
  if (!tx) {
    issue(path, `expected an object, got ${show(raw)}.`)
    return undefined
  }
  const to = checkAddressField(tx.to, `${path}.to`, issue)
  const value = checkValue(tx.value, `${path}.value`, issue)
  const data = checkData(tx.data, `${path}.data`, issue)
  const method = checkMethod(tx.contractMethod, `${path}.contractMethod`, issue)
  const values = checkInputsValues(
    tx.contractInputsValues,
    `${path}.contractInputsValues`,
    issue,
  )
  if (to === undefined || value === undefined) return undefined
  return { to, value, data, method, values }
}

function checkValue(
  value: unknown,
  path: string,
  issue: Issue,
): bigint | undefined {
  if (typeof value !== 'string') {
    issue(
      path,
      `expected a decimal string of wei, got ${show(value)}; the Transaction Builder rejects numbers ("Make sure all numbers are encoded as strings").`,
    )
    return undefined
  }
  if (!/^(0|[1-9][0-9]*)$/.test(value) || BigInt(value) > maxUint256) {
    issue(path, `expected a decimal string of wei, got ${show(value)}.`)
    return undefined
  }
  return BigInt(value)
}

function checkData(
  value: unknown,
  path: string,
  issue: Issue,
): Hex | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(value)) {
    issue(path, `expected 0x-prefixed hex bytes or null, got ${show(value)}.`)
    return undefined
  }
  return value.toLowerCase() as Hex
}

function checkInputsValues(
  value: unknown,
  path: string,
  issue: Issue,
): Record<string, string> | null {
  if (value === undefined || value === null) return null
  const object = record(value)
  if (!object) {
    issue(path, `expected an object or null, got ${show(value)}.`)
    return null
  }
  const values: Record<string, string> = {}
  for (const [key, item] of Object.entries(object)) {
    if (typeof item !== 'string')
      issue(
        `${path}.${key}`,
        `expected a string, got ${show(item)}; the Transaction Builder rejects numbers.`,
      )
    else values[key] = item
  }
  return values
}

/** The checksum (the file was not edited), then the expected chain and Safe. */
function checkIdentity(
  batch: TransactionBuilderBatch,
  meta: Record<string, unknown> | undefined,
  parameters: ParseTransactionBuilderBatchParameters,
): { chainId: number; safe: Address | undefined } {
  const computed = computeTransactionBuilderChecksum(batch)
  const stored = typeof meta?.checksum === 'string' ? meta.checksum : undefined
  if (stored !== computed)
    throw new TransactionBuilderChecksumError({ stored, computed })
  const chainId = Number(batch.chainId)
  if (parameters.chainId !== undefined && parameters.chainId !== chainId)
    throw new TransactionBuilderChainMismatchError({
      expected: parameters.chainId,
      actual: batch.chainId,
    })
  const safe =
    typeof meta?.createdFromSafeAddress === 'string'
      ? toChecksummedAddress({ address: meta.createdFromSafeAddress })
      : undefined
  if (parameters.safe !== undefined) {
    const expected = toChecksummedAddress({
      address: parameters.safe,
      path: 'safe',
    })
    if (safe === undefined || !isAddressEqual(safe, expected))
      throw new TransactionBuilderSafeMismatchError({ expected, actual: safe })
  }
  return { chainId, safe }
}

/** The call the app sends: `data` when present (its decoded view must match it), else the encoded method. */
function toCall(tx: CheckedTransaction, path: string, issue: Issue): Call {
  const { to, value, data, method, values } = tx
  let encoded: Hex | undefined
  if (method) {
    try {
      encoded = encodeContractInputs(method, values)
    } catch (cause) {
      if (!data)
        issue(
          `${path}.contractInputsValues`,
          `cannot be encoded for ${method.name}(${method.inputs.map((i) => i.type).join(',')}): ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}.`,
        )
    }
  }
  if (data && encoded !== undefined && !isHexEqual(encoded, data))
    issue(
      `${path}.contractInputsValues`,
      `the decoded view (${method!.name}) does not describe data, which is what will be sent: they differ from byte ${firstDifference(encoded.toLowerCase(), data)} on.`,
    )
  if (data && method && encoded === undefined)
    issue(
      `${path}.contractMethod`,
      `does not encode with its values, so it cannot describe data ${data.slice(0, 18)}….`,
    )
  return {
    to,
    value,
    data: data ?? encoded ?? '0x',
    operation: 'call',
    label:
      data && !method ? 'Custom hex data' : method ? method.name : 'Transfer',
    ...(method ? { abi: [toAbiFunction(method)] } : {}),
  }
}

/** Index of the first differing byte of two 0x-hex strings. */
function firstDifference(a: string, b: string): number {
  let i = 2
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return Math.floor((i - 2) / 2)
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (typeof value === 'string')
    return JSON.stringify(
      value.length > 60 ? `${value.slice(0, 57)}...` : value,
    )
  if (typeof value === 'number') return `the number ${value}`
  if (Array.isArray(value)) return 'an array'
  if (value === null) return 'null'
  return typeof value === 'object' ? 'an object' : String(value)
}

function checkAddressField(
  value: unknown,
  path: string,
  issue: (path: string, message: string) => void,
): Address | undefined {
  try {
    return toChecksummedAddress({ address: value, path })
  } catch (error) {
    issue(
      path,
      error instanceof Error && 'shortMessage' in error
        ? String((error as { shortMessage: string }).shortMessage)
        : `invalid address ${show(value)}.`,
    )
    return undefined
  }
}

/** One input (and its tuple components, iteratively): a known ABI type. */
function checkInput(input: unknown, path: string, issue: Issue): boolean {
  const pending: { input: unknown; path: string }[] = [{ input, path }]
  let ok = true
  while (pending.length > 0) {
    const next = pending.pop()!
    const entry = record(next.input)
    if (!entry || typeof entry.type !== 'string') {
      issue(next.path, 'expected { name, type, internalType? }.')
      ok = false
      continue
    }
    const problem = abiTypeProblem(entry.type, entry.components)
    if (problem) {
      issue(`${next.path}.type`, problem)
      ok = false
    }
    if (Array.isArray(entry.components))
      entry.components.forEach((component: unknown, i) => {
        pending.push({
          input: component,
          path: `${next.path}.components[${i}]`,
        })
      })
  }
  return ok
}

function checkMethod(
  value: unknown,
  path: string,
  issue: (path: string, message: string) => void,
): TransactionBuilderContractMethod | undefined {
  if (value === undefined || value === null) return undefined
  const method = record(value)
  if (!method) {
    issue(path, `expected an object or null, got ${show(value)}.`)
    return undefined
  }
  let ok = true
  if (typeof method.name !== 'string' || method.name === '') {
    issue(`${path}.name`, `expected a function name, got ${show(method.name)}.`)
    ok = false
  }
  if (!Array.isArray(method.inputs)) {
    issue(`${path}.inputs`, `expected an array, got ${show(method.inputs)}.`)
    ok = false
  } else
    method.inputs.forEach((input: unknown, i) => {
      if (!checkInput(input, `${path}.inputs[${i}]`, issue)) ok = false
    })
  if (method.payable !== undefined && typeof method.payable !== 'boolean') {
    issue(`${path}.payable`, `expected a boolean, got ${show(method.payable)}.`)
    ok = false
  }
  return ok
    ? (method as unknown as TransactionBuilderContractMethod)
    : undefined
}
