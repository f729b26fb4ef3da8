import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { FoundryProjectError } from '../errors/upgrade.js'

/** @internal One solc remapping: `context:prefix=target`. */
export type Remapping = { context: string; prefix: string; target: string }

/** @internal What the upgrade check needs from `foundry.toml`. */
export type FoundryConfig = {
  /** Absolute project root (the directory of `foundry.toml`). */
  root: string
  /** Source directory, relative to the root. */
  src: string
  /** Remappings as written (`prefix=target`). */
  remappings: string[]
  /** `evm_version`, if set. */
  evmVersion?: string | undefined
}

/**
 * @internal The Foundry project root: `start` itself when it has a
 * `foundry.toml`, else the nearest directory up from it that has one, or a
 * `contracts/foundry.toml` (this monorepo's layout).
 */
export function findFoundryRoot(start: string): string {
  let directory = path.resolve(start)
  for (;;) {
    if (existsSync(path.join(directory, 'foundry.toml'))) return directory
    if (existsSync(path.join(directory, 'contracts', 'foundry.toml')))
      return path.join(directory, 'contracts')
    const parent = path.dirname(directory)
    if (parent === directory)
      throw new FoundryProjectError(
        `No foundry.toml in ${path.resolve(start)} or any directory above it.`,
        {
          hint: 'Pass `root`: the directory of the Foundry project (the one holding foundry.toml).',
        },
      )
    directory = parent
  }
}

/** Removes `#` comments outside strings. */
function stripTomlComment(line: string): string {
  let quote: string | undefined
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!
    if (quote) {
      if (char === '\\' && quote === '"') index++
      else if (char === quote) quote = undefined
    } else if (char === '"' || char === "'") quote = char
    else if (char === '#') return line.slice(0, index)
  }
  return line
}

/** The string literals of a TOML value (a string or an array of strings). */
function tomlStrings(value: string): string[] {
  return [...value.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map(
    (match) => match[1] ?? match[2] ?? '',
  )
}

/**
 * @internal Reads `src`, `remappings` and `evm_version` of
 * `[profile.default]` from `foundry.toml` (plus `remappings.txt` when
 * present). A small reader for these keys, not a TOML parser.
 */
export function readFoundryConfig(root: string): FoundryConfig {
  const file = path.join(root, 'foundry.toml')
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new FoundryProjectError(`Cannot read ${file}.`, {
      hint: 'Pass `root`: the directory of the Foundry project (the one holding foundry.toml).',
      cause: error,
    })
  }
  const values = new Map<string, string>()
  let section = ''
  let pending: { key: string; value: string } | undefined
  for (const raw of text.split(/\r?\n/)) {
    const line = stripTomlComment(raw).trim()
    if (pending) {
      pending.value += ` ${line}`
      if (line.includes(']')) {
        values.set(pending.key, pending.value)
        pending = undefined
      }
      continue
    }
    const header = /^\[([^\]]+)\]$/.exec(line)
    if (header) {
      section = header[1]!.trim()
      continue
    }
    const assignment = /^([A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(line)
    if (!assignment || (section !== 'profile.default' && section !== ''))
      continue
    const [, key, value] = assignment as unknown as [string, string, string]
    if (value.startsWith('[') && !value.includes(']')) pending = { key, value }
    else values.set(key, value)
  }
  const src = tomlStrings(values.get('src') ?? '"src"')[0] ?? 'src'
  const remappings = tomlStrings(values.get('remappings') ?? '[]')
  const remappingsFile = path.join(root, 'remappings.txt')
  if (existsSync(remappingsFile)) {
    const defined = new Set(remappings.map((entry) => entry.split('=')[0]))
    for (const line of readFileSync(remappingsFile, 'utf8').split(/\r?\n/)) {
      const entry = line.trim()
      if (entry && !defined.has(entry.split('=')[0])) remappings.push(entry)
    }
  }
  const evmVersion = tomlStrings(values.get('evm_version') ?? '')[0]
  return {
    root,
    src,
    remappings,
    ...(evmVersion === undefined ? {} : { evmVersion }),
  }
}

/** @internal Parses `context:prefix=target` entries. */
export function parseRemappings(entries: readonly string[]): Remapping[] {
  return entries.map((entry) => {
    const equals = entry.indexOf('=')
    if (equals < 0)
      throw new FoundryProjectError(`Invalid remapping "${entry}".`, {
        hint: 'Remappings read `prefix=target` (optionally `context:prefix=target`).',
      })
    const left = entry.slice(0, equals)
    const colon = left.indexOf(':')
    return {
      context: colon < 0 ? '' : left.slice(0, colon),
      prefix: colon < 0 ? left : left.slice(colon + 1),
      target: entry.slice(equals + 1),
    }
  })
}

/** Removes comments, keeping string literals (imports live in strings). */
function stripSolidityComments(source: string): string {
  return source.replace(
    /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|\/\/[^\n]*|\/\*[\s\S]*?\*\//g,
    (_match, literal: string | undefined) => literal ?? ' ',
  )
}

/** @internal Import paths of a Solidity source. */
export function importsOf(source: string): string[] {
  return [
    ...stripSolidityComments(source).matchAll(
      /\bimport\s+(?:[^;"']*?\bfrom\s+)?["']([^"']+)["']/g,
    ),
  ].map((match) => match[1]!)
}

/**
 * @internal The source unit name an import resolves to, as solc computes it:
 * relative paths against the importing unit, then the longest matching
 * remapping.
 */
export function resolveImport(
  importer: string,
  importPath: string,
  remappings: readonly Remapping[],
): string {
  const unit =
    importPath.startsWith('./') || importPath.startsWith('../')
      ? path.posix.normalize(
          path.posix.join(path.posix.dirname(importer), importPath),
        )
      : importPath
  let best: Remapping | undefined
  for (const remapping of remappings)
    if (
      unit.startsWith(remapping.prefix) &&
      importer.startsWith(remapping.context) &&
      (!best ||
        remapping.prefix.length > best.prefix.length ||
        (remapping.prefix.length === best.prefix.length &&
          remapping.context.length > best.context.length))
    )
      best = remapping
  return best ? best.target + unit.slice(best.prefix.length) : unit
}

function solidityFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name)
    if (entry.isDirectory()) return solidityFiles(full)
    return entry.name.endsWith('.sol') ? [full] : []
  })
}

