import { CliUsageError } from './cliUsageError.js'
import type { CommandInvocation } from './types.js'
import { stringOption } from './values.js'

/** @internal `--nonce next|<n>`: `undefined` for the next free nonce. */
export function nonceOption(invocation: CommandInvocation): bigint | undefined {
  const value = stringOption(invocation, 'nonce')
  if (value === undefined || value === 'next') return undefined
  if (!/^\d{1,20}$/.test(value))
    throw new CliUsageError({
      message: `--nonce must be "next" or a whole number, got "${value}".`,
      command: invocation.words.join(' '),
    })
  return BigInt(value)
}
