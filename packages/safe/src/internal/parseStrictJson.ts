/**
 * @internal JSON that every conforming parser reads the same way, or the
 * first place where two could disagree (RFC 8259 §4 leaves duplicate names,
 * §7 lone surrogates and §6 numbers beyond IEEE 754 doubles to the
 * implementation). The scan is iterative, so nesting depth costs no stack
 * and a 10,000-deep file fails at `maxDepth`, in time linear in its size.
 */
export type StrictJsonProblem = {
  /** JSON path of the offending value (`transactions[0].to`). */
  path: string
  /** What is wrong, with the character offset. */
  message: string
}

/** @internal Nesting allowed in a Transaction Builder file (tuples included). */
export const maxJsonDepth = 64

type Frame = {
  kind: 'object' | 'array'
  path: string
  keys: Set<string>
  count: number
}

/**
 * @internal Scans `text` and returns the first ambiguity, or `undefined`
 * when `JSON.parse(text)` is what every parser would read. Syntax errors are
 * left to `JSON.parse`.
 */
export function findJsonAmbiguity(
  text: string,
  maxDepth: number = maxJsonDepth,
): StrictJsonProblem | undefined {
  const stack: Frame[] = []
  let pendingKey: string | undefined
  let i = 0
  const at = () => (stack.length === 0 ? '(root)' : childPath())
  const childPath = () => {
    const top = stack[stack.length - 1]!
    return top.kind === 'array'
      ? `${top.path}[${top.count}]`
      : joinKey(top.path, pendingKey ?? '')
  }
  while (i < text.length) {
    const char = text[i]!
    if (char === '{' || char === '[') {
      if (stack.length >= maxDepth)
        return {
          path: at(),
          message: `nesting deeper than ${maxDepth} levels (offset ${i}); a Transaction Builder file needs far less.`,
        }
      stack.push({
        kind: char === '{' ? 'object' : 'array',
        path: stack.length === 0 ? '' : childPath(),
        keys: new Set(),
        count: 0,
      })
      pendingKey = undefined
      i++
    } else if (char === '}' || char === ']') {
      stack.pop()
      const parent = stack[stack.length - 1]
      if (parent?.kind === 'array') parent.count++
      pendingKey = undefined
      i++
    } else if (char === '"') {
      const string = readString(text, i)
      if (string === undefined) return undefined
      if (string.loneSurrogate !== undefined)
        return {
          path: at(),
          message: `a string holds an unpaired UTF-16 surrogate (offset ${string.loneSurrogate}); parsers replace, keep or reject it differently.`,
        }
      const top = stack[stack.length - 1]
      const isKey =
        top?.kind === 'object' && nextSignificant(text, string.end) === ':'
      if (isKey) {
        const problem = checkKey(top, string.value, i)
        if (problem) return problem
        pendingKey = string.value
      } else if (top?.kind === 'array') top.count++
      i = string.end
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      const end = numberEnd(text, i)
      const problem = checkNumber(text.slice(i, end), at(), i)
      if (problem) return problem
      const top = stack[stack.length - 1]
      if (top?.kind === 'array') top.count++
      i = end
    } else if (char === 't' || char === 'f' || char === 'n') {
      const top = stack[stack.length - 1]
      if (top?.kind === 'array') top.count++
      i += char === 'f' ? 5 : 4
    } else i++
  }
  return undefined
}

function joinKey(path: string, key: string): string {
  const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)
  return path === '' ? segment : `${path}.${segment}`
}

function checkKey(
  frame: Frame,
  key: string,
  offset: number,
): StrictJsonProblem | undefined {
  const path = joinKey(frame.path, key)
  if (frame.keys.has(key))
    return {
      path,
      message: `duplicate key ${JSON.stringify(key)} (offset ${offset}): one reader shows the first value, another the last, and the checksum only covers one of them.`,
    }
  if (key === '__proto__')
    return {
      path,
      message: `the key "__proto__" (offset ${offset}) is read as a prototype by some JavaScript parsers.`,
    }
  frame.keys.add(key)
  return undefined
}

function nextSignificant(text: string, from: number): string | undefined {
  let i = from
  while (i < text.length && /\s/.test(text[i]!)) i++
  return text[i]
}

/** The decoded string starting at the quote at `start`; `undefined` when malformed (JSON.parse reports it). */
function readString(
  text: string,
  start: number,
):
  | { value: string; end: number; loneSurrogate: number | undefined }
  | undefined {
  let value = ''
  let i = start + 1
  // Unescaped runs are copied in one slice: most strings have no escapes.
  let run = i
  while (i < text.length) {
    const code = text.charCodeAt(i)
    if (code === 0x22) {
      value += text.slice(run, i)
      return { value, end: i + 1, loneSurrogate: loneSurrogateIn(value, start) }
    }
    if (code !== 0x5c) {
      i++
      continue
    }
    value += text.slice(run, i)
    const escaped = text[i + 1]
    if (escaped === 'u') {
      const hex = text.slice(i + 2, i + 6)
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined
      value += String.fromCharCode(Number.parseInt(hex, 16))
      i += 6
    } else {
      const simple = escapes[escaped ?? '']
      if (simple === undefined) return undefined
      value += simple
      i += 2
    }
    run = i
  }
  return undefined
}

const escapes: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
}

/** Offset of the string's first unpaired surrogate, if any. */
function loneSurrogateIn(value: string, offset: number): number | undefined {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i)
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++
        continue
      }
      return offset
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return offset
  }
  return undefined
}

function numberEnd(text: string, start: number): number {
  let i = start
  while (i < text.length && /[-+0-9.eE]/.test(text[i]!)) i++
  return i
}

/**
 * A number every parser reads as the same value: a double-precision parser
 * rounds integers beyond 2^53 and big-number parsers keep them, so those are
 * refused (amounts are decimal strings in this format anyway).
 */
function checkNumber(
  literal: string,
  path: string,
  offset: number,
): StrictJsonProblem | undefined {
  const value = Number(literal)
  if (!Number.isFinite(value))
    return {
      path,
      message: `the number ${literal} (offset ${offset}) does not fit a double.`,
    }
  const integral = /^-?\d+$/.test(literal)
  if (
    (integral && !Number.isSafeInteger(value)) ||
    (Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER)
  )
    return {
      path,
      message: `the number ${literal.length > 40 ? `${literal.slice(0, 37)}...` : literal} (offset ${offset}) is beyond 2^53, where parsers disagree on its value; write amounts as decimal strings.`,
    }
  return undefined
}
