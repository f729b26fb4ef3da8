/** @internal A step in a JSON path. */
export type PathSegment = string | number

/** @internal A problem before its path is formatted. */
export type IssueDraft = {
  code: string
  path: readonly PathSegment[]
  message: string
  hint?: string | undefined
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/**
 * @internal Formats a JSON path the way a reader would type it:
 * `contracts.AuthorCoin.address`, `upgrades[0].target`,
 * `contracts["Foo-Bar"].kind`; the root is `(root)`.
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else if (identifier.test(segment)) out += out ? `.${segment}` : segment
    else out += `[${JSON.stringify(segment)}]`
  }
  return out || '(root)'
}

/** @internal The value at `path` inside `root`, or `undefined`. */
export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let current = root
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined
    if (!Object.hasOwn(current, segment)) return undefined
    current = (current as Record<PropertyKey, unknown>)[segment]
  }
  return current
}

/** @internal `value` when it is a plain (non-array) object. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}

/** @internal Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!
    previous[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!
      previous[j] = Math.min(
        above + 1,
        previous[j - 1]! + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
      diagonal = above
    }
  }
  return previous[b.length]!
}

/** @internal The closest candidate to `value`, if reasonably close. */
export function closest(
  value: string,
  candidates: readonly string[],
): string | undefined {
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of candidates) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best !== undefined &&
    bestDistance <= Math.max(2, Math.floor(value.length / 3))
    ? best
    : undefined
}
