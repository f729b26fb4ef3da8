import { CliUsageError } from './cliUsageError.js'
import type { CommandInvocation } from './types.js'

/** @internal A string option's value, if given. */
export function stringOption(
  invocation: CommandInvocation,
  name: string,
): string | undefined {
  const value = invocation.values[name]
  return typeof value === 'string' ? value : undefined
}

/** @internal A repeatable string option's values (empty when absent). */
export function stringsOption(
  invocation: CommandInvocation,
  name: string,
): string[] {
  const value = invocation.values[name]
  if (Array.isArray(value)) return value
  return typeof value === 'string' ? [value] : []
}

/**
 * @internal A whole-number option (`--block`, `--delay`, `--nonce`) as a
 * bigint; `expected` completes "--<name> must be …" in the usage error.
 */
export function wholeNumberOption(
  invocation: CommandInvocation,
  name: string,
  expected: string,
): bigint | undefined {
  const value = stringOption(invocation, name)
  if (value === undefined) return undefined
  if (!/^\d{1,20}$/.test(value))
    throw new CliUsageError({
      message: `--${name} must be ${expected}, got "${value}".`,
      command: invocation.words.join(' '),
    })
  return BigInt(value)
}