/**
 * @internal Every `.sol` file under the source directory plus every import
 * they reach, transitively, keyed by source unit name (paths relative to the
 * root, as forge names them).
 */
export function collectSources(
  config: FoundryConfig,
  remappings: readonly Remapping[],
): Record<string, { content: string }> {
  const sourceDirectory = path.join(config.root, config.src)
  if (!existsSync(sourceDirectory) || !statSync(sourceDirectory).isDirectory())
    throw new FoundryProjectError(
      `Source directory ${sourceDirectory} does not exist.`,
      { hint: 'Set `src` in foundry.toml, or pass `src` to the check.' },
    )
  const queue = solidityFiles(sourceDirectory)
    .map((file) => path.relative(config.root, file).split(path.sep).join('/'))
    .sort()
    .map((unit) => ({ unit, from: undefined as string | undefined }))
  const sources: Record<string, { content: string }> = {}
  while (queue.length > 0) {
    const { unit, from } = queue.shift()!
    if (sources[unit]) continue
    let content: string
    try {
      content = readFileSync(
        path.isAbsolute(unit) ? unit : path.join(config.root, unit),
        'utf8',
      )
    } catch (error) {
      throw new FoundryProjectError(
        `Cannot read ${unit}${from ? ` (imported by ${from})` : ''}.`,
        {
          hint: 'Check the import path and the remappings (foundry.toml `remappings`, or the `remappings` parameter); dependencies must be installed.',
          metaMessages: [
            `Root: ${config.root}`,
            `Remappings: ${remappings.map((r) => `${r.context ? `${r.context}:` : ''}${r.prefix}=${r.target}`).join(', ') || '(none)'}`,
          ],
          cause: error,
        },
      )
    }
    sources[unit] = { content }
    for (const importPath of importsOf(content))
      queue.push({
        unit: resolveImport(unit, importPath, remappings),
        from: unit,
      })
  }
  return sources
}
