import { CliUsageError } from './cliUsageError.js'
import type { CommandInvocation } from './types.js'
import { stringOption } from './values.js'

/** @internal A string option the command cannot run without. */
export function requiredOption(
  invocation: CommandInvocation,
  name: string,
  what: string,
): string {
  const value = stringOption(invocation, name)
  if (value === undefined || value === '')
    throw new CliUsageError({
      message: `--${name} is required: ${what}.`,
      command: invocation.words.join(' '),
    })
  return value
}
