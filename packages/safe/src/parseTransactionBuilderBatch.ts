import {
  type Call,
  type InvalidAddressErrorType,
  toChecksummedAddress,
} from '@storydao/core'
import { type Address, type Hex, maxUint256 } from 'viem'
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
import {
  encodeContractInputs,
  toAbiFunction,
} from './internal/txBuilderInputs.js'
import type {
  TransactionBuilderBatch,
  TransactionBuilderContractMethod,
} from './types/transactionBuilder.js'

export type ParseTransactionBuilderBatchParameters = {
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
  | TransactionBuilderChainMismatchErrorType
  | TransactionBuilderChecksumErrorType
  | TransactionBuilderParseErrorType
  | TransactionBuilderSafeMismatchErrorType

/**
 * Reads a Safe{Wallet} Transaction Builder batch file and returns the calls it
 * will make, refusing anything a signer should not trust: malformed content
 * (every issue with its JSON path; numbers where the app wants strings), a
 * missing or wrong `meta.checksum` (the file was edited), another chain or
 * Safe than expected, and a decoded view (`contractMethod` +
 * `contractInputsValues`) that does not encode to the `data` that will
 * actually be sent.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#parsetransactionbuilderbatch
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises'
 * import { parseTransactionBuilderBatch } from '@storydao/safe'
 *
 * const { calls } = parseTransactionBuilderBatch(await readFile('batch.json', 'utf8'), {
 *   chainId: 1,
 *   safe: manifest.safes.ops.address,
 * })
 * ```
 *
 * @param json - The file's text, or the already-parsed object.
 * @param parameters - {@link ParseTransactionBuilderBatchParameters}
 * @returns The batch and its calls.
 */
export function parseTransactionBuilderBatch(
  json: string | unknown,
  parameters: ParseTransactionBuilderBatchParameters = {},
): ParseTransactionBuilderBatchReturnType {
  let input: unknown = json
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json)
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

  const issues: TransactionBuilderIssue[] = []
  const issue = (path: string, message: string) =>
    issues.push({ path, message })
  const root = record(input)
  if (!root) {
    issue('(root)', 'expected a JSON object with `meta` and `transactions`.')
    throw new TransactionBuilderParseError({ issues })
  }

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
  if (!meta) issue('meta', `expected an object, got ${show(root.meta)}.`)
  else {
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
  }

  const transactions = Array.isArray(root.transactions)
    ? root.transactions
    : undefined
  if (!transactions)
    issue('transactions', `expected an array, got ${show(root.transactions)}.`)
  else if (transactions.length === 0)
    issue('transactions', 'the batch has no transactions.')

  const checked: {
    to: Address
    value: bigint
    data: Hex | undefined
    method: TransactionBuilderContractMethod | undefined
    values: Record<string, string> | null
  }[] = []
  transactions?.forEach((raw, index) => {
    const path = `transactions[${index}]`
    const tx = record(raw)
    if (!tx) {
      issue(path, `expected an object, got ${show(raw)}.`)
      return
    }
    const to = checkAddressField(tx.to, `${path}.to`, issue)
    let value: bigint | undefined
    if (typeof tx.value !== 'string')
      issue(
        `${path}.value`,
        `expected a decimal string of wei, got ${show(tx.value)}; the Transaction Builder rejects numbers ("Make sure all numbers are encoded as strings").`,
      )
    else if (
      !/^(0|[1-9][0-9]*)$/.test(tx.value) ||
      BigInt(tx.value) > maxUint256
    )
      issue(
        `${path}.value`,
        `expected a decimal string of wei, got ${show(tx.value)}.`,
      )
    else value = BigInt(tx.value)

    let data: Hex | undefined
    if (tx.data !== undefined && tx.data !== null && tx.data !== '') {
      if (typeof tx.data !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(tx.data))
        issue(
          `${path}.data`,
          `expected 0x-prefixed hex bytes or null, got ${show(tx.data)}.`,
        )
      else data = tx.data.toLowerCase() as Hex
    }

    const method = checkMethod(
      tx.contractMethod,
      `${path}.contractMethod`,
      issue,
    )
    let values: Record<string, string> | null = null
    if (
      tx.contractInputsValues !== undefined &&
      tx.contractInputsValues !== null
    ) {
      const object = record(tx.contractInputsValues)
      if (!object)
        issue(
          `${path}.contractInputsValues`,
          `expected an object or null, got ${show(tx.contractInputsValues)}.`,
        )
      else {
        values = {}
        for (const [key, item] of Object.entries(object)) {
          if (typeof item !== 'string')
            issue(
              `${path}.contractInputsValues.${key}`,
              `expected a string, got ${show(item)}; the Transaction Builder rejects numbers.`,
            )
          else values[key] = item
        }
      }
    }
    if (to !== undefined && value !== undefined)
      checked.push({ to, value, data, method, values })
  })

  if (issues.length > 0) throw new TransactionBuilderParseError({ issues })
  const batch = root as unknown as TransactionBuilderBatch

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
      ? toChecksummedAddress(meta.createdFromSafeAddress)
      : undefined
  if (parameters.safe !== undefined) {
    const expected = toChecksummedAddress(parameters.safe, { path: 'safe' })
    if (safe !== expected)
      throw new TransactionBuilderSafeMismatchError({ expected, actual: safe })
  }

  const calls = checked.map(
    ({ to, value, data, method, values }, index): Call => {
      const path = `transactions[${index}]`
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
      if (data && encoded !== undefined && encoded.toLowerCase() !== data)
        issue(
          `${path}.contractInputsValues`,
          `the decoded view (${method!.name}) does not describe data, which is what will be sent: they differ from byte ${firstDifference(encoded.toLowerCase(), data)} on.`,
        )
      if (data && method && encoded === undefined)
        issue(
          `${path}.contractMethod`,
          `does not encode with its values, so it cannot describe data ${data.slice(0, 18)}….`,
        )
      const calldata = data ?? encoded ?? '0x'
      return {
        to,
        value,
        data: calldata,
        operation: 'call',
        label:
          data && !method
            ? 'Custom hex data'
            : method
              ? method.name
              : 'Transfer',
        ...(method ? { abi: [toAbiFunction(method)] } : {}),
      }
    },
  )
  if (issues.length > 0) throw new TransactionBuilderParseError({ issues })

  return { batch, chainId, safe, calls }
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
    return toChecksummedAddress(value, { path })
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
      const entry = record(input)
      if (!entry || typeof entry.type !== 'string') {
        issue(`${path}.inputs[${i}]`, 'expected { name, type, internalType? }.')
        ok = false
      }
    })
  if (method.payable !== undefined && typeof method.payable !== 'boolean') {
    issue(`${path}.payable`, `expected a boolean, got ${show(method.payable)}.`)
    ok = false
  }
  return ok
    ? (method as unknown as TransactionBuilderContractMethod)
    : undefined
}
