import type { SafeName } from '../playbooks/internal/safeOf.js'
import { CliUsageError } from './cliUsageError.js'
import type { CommandInvocation } from './types.js'
import { stringOption } from './values.js'

/** @internal `--safe ops|emergency` (default `fallback`). */
export function safeOption(
  invocation: CommandInvocation,
  fallback: SafeName,
): SafeName {
  const value = stringOption(invocation, 'safe') ?? fallback
  if (value !== 'ops' && value !== 'emergency')
    throw new CliUsageError({
      message: `--safe must be "ops" or "emergency", got "${value}".`,
      command: invocation.words.join(' '),
    })
  return value
}

/** @internal The `<safeTxHash>` argument: 0x and 64 hex digits. */
export function safeTxHashArgument(
  invocation: CommandInvocation,
): `0x${string}` {
  const [value, ...extra] = invocation.positionals
  const command = invocation.words.join(' ')
  if (value === undefined)
    throw new CliUsageError({
      message: 'Missing <safeTxHash>.',
      hint: `Copy it from "storydao-ops safe queue": storydao-ops ${command} 0x…`,
      command,
    })
  if (extra.length > 0 || !/^0x[0-9a-fA-F]{64}$/.test(value))
    throw new CliUsageError({
      message: `Expected one safeTxHash (0x and 64 hex digits), got "${invocation.positionals.join(' ')}".`,
      command,
    })
  return value as `0x${string}`
}
