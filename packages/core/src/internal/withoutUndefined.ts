/**
 * @internal A copy of plain objects (deeply, through arrays) without the
 * properties whose value is `undefined`. Anything else is returned as is.
 */
export function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined)
  if (
    value === null ||
    typeof value !== 'object' ||
    Object.getPrototypeOf(value) !== Object.prototype
  )
    return value
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value))
    if (item !== undefined) out[key] = withoutUndefined(item)
  return out
}
