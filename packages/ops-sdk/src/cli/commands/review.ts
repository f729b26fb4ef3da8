import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { writeFileAtomic } from '@storydao/core'
import type { ReviewInput } from '../../playbooks/review/loadReviewInput.js'
import { renderReviewHtml } from '../../playbooks/review/renderReviewHtml.js'
import { reviewSafeTransaction } from '../../playbooks/review/reviewSafeTransaction.js'
import { CliUsageError } from '../cliUsageError.js'
import { readEmergencyLanesInput } from '../emergencyLanesInput.js'
import { openContext } from '../openContext.js'
import { createOutput } from '../output.js'
import { renderReview } from '../renderReview.js'
import type { CommandInvocation } from '../types.js'
import { stringOption } from '../values.js'

/** `storydao-ops review <safeTxHash | file>`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const input = await reviewArgument(invocation)
  const html = htmlOption(invocation)
  output.step(`Load the ${invocation.values.network ?? 'local'} network`)
  const context = await openContext(invocation)
  const review = await reviewSafeTransaction(context, {
    ...input,
    contracts: stringOption(invocation, 'contracts'),
    onStep: output.step,
  })
  if (html !== undefined) {
    output.step(`Write the review page ${html}`)
    await writeFileAtomic({ path: html, data: renderReviewHtml({ review }) })
  }
  output.result(
    html === undefined ? review : { ...review, html },
    renderReview(review, output),
  )
  return review.ok ? 0 : 1
}

type ReviewArgument =
  | { safeTxHash: `0x${string}` }
  | { file: string }
  | Extract<ReviewInput, { safeTx: unknown }>

async function reviewArgument(
  invocation: CommandInvocation,
): Promise<ReviewArgument> {
  const lane = stringOption(invocation, 'lane')
  if (lane !== undefined) return laneArgument(invocation, lane)
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

/** `--html <file>`, resolved against the working folder. */
function htmlOption(invocation: CommandInvocation): string | undefined {
  const value = invocation.values.html
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value.trim() === '')
    throw new CliUsageError({
      message: '--html needs a file name.',
      hint: 'storydao-ops review 0x… --html review.html',
      command: 'review',
    })
  const path = resolve(invocation.cwd, value)
  // Found before the review runs, which takes a fork and a minute.
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory())
    throw new CliUsageError({
      message: `--html ${value} is a folder; it needs a file name.`,
      hint: `storydao-ops review 0x… --html ${value.replace(/\/+$/, '')}/review.html`,
      command: 'review',
    })
  return path
}

/** `--lane <target>@<nonce>`: a lane of the emergency lanes file, with its claimed safeTxHash. */
async function laneArgument(
  invocation: CommandInvocation,
  id: string,
): Promise<ReviewArgument> {
  if (invocation.positionals.length > 0)
    throw new CliUsageError({
      message: 'Pass a <safeTxHash | file> or --lane, not both.',
      command: 'review',
    })
  const { path, file } = await readEmergencyLanesInput(invocation)
  const lane = file.lanes.find((entry) => entry.id === id)
  if (!lane) {
    const { EmergencyLaneUnknownError } = await import(
      '../../errors/emergency.js'
    )
    throw new EmergencyLaneUnknownError({
      asked: id,
      known: file.lanes.map((entry) => entry.id),
    })
  }
  return {
    safe: file.safe,
    safeTx: lane.safeTx,
    claim: { by: `the lanes file ${path}`, safeTxHash: lane.safeTxHash },
  }
}
