import type { CommandInvocation } from './types.js'
import { stringOption, wholeNumberOption } from './values.js'

/** @internal `--nonce next|<n>`: `undefined` for the next free nonce. */
export function nonceOption(invocation: CommandInvocation): bigint | undefined {
  if (stringOption(invocation, 'nonce') === 'next') return undefined
  return wholeNumberOption(invocation, 'nonce', '"next" or a whole number')
}
