import type { PathSegment } from './jsonPath.js'

/**
 * @internal How deep a manifest value may nest. A manifest's own structure is
 * five levels deep; the margin is for unknown keys, which are reported, not
 * walked into.
 */
export const maxManifestDepth = 64

/** @internal Why a value cannot be a manifest at all. */
export class UnwalkableValue extends Error {
  constructor(
    readonly reason: 'circular_reference' | 'nesting_too_deep',
    readonly path: readonly PathSegment[],
  ) {
    super(reason)
  }
}

/**
 * @internal A copy of plain objects (deeply, through arrays) without the
 * properties whose value is `undefined`. Anything else is returned as is.
 *
 * Throws {@link UnwalkableValue} for a cycle or for nesting deeper than
 * {@link maxManifestDepth}, before either overflows the stack.
 */
export function withoutUndefined(value: unknown): unknown {
  return copy(value, [], new Set())
}

function copy(
  value: unknown,
  path: PathSegment[],
  ancestors: Set<object>,
): unknown {
  const isArray = Array.isArray(value)
  if (
    !isArray &&
    (value === null ||
      typeof value !== 'object' ||
      Object.getPrototypeOf(value) !== Object.prototype)
  )
    return value
  const object = value as object
  if (ancestors.has(object))
    throw new UnwalkableValue('circular_reference', path)
  if (path.length >= maxManifestDepth)
    throw new UnwalkableValue('nesting_too_deep', path)
  ancestors.add(object)
  try {
    if (isArray)
      return (value as unknown[]).map((item, index) =>
        copy(item, [...path, index], ancestors),
      )
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(object))
      if (item !== undefined) out[key] = copy(item, [...path, key], ancestors)
    return out
  } finally {
    ancestors.delete(object)
  }
}
