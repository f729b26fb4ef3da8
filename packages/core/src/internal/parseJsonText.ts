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

/** @internal Default nesting limit of {@link parseJsonText}. */
export const defaultMaxJsonDepth = 64

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

/** The scanner's state: the text, where it is, what it found. */
type Scanner = {
  text: string
  index: number
  maxDepth: number
  duplicateKeys: PathSegment[][]
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

function fail(scanner: Scanner, reason: string, at = scanner.index): never {
  throw new Failure(reason, at)
}

function describe(scanner: Scanner, at: number): string {
  return at >= scanner.text.length
    ? 'end of input'
    : `${JSON.stringify(scanner.text[at])}`
}

function skipWhitespace(scanner: Scanner): void {
  const { text } = scanner
  while (scanner.index < text.length) {
    const code = text.charCodeAt(scanner.index)
    if (code === 32 || code === 9 || code === 10 || code === 13) scanner.index++
    else break
  }
}

function readString(scanner: Scanner): string {
  const { text } = scanner
  const start = scanner.index
  scanner.index++
  while (scanner.index < text.length) {
    const char = text[scanner.index]!
    if (char === '"') {
      scanner.index++
      return JSON.parse(text.slice(start, scanner.index)) as string
    }
    if (char === '\\') {
      const next = text[scanner.index + 1]
      if (next === 'u') {
        const digits = text.slice(scanner.index + 2, scanner.index + 6)
        if (!/^[0-9a-fA-F]{4}$/.test(digits))
          fail(scanner, 'invalid \\u escape in string')
        scanner.index += 6
        continue
      }
      if (next === undefined || !escapes.has(next))
        fail(scanner, 'invalid escape in string')
      scanner.index += 2
      continue
    }
    if (char.charCodeAt(0) < 0x20)
      fail(
        scanner,
        'unescaped control character (e.g. a raw newline) in string',
      )
    scanner.index++
  }
  return fail(scanner, 'unterminated string', start)
}

/** After a member or element: `true` at the closing bracket, `false` after a comma. */
function readSeparator(scanner: Scanner, close: '}' | ']', what: string) {
  skipWhitespace(scanner)
  const char = scanner.text[scanner.index]
  if (char === ',' || char === close) {
    scanner.index++
    return char === close
  }
  return fail(
    scanner,
    `expected "," or "${close}" after ${what}, found ${describe(scanner, scanner.index)}`,
  )
}

function readObject(scanner: Scanner, path: PathSegment[]): void {
  scanner.index++
  const keys = new Set<string>()
  skipWhitespace(scanner)
  if (scanner.text[scanner.index] === '}') {
    scanner.index++
    return
  }
  do {
    skipWhitespace(scanner)
    if (scanner.text[scanner.index] !== '"')
      fail(
        scanner,
        `expected a property name in double quotes, found ${describe(scanner, scanner.index)}`,
      )
    const key = readString(scanner)
    if (keys.has(key)) scanner.duplicateKeys.push([...path, key])
    keys.add(key)
    skipWhitespace(scanner)
    if (scanner.text[scanner.index] !== ':')
      fail(
        scanner,
        `expected ":" after property name, found ${describe(scanner, scanner.index)}`,
      )
    scanner.index++
    readValue(scanner, [...path, key])
  } while (!readSeparator(scanner, '}', 'property value'))
}

function readArray(scanner: Scanner, path: PathSegment[]): void {
  scanner.index++
  skipWhitespace(scanner)
  if (scanner.text[scanner.index] === ']') {
    scanner.index++
    return
  }
  let item = 0
  do readValue(scanner, [...path, item++])
  while (!readSeparator(scanner, ']', 'array element'))
}

function readScalar(scanner: Scanner): void {
  const { text } = scanner
  for (const literal of ['true', 'false', 'null'])
    if (text.startsWith(literal, scanner.index)) {
      scanner.index += literal.length
      return
    }
  numberPattern.lastIndex = scanner.index
  const match = numberPattern.exec(text)
  if (match) {
    scanner.index += match[0].length
    return
  }
  fail(
    scanner,
    scanner.index >= text.length
      ? 'unexpected end of input'
      : `unexpected ${describe(scanner, scanner.index)}`,
  )
}

function readValue(scanner: Scanner, path: PathSegment[]): void {
  skipWhitespace(scanner)
  const char = scanner.text[scanner.index]
  if ((char === '{' || char === '[') && path.length >= scanner.maxDepth)
    fail(scanner, `nested deeper than ${scanner.maxDepth} levels`)
  if (char === '{') readObject(scanner, path)
  else if (char === '[') readArray(scanner, path)
  else if (char === '"') readString(scanner)
  else readScalar(scanner)
}

/**
 * @internal Parses JSON text, reporting the line and column of a syntax error
 * (Node 20's `JSON.parse` messages carry neither) and every duplicate object
 * key (which `JSON.parse` silently collapses, losing an entry).
 *
 * Nesting deeper than `maxDepth` is a syntax error, found before the
 * recursive scan could overflow the stack. The scanner only validates; values
 * come from `JSON.parse`, so semantics are exactly the platform's.
 */
export function parseJsonText(
  source: string,
  options: { maxDepth?: number | undefined } = {},
): ParsedJsonText {
  // A UTF-8 BOM is not JSON, but editors add it; tolerate it.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source
  const scanner: Scanner = {
    text,
    index: 0,
    maxDepth: options.maxDepth ?? defaultMaxJsonDepth,
    duplicateKeys: [],
  }
  try {
    skipWhitespace(scanner)
    if (scanner.index >= text.length) fail(scanner, 'the file is empty')
    readValue(scanner, [])
    skipWhitespace(scanner)
    if (scanner.index < text.length)
      fail(
        scanner,
        `unexpected ${describe(scanner, scanner.index)} after the JSON value`,
      )
  } catch (error) {
    if (!(error instanceof Failure)) throw error
    const [line, column] = position(text, error.offset)
    return {
      ok: false,
      error: { reason: error.reason, offset: error.offset, line, column },
    }
  }
  return {
    ok: true,
    value: JSON.parse(text),
    duplicateKeys: scanner.duplicateKeys,
  }
}
