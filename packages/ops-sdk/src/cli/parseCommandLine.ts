import { parseArgs } from 'node:util'
import { CliUsageError } from './cliUsageError.js'
import { commands, globalOptions } from './commandTable.js'
import type { CommandOption, CommandSpec } from './types.js'

/** @internal The outcome of reading `argv`. */
export type ParsedCommandLine =
  | { kind: 'help'; command?: CommandSpec | undefined; group?: string[] }
  | { kind: 'version' }
  | {
      kind: 'run'
      command: CommandSpec
      values: Record<string, string | boolean | string[] | undefined>
      positionals: string[]
    }

/** @internal Finds the longest run of command words that names a command. */
export function findCommand(argv: readonly string[]): {
  command?: CommandSpec | undefined
  rest: string[]
  words: string[]
} {
  const words: string[] = []
  for (const arg of argv) {
    if (arg.startsWith('-')) break
    words.push(arg)
  }
  for (let length = words.length; length > 0; length--) {
    const prefix = words.slice(0, length)
    const command = commands.find(
      (spec) =>
        spec.words.length === length &&
        spec.words.every((word, index) => word === prefix[index]),
    )
    if (command)
      return {
        command,
        rest: argv.slice(length),
        words: prefix,
      }
  }
  return { rest: [...argv], words }
}

/** @internal Reads `argv` (without `node` and the script). */
export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  if (argv.length === 0 || argv[0] === 'help')
    return argv.length > 1 ? helpFor(argv.slice(1)) : { kind: 'help' }
  if (argv[0] === '--help' || argv[0] === '-h') return { kind: 'help' }
  if (argv[0] === '--version' || argv[0] === '-v') return { kind: 'version' }

  const { command, rest, words } = findCommand(argv)
  if (!command) {
    const group = commands.filter((spec) => spec.words[0] === words[0])
    if (group.length > 0 && (words.length === 1 || rest.includes('--help')))
      return { kind: 'help', group: [words[0]!] }
    throw new CliUsageError({
      message: `Unknown command "${words.join(' ') || argv[0]}".`,
      hint: suggest(words.join(' ')),
    })
  }
  const options: Record<string, CommandOption> = {
    ...globalOptions,
    ...command.options,
  }
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: rest,
      options: Object.fromEntries(
        Object.entries(options).map(([name, option]) => [
          name,
          {
            type: option.type,
            ...(option.multiple ? { multiple: true } : {}),
            ...(option.short ? { short: option.short } : {}),
          },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    throw new CliUsageError({
      message: `${(error as Error).message.replace(/\.$/, '')}.`,
      command: command.words.join(' '),
    })
  }
  if (parsed.values.help) return { kind: 'help', command }
  return {
    kind: 'run',
    command,
    values: parsed.values as Record<string, string | boolean | string[]>,
    positionals: parsed.positionals,
  }
}

function helpFor(words: readonly string[]): ParsedCommandLine {
  const { command } = findCommand(words)
  if (command) return { kind: 'help', command }
  if (commands.some((spec) => spec.words[0] === words[0]))
    return { kind: 'help', group: [words[0]!] }
  throw new CliUsageError({
    message: `Unknown command "${words.join(' ')}".`,
    hint: suggest(words.join(' ')),
  })
}

function suggest(typed: string): string {
  const names = commands.map((spec) => spec.words.join(' '))
  const close = names.filter(
    (name) =>
      name.startsWith(typed.slice(0, 3)) ||
      typed.startsWith(name.split(' ')[0]!),
  )
  return close.length > 0
    ? `Did you mean ${close.map((name) => `"${name}"`).join(' or ')}? Run "storydao-ops --help" for every command.`
    : 'Run "storydao-ops --help" for every command.'
}
