import { resolve } from 'node:path'
import { reviewSafeTransaction } from '../../playbooks/review/reviewSafeTransaction.js'
import { CliUsageError } from '../cliUsageError.js'
import { openContext } from '../openContext.js'
import { createOutput } from '../output.js'
import { renderReview } from '../renderReview.js'
import type { CommandInvocation } from '../types.js'

/** `storydao-ops review <safeTxHash | file>`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const input = reviewArgument(invocation)
  output.step(`Load the ${invocation.values.network ?? 'local'} network`)
  const context = await openContext(invocation)
  const review = await reviewSafeTransaction(context, {
    ...input,
    onStep: output.step,
  })
  output.result(review, renderReview(review, output))
  return review.ok ? 0 : 1
}

function reviewArgument(
  invocation: CommandInvocation,
): { safeTxHash: `0x${string}` } | { file: string } {
  const [value, ...extra] = invocation.positionals
  if (value === undefined || extra.length > 0)
    throw new CliUsageError({
      message:
        value === undefined
          ? 'Missing <safeTxHash | file>.'
          : `review takes one <safeTxHash | file>, got ${invocation.positionals.length}.`,
      hint: 'storydao-ops review 0x… (from "storydao-ops safe queue") or storydao-ops review safe-transactions/<network>/<file>.json',
      command: 'review',
    })
  if (/^0x[0-9a-fA-F]{64}$/.test(value))
    return { safeTxHash: value as `0x${string}` }
  if (value.startsWith('0x'))
    throw new CliUsageError({
      message: `"${value}" is not a safeTxHash (0x and 64 hex digits).`,
      command: 'review',
    })
  return { file: resolve(invocation.cwd, value) }
}
