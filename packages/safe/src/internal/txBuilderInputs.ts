import { isHexEqual } from '@storydao/core'
import {
  type Abi,
  type AbiFunction,
  type AbiParameter,
  decodeFunctionData,
  encodeFunctionData,
  getAddress,
  type Hex,
  toFunctionSelector,
} from 'viem'
import type {
  TransactionBuilderContractInput,
  TransactionBuilderContractMethod,
} from '../types/transactionBuilder.js'

/**
 * Emulation of the Transaction Builder's importer (safe-wallet-monorepo
 * `apps/tx-builder/src/utils.ts` `encodeToHexData` / `parseInputValue` and
 * `components/forms/fields/fields.ts`), followed by ethers' coercion of the
 * parsed values, producing viem arguments. Used both to encode files whose
 * `data` is null and to prove that the `contractInputsValues` we export
 * re-encode to exactly the call's `data`.
 */

const intType =
  /^(u?int)(8|16|24|32|40|48|56|64|72|80|88|96|104|112|120|128|136|144|152|160|168|176|184|192|200|208|216|224|232|240|248|256)?$/
const arrayType = /[^\]](\[([1-9]+[0-9]*)?\])$/
const matrixType = /[^\]]((\[([1-9]+[0-9]*)?\]){2,2})$/
const multiDimensionalType = /[^\]]((\[([1-9]+[0-9]*)?\]){3,})$/
const baseType = /^([a-zA-Z0-9]*)(((\[\])|(\[[1-9]+[0-9]*\]))*)?$/

const isBool = (type: string) => type === 'bool'
const isInt = (type: string) => intType.test(type)
const isTuple = (type: string) => type.startsWith('tuple')
const isAnyArray = (type: string) =>
  arrayType.test(type) ||
  matrixType.test(type) ||
  multiDimensionalType.test(type)
const isStringArray = (type: string) =>
  type.startsWith('string') && isAnyArray(type)

/** @internal Thrown when a value cannot be parsed the way the app would. */
export class TxBuilderValueError extends Error {
  override name = 'TxBuilderValueError'
}

function parseBoolean(value: string): boolean {
  const v = value.trim().toLowerCase()
  if (v === 'true' || v === '1') return true
  if (v === 'false' || v === '0') return false
  throw new TxBuilderValueError(`invalid boolean ${JSON.stringify(value)}`)
}

