import { type Address, encodeFunctionData, type Hex } from 'viem'
import { AbiEncodingError } from '../errors/abi.js'
import type { ReleaseEncodedCall, ReleaseReference } from '../types/release.js'
import { shortHex } from './operationCall.js'

/** @internal */
export function isPlainObject(
  value: unknown,
): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  )
}

/** @internal */
export function isReference(value: unknown): value is ReleaseReference {
  return (
    isPlainObject(value) &&
    Object.keys(value).length === 1 &&
    typeof value.ref === 'string'
  )
}

/** @internal */
export function isEncodedCall(value: unknown): value is ReleaseEncodedCall {
  return (
    isPlainObject(value) &&
    Object.keys(value).length === 1 &&
    isPlainObject(value.encode)
  )
}

/** @internal Every `{ ref }` inside a value, with its path. */
export function collectReferences(
  value: unknown,
  path: string,
  found: { ref: string; path: string }[] = [],
): { ref: string; path: string }[] {
  if (isReference(value)) found.push({ ref: value.ref, path })
  else if (isEncodedCall(value))
    (value.encode.args ?? []).forEach((arg, index) => {
      collectReferences(arg, `${path}.encode.args[${index}]`, found)
    })
  else if (Array.isArray(value))
    value.forEach((item, index) => {
      collectReferences(item, `${path}[${index}]`, found)
    })
  else if (isPlainObject(value))
    for (const [key, item] of Object.entries(value))
      collectReferences(item, `${path}.${key}`, found)
  return found
}

/** @internal Replaces references and encoded calls with their values. */
export function resolveValue(
  value: unknown,
  path: string,
  lookup: (name: string) => Address,
): unknown {
  if (isReference(value)) return lookup(value.ref)
  if (isEncodedCall(value)) {
    const { abi, functionName, args = [] } = value.encode
    const resolved = args.map((arg, index) =>
      resolveValue(arg, `${path}.encode.args[${index}]`, lookup),
    )
    try {
      return encodeFunctionData({
        abi,
        functionName,
        args: resolved,
      } as Parameters<typeof encodeFunctionData>[0])
    } catch (error) {
      throw new AbiEncodingError({
        what: `${functionName}(…) at ${path}`,
        cause: error,
      })
    }
  }
  if (Array.isArray(value))
    return value.map((item, index) =>
      resolveValue(item, `${path}[${index}]`, lookup),
    )
  if (isPlainObject(value))
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        resolveValue(item, `${path}.${key}`, lookup),
      ]),
    )
  return value
}

/** @internal A short, readable form of an argument for labels (references by name). */
export function renderValue(value: unknown): string {
  if (isReference(value)) return value.ref
  if (isEncodedCall(value)) return `${value.encode.functionName}(…)`
  if (Array.isArray(value)) return `[${value.map(renderValue).join(', ')}]`
  if (isPlainObject(value))
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${key}: ${renderValue(item)}`)
      .join(', ')} }`
  if (typeof value === 'string' && /^0x[0-9a-fA-F]{64,}$/.test(value))
    return shortHex(value as Hex)
  return String(value)
}
