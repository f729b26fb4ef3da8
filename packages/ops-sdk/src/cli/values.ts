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
