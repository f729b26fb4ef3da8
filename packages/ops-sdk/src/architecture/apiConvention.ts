import { join } from 'node:path'
import ts from 'typescript'
import { repositoryRoot } from './sourceGraph.js'

/** @internal How one exported function is declared. */
export type ExportedFunction = {
  name: string
  file: string
  parameters: { name: string; type: string; optional: boolean }[]
}

/** @internal The umbrella's exported functions and exported type names, read by the compiler. */
export function readUmbrellaApi(): {
  functions: ExportedFunction[]
  types: Set<string>
} {
  const configPath = join(repositoryRoot, 'packages/ops-sdk/tsconfig.json')
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => {},
    },
  )
  if (!config) throw new Error(`cannot read ${configPath}`)
  const entry = join(repositoryRoot, 'packages/ops-sdk/src/exports/index.ts')
  const program = ts.createProgram([entry], config.options)
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(entry)!
  const moduleSymbol = checker.getSymbolAtLocation(source)!
  const functions: ExportedFunction[] = []
  const types = new Set<string>()
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias
        ? checker.getAliasedSymbol(exported)
        : exported
    if (symbol.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface))
      types.add(exported.name)
    if (!(symbol.flags & ts.SymbolFlags.Function)) continue
    const declaration = symbol.declarations?.find(ts.isFunctionDeclaration)
    if (!declaration) continue
    functions.push({
      name: exported.name,
      file: declaration
        .getSourceFile()
        .fileName.slice(repositoryRoot.length + 1),
      parameters: declaration.parameters.map((parameter) => ({
        name: parameter.name.getText(),
        type: parameter.type?.getText() ?? '',
        optional: Boolean(parameter.questionToken || parameter.initializer),
      })),
    })
  }
  return { functions, types }
}

/**
 * @internal Names of the first argument that talks to the outside world: a
 * viem client, a wallet client, a Safe service, a fork, a file's `path`
 * (the manifest functions that read and write the file system), or a
 * playbook step's ops `context` (which holds the client and the service).
 */
export const outsideWorldNames = new Set([
  'client',
  'wallet',
  'service',
  'fork',
  'path',
  'context',
])

/**
 * @internal Deliberate exceptions, each with its reason; keep this list short.
 */
export const conventionExceptions: Readonly<Record<string, string>> = {
  isHexEqual:
    "(a, b) on purpose: the hex twin of viem's isAddressEqual(a, b), which callers use beside it",
  assertParameters:
    'the runtime guard every package calls first thing in each export; positional to keep those one-liners readable',
}

/** @internal `buildSafePlan` → `BuildSafePlan`. */
export function toTypePrefix(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1)
}

/**
 * @internal The convention violations of one exported function: at most two
 * arguments; with two, the first is a client, wallet, service or fork and the
 * second a `…Parameters` object; `…ReturnType` and `…ErrorType` exported, and
 * `…Parameters` when it takes one.
 */
export function conventionViolations(
  fn: ExportedFunction,
  types: ReadonlySet<string>,
): string[] {
  if (fn.name in conventionExceptions) return []
  const problems: string[] = []
  const prefix = toTypePrefix(fn.name)
  const [first, second, ...extra] = fn.parameters
  if (extra.length > 0)
    problems.push(`takes ${fn.parameters.length} arguments (at most 2)`)
  if (second && !outsideWorldNames.has(first!.name))
    problems.push(
      `first of two arguments is "${first!.name}", expected one of ${[...outsideWorldNames].join('/')}`,
    )
  const parameters = second ?? first
  const takesParameters = parameters && /Parameters\b/.test(parameters.type)
  if (second && !takesParameters)
    problems.push(
      `second argument is typed "${second.type}", expected ${prefix}Parameters`,
    )
  if (takesParameters && !types.has(`${prefix}Parameters`))
    problems.push(`${prefix}Parameters is not exported`)
  if (!types.has(`${prefix}ReturnType`))
    problems.push(`${prefix}ReturnType is not exported`)
  if (!types.has(`${prefix}ErrorType`))
    problems.push(`${prefix}ErrorType is not exported`)
  return problems.map((problem) => `${fn.name} (${fn.file}): ${problem}`)
}
