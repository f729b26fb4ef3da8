import type { OutputStreams } from './output.js'

/** @internal One option of a command, in `node:util` `parseArgs` terms. */
export type CommandOption = {
  type: 'string' | 'boolean'
  multiple?: boolean
  short?: string
  /** Shown in `--help`. */
  description: string
  /** Shown in `--help` after the flag (`<n>`, `<file>`). */
  value?: string
}

/** @internal What a command module exports. */
export type CommandModule = {
  run(invocation: CommandInvocation): Promise<number>
}

/** @internal The parsed command line handed to a command module. */
export type CommandInvocation = {
  /** The command words (`['timelock', 'cancel']`). */
  words: readonly string[]
  /** The arguments as typed, for logs. */
  argv: readonly string[]
  /** Option values by name (global options included). */
  values: Record<string, string | boolean | string[] | undefined>
  /** Positional arguments after the command words. */
  positionals: string[]
  /** Where the user runs the command (or `--root`). */
  cwd: string
  env: Readonly<Record<string, string | undefined>>
  streams: OutputStreams
}

/** @internal A command: its words, help text and lazy module. */
export type CommandSpec = {
  /** `['pause']`, `['timelock', 'list']`. */
  words: readonly string[]
  summary: string
  usage: string
  description?: string
  options: Record<string, CommandOption>
  examples: readonly string[]
  load(): Promise<CommandModule>
}
