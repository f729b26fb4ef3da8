import { commands, globalOptions } from './commandTable.js'
import type { CommandOption, CommandSpec } from './types.js'

const intro = `storydao-ops: StoryDAO's privileged operations as Safe multisig transactions.

Every command that changes the chain builds a Safe transaction, rehearses it on a
fork with the protocol's invariants, writes the Safe{Wallet} Transaction Builder
file and, with --propose, sends it to the Safe Transaction Service.`

function optionLines(options: Record<string, CommandOption>): string[] {
  const rows = Object.entries(options).map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${name}${option.value ? ` ${option.value}` : ''}`
    return [flag, option.description] as const
  })
  const width = Math.max(...rows.map(([flag]) => flag.length))
  return rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`)
}

function commandList(specs: readonly CommandSpec[]): string[] {
  const names = specs.map((spec) => spec.words.join(' '))
  const width = Math.max(...names.map((name) => name.length))
  return specs.map(
    (spec, index) => `  ${names[index]!.padEnd(width)}  ${spec.summary}`,
  )
}

/** @internal The text of `storydao-ops --help` / `help <command>`. */
export function renderHelp(
  target: {
    command?: CommandSpec | undefined
    group?: string[] | undefined
  } = {},
): string {
  if (target.command) {
    const spec = target.command
    return [
      `Usage: ${spec.usage}`,
      '',
      spec.summary,
      ...(spec.description ? ['', spec.description] : []),
      ...(Object.keys(spec.options).length > 0
        ? ['', 'Options:', ...optionLines(spec.options)]
        : []),
      '',
      'Global options:',
      ...optionLines(globalOptions),
      '',
      'Examples:',
      ...spec.examples.map((example) => `  $ ${example}`),
      '',
      'Exit codes: 0 done, 1 a check failed, 2 bad input or usage, 3 an RPC or service could not be reached.',
      '',
    ].join('\n')
  }
  if (target.group) {
    const specs = commands.filter((spec) => spec.words[0] === target.group![0])
    return [
      `Usage: storydao-ops ${target.group[0]} <command> [options]`,
      '',
      'Commands:',
      ...commandList(specs),
      '',
      `Run "storydao-ops ${target.group[0]} <command> --help" for a command's options and an example.`,
      '',
    ].join('\n')
  }
  return [
    intro,
    '',
    'Usage: storydao-ops <command> [options]',
    '',
    'Commands:',
    ...commandList(commands),
    '',
    'Global options:',
    ...optionLines(globalOptions),
    '',
    'Run "storydao-ops <command> --help" for a command\'s options and an example.',
    'Exit codes: 0 done, 1 a check failed, 2 bad input or usage, 3 an RPC or service could not be reached.',
    '',
  ].join('\n')
}