function parseInteger(value: string): bigint {
  const trimmed = value.replace(/"/g, '').replace(/'/g, '').trim()
  if (trimmed === '')
    throw new TxBuilderValueError('empty string for an integer')
  const negative = trimmed.startsWith('-')
  const abs = negative ? trimmed.slice(1) : trimmed
  let parsed: bigint
  try {
    if (abs.toLowerCase().startsWith('0x')) parsed = BigInt(abs)
    // BN.js-style: digits with a-f are hex even without 0x.
    else if (/^[0-9a-f]+$/i.test(abs) && /[a-f]/i.test(abs))
      parsed = BigInt(`0x${abs}`)
    else parsed = BigInt(abs)
  } catch {
    throw new TxBuilderValueError(`invalid integer ${JSON.stringify(value)}`)
  }
  return negative ? -parsed : parsed
}

function splitArray(value: string): string[] {
  let index = 0
  let depth = 0
  const items: string[] = []
  for (const char of value.trim().slice(1, -1)) {
    if (char === ',' && depth === 0) {
      index++
      continue
    }
    if (char === '[') depth++
    if (char === ']') depth--
    items[index] = `${items[index] ?? ''}${char}`.trim()
  }
  return items
}

const isBracketed = (value: string) => {
  const t = value.trim()
  return t.startsWith('[') && t.endsWith(']')
}

function parseArray(value: string, type: string): unknown {
  if (!isBracketed(value)) throw new TxBuilderValueError('invalid array value')
  const base = baseType.exec(type)?.[1]
  if (!base) throw new TxBuilderValueError(`unknown base type of ${type}`)
  return splitArray(value).map((item) =>
    isBracketed(item)
      ? parseArray(item, type)
      : parseValue(base, item.replace(/"/g, '').replace(/'/g, '')),
  )
}

/** `parseInputValue`: the app's value for one input. */
function parseValue(type: string, value: string): unknown {
  const trimmed = value.trim()
  if (isBool(type)) return parseBoolean(trimmed)
  if (isInt(type)) return parseInteger(trimmed)
  if (isTuple(type) || isStringArray(type)) {
    try {
      return JSON.parse(trimmed)
    } catch {
      throw new TxBuilderValueError(`invalid JSON for ${type}`)
    }
  }
  if (isAnyArray(type)) return parseArray(trimmed, type)
  return value
}

/** ethers' coercion of a parsed JS value for an ABI parameter, as viem args. */
function coerce(parameter: AbiParameter, value: unknown): unknown {
  const { type } = parameter
  const array = /^(.*)\[(\d*)\]$/.exec(type)
  if (array) {
    if (!Array.isArray(value))
      throw new TxBuilderValueError(`expected an array for ${type}`)
    const inner = { ...parameter, type: array[1]! } as AbiParameter
    return value.map((item) => coerce(inner, item))
  }
  if (type === 'tuple') {
    const components = (parameter as { components?: readonly AbiParameter[] })
      .components
    if (!components) throw new TxBuilderValueError('tuple without components')
    if (Array.isArray(value))
      return components.map((component, i) => coerce(component, value[i]))
    if (value !== null && typeof value === 'object')
      return components.map((component) =>
        coerce(
          component,
          (value as Record<string, unknown>)[component.name ?? ''],
        ),
      )
    throw new TxBuilderValueError('expected an array or object for a tuple')
  }
  if (type === 'bool') return Boolean(value)
  if (type.startsWith('int') || type.startsWith('uint')) {
    if (typeof value === 'bigint') return value
    if (typeof value === 'number' && Number.isSafeInteger(value))
      return BigInt(value)
    if (typeof value === 'string' && value.trim() !== '') {
      try {
        return BigInt(value)
      } catch {
        throw new TxBuilderValueError(
          `invalid integer ${JSON.stringify(value)}`,
        )
      }
    }
    throw new TxBuilderValueError(`invalid integer for ${type}`)
  }
  if (typeof value !== 'string')
    throw new TxBuilderValueError(`expected a string for ${type}`)
  return value
}

const unsupportedType = /^(u?fixed|function)/

/** @internal The ABI fragment of a Transaction Builder method, for viem. */
export function toAbiFunction(
  method: TransactionBuilderContractMethod,
): AbiFunction {
  return {
    type: 'function',
    name: method.name,
    inputs: method.inputs as AbiParameter[],
    outputs: [],
    stateMutability: method.payable ? 'payable' : 'nonpayable',
  }
}

/**
 * @internal Calldata the Transaction Builder would produce from a method and
 * its string values; throws {@link TxBuilderValueError} (or a viem error)
 * where the app would fall back to `0x`.
 */
export function encodeContractInputs(
  method: TransactionBuilderContractMethod,
  values: Record<string, string> | null,
): Hex {
  if (method.name === 'receive' || method.name === 'fallback')
    throw new TxBuilderValueError(`${method.name} is never encoded`)
  const args = method.inputs.map((input, index) => {
    if (unsupportedType.test(input.type))
      throw new TxBuilderValueError(`unsupported type ${input.type}`)
    const raw = values?.[input.name || String(index)] || ''
    return coerce(input as AbiParameter, parseValue(input.type, raw))
  })
  return encodeFunctionData({ abi: [toAbiFunction(method)], args })
}

/** Exported string form of a decoded value (inverse of `parseValue` + `coerce`). */
function stringify(parameter: AbiParameter, value: unknown): string {
  const { type } = parameter
  if (isTuple(type)) return JSON.stringify(toJson(parameter, value))
  if (isStringArray(type)) return JSON.stringify(value)
  if (isAnyArray(type)) return bracket(parameter, value)
  return scalar(type, value)
}

function scalar(type: string, value: unknown): string {
  if (type === 'address') return getAddress(value as string)
  if (type === 'bool') return value ? 'true' : 'false'
  if (typeof value === 'bigint' || typeof value === 'number')
    return value.toString()
  return String(value)
}

function bracket(parameter: AbiParameter, value: unknown): string {
  const array = /^(.*)\[(\d*)\]$/.exec(parameter.type)
  if (!array || !Array.isArray(value)) return scalar(parameter.type, value)
  const inner = { ...parameter, type: array[1]! } as AbiParameter
  return `[${value.map((item) => bracket(inner, item)).join(', ')}]`
}

function toJson(parameter: AbiParameter, value: unknown): unknown {
  const { type } = parameter
  const array = /^(.*)\[(\d*)\]$/.exec(type)
  if (array && Array.isArray(value)) {
    const inner = { ...parameter, type: array[1]! } as AbiParameter
    return value.map((item) => toJson(inner, item))
  }
  if (type === 'tuple') {
    const components =
      (parameter as { components?: readonly AbiParameter[] }).components ?? []
    return components.map((component, i) =>
      toJson(
        component,
        Array.isArray(value)
          ? value[i]
          : (value as Record<string, unknown>)[component.name ?? ''],
      ),
    )
  }
  if (type === 'bool') return Boolean(value)
  if (typeof value === 'bigint') return value.toString()
  if (type === 'address') return getAddress(value as string)
  return value
}

function toInput(parameter: AbiParameter): TransactionBuilderContractInput {
  const components = (parameter as { components?: readonly AbiParameter[] })
    .components
  return {
    internalType: parameter.internalType ?? parameter.type,
    name: parameter.name ?? '',
    type: parameter.type,
    ...(components ? { components: components.map(toInput) } : {}),
  }
}

/**
 * @internal The decoded view of a call (`contractMethod` +
 * `contractInputsValues`) when the ABI has the function and the app would
 * re-encode the values to exactly `data`; otherwise `undefined`.
 */
export function toContractInputs(
  abi: Abi | undefined,
  data: Hex,
):
  | {
      contractMethod: TransactionBuilderContractMethod
      contractInputsValues: Record<string, string>
    }
  | undefined {
  if (!abi || data.length < 10) return undefined
  const selector = data.slice(0, 10).toLowerCase()
  const fn = abi.find(
    (item): item is AbiFunction =>
      item.type === 'function' && toFunctionSelector(item) === selector,
  )
  if (!fn) return undefined
  try {
    const { args } = decodeFunctionData({ abi: [fn], data })
    const inputs = fn.inputs.map(toInput)
    const keys = inputs.map((input, index) => input.name || String(index))
    if (new Set(keys).size !== keys.length) return undefined
    const contractInputsValues: Record<string, string> = {}
    fn.inputs.forEach((input, index) => {
      contractInputsValues[keys[index]!] = stringify(input, (args ?? [])[index])
    })
    const contractMethod: TransactionBuilderContractMethod = {
      inputs,
      name: fn.name,
      payable: fn.stateMutability === 'payable',
    }
    const reencoded = encodeContractInputs(contractMethod, contractInputsValues)
    return isHexEqual(reencoded, data)
      ? { contractMethod, contractInputsValues }
      : undefined
  } catch {
    return undefined
  }
}
