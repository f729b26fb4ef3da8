import type { InvariantValue } from '../types.js'

/** @internal Converts a decoded ABI value into an {@link InvariantValue}. */
export function toInvariantValue(value: unknown): InvariantValue {
  if (value === undefined || value === null) return null
  if (
    typeof value === 'bigint' ||
    typeof value === 'boolean' ||
    typeof value === 'number' ||
    typeof value === 'string'
  )
    return value
  if (Array.isArray(value)) return value.map(toInvariantValue)
  if (typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [
        key,
        toInvariantValue(item),
      ]),
    )
  return String(value)
}

/**
 * @internal JSON text of a value with bigints as decimal strings and object
 * keys sorted, so equal values always render identically.
 */
export function stableJson(value: unknown, indent?: number): string {
  return JSON.stringify(toJsonValue(value), null, indent)
}

/** @internal A value made JSON-safe: bigints → decimal strings, keys sorted. */
export function toJsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString()
  if (value === undefined) return null
  if (Array.isArray(value)) return value.map(toJsonValue)
  if (value instanceof Map)
    return toJsonValue(Object.fromEntries([...value.entries()]))
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [
          key,
          toJsonValue((value as Record<string, unknown>)[key]),
        ]),
    )
  return value
}

/** @internal Short readable form of a value for messages. */
export function formatValue(value: unknown): string {
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'string') return value
  return stableJson(value)
}
