import type { PathSegment } from './jsonPath.js'

/** @internal Where and why JSON text is invalid. */
export type JsonSyntaxError = {
  reason: string
  offset: number
  line: number
  column: number
}

/** @internal The outcome of {@link parseJsonText}. */
export type ParsedJsonText =
  | { ok: true; value: unknown; duplicateKeys: PathSegment[][] }
  | { ok: false; error: JsonSyntaxError }

const numberPattern = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y
const escapes = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])

/** Internal control flow of the scanner; never escapes {@link parseJsonText}. */
class Failure extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(reason)
  }
}

function position(text: string, offset: number): [number, number] {
  let line = 1
  let lineStart = 0
  for (let index = 0; index < offset && index < text.length; index++)
    if (text.charCodeAt(index) === 10) {
      line++
      lineStart = index + 1
    }
  return [line, offset - lineStart + 1]
}

/**
 * @internal Parses JSON text, reporting the line and column of a syntax error
 * (Node 20's `JSON.parse` messages carry neither) and every duplicate object
 * key (which `JSON.parse` silently collapses, losing an entry).
 *
 * The scanner only validates; values come from `JSON.parse`, so semantics are
 * exactly the platform's.
 */
export function parseJsonText(source: string): ParsedJsonText {
  // A UTF-8 BOM is not JSON, but editors add it; tolerate it.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source
  const duplicateKeys: PathSegment[][] = []
  let index = 0

  const fail = (reason: string, at = index): never => {
    throw new Failure(reason, at)
  }
  const describe = (at: number) =>
    at >= text.length ? 'end of input' : `${JSON.stringify(text[at])}`
  const skipWhitespace = () => {
    while (index < text.length) {
      const code = text.charCodeAt(index)
      if (code === 32 || code === 9 || code === 10 || code === 13) index++
      else break
    }
  }
  const readString = (): string => {
    const start = index
    index++
    while (index < text.length) {
      const char = text[index]!
      if (char === '"') {
        index++
        return JSON.parse(text.slice(start, index)) as string
      }
      if (char === '\\') {
        const next = text[index + 1]
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6)))
            fail('invalid \\u escape in string')
          index += 6
          continue
        }
        if (next === undefined || !escapes.has(next))
          fail('invalid escape in string')
        index += 2
        continue
      }
      if (char.charCodeAt(0) < 0x20)
        fail('unescaped control character (e.g. a raw newline) in string')
      index++
    }
    return fail('unterminated string', start)
  }
  const readValue = (path: PathSegment[]): void => {
    skipWhitespace()
    const char = text[index]
    if (char === '{') {
      index++
      const keys = new Set<string>()
      skipWhitespace()
      if (text[index] === '}') {
        index++
        return
      }
      for (;;) {
        skipWhitespace()
        if (text[index] !== '"')
          fail(
            `expected a property name in double quotes, found ${describe(index)}`,
          )
        const key = readString()
        if (keys.has(key)) duplicateKeys.push([...path, key])
        keys.add(key)
        skipWhitespace()
        if (text[index] !== ':')
          fail(`expected ":" after property name, found ${describe(index)}`)
        index++
        readValue([...path, key])
        skipWhitespace()
        if (text[index] === ',') {
          index++
          continue
        }
        if (text[index] === '}') {
          index++
          return
        }
        fail(
          `expected "," or "}" after property value, found ${describe(index)}`,
        )
      }
    }
    if (char === '[') {
      index++
      skipWhitespace()
      if (text[index] === ']') {
        index++
        return
      }
      for (let item = 0; ; item++) {
        readValue([...path, item])
        skipWhitespace()
        if (text[index] === ',') {
          index++
          continue
        }
        if (text[index] === ']') {
          index++
          return
        }
        fail(
          `expected "," or "]" after array element, found ${describe(index)}`,
        )
      }
    }
    if (char === '"') {
      readString()
      return
    }
    for (const literal of ['true', 'false', 'null'])
      if (text.startsWith(literal, index)) {
        index += literal.length
        return
      }
    numberPattern.lastIndex = index
    const match = numberPattern.exec(text)
    if (match) {
      index += match[0].length
      return
    }
    fail(
      index >= text.length
        ? 'unexpected end of input'
        : `unexpected ${describe(index)}`,
    )
  }

  try {
    skipWhitespace()
    if (index >= text.length) fail('the file is empty')
    readValue([])
    skipWhitespace()
    if (index < text.length)
      fail(`unexpected ${describe(index)} after the JSON value`)
  } catch (error) {
    const failure =
      error instanceof Failure
        ? error
        : // Deeply nested input overflows the stack: report where we were.
          new Failure('input nested too deeply', index)
    const [line, column] = position(text, failure.offset)
    return {
      ok: false,
      error: {
        reason: failure.reason,
        offset: failure.offset,
        line,
        column,
      },
    }
  }
  return { ok: true, value: JSON.parse(text), duplicateKeys }
}
