/**
 * @internal
 * Python's `str()` of a JSON value, for error messages the service builds with
 * f-strings and `%s` (`True`, `None`, `['a', 'b']`).
 */
export function pyStr(value: unknown): string {
  return typeof value === 'string' ? value : pyRepr(value)
}

/** @internal Python's `repr()` of a JSON value. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None'
  if (value === true) return 'True'
  if (value === false) return 'False'
  if (typeof value === 'string')
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
  if (typeof value === 'number' || typeof value === 'bigint')
    return String(value)
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`
  if (typeof value === 'object')
    return `{${Object.entries(value)
      .map(([key, item]) => `${pyRepr(key)}: ${pyRepr(item)}`)
      .join(', ')}}`
  return String(value)
}

/** @internal Python's repr of a set of strings (`set()` when empty), sorted for stable messages. */
export function pySetRepr(values: Iterable<string>): string {
  const items = [...new Set(values)].sort()
  return items.length === 0 ? 'set()' : `{${items.map(pyRepr).join(', ')}}`
}

/**
 * @internal
 * Python's `json.dumps(value)` with its defaults: `", "` and `": "`
 * separators, non-ASCII escaped as `\uXXXX`.
 */
export function pyJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') return JSON.stringify(value)
  if (typeof value === 'string')
    return JSON.stringify(value).replace(
      /[\u007f-\uffff]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
  if (Array.isArray(value)) return `[${value.map(pyJsonDumps).join(', ')}]`
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => `${pyJsonDumps(key)}: ${pyJsonDumps(item)}`)
    .join(', ')}}`
}
