import { rejectSafeTransaction } from '../../playbooks/safe/rejectSafeTransaction.js'
import { CliUsageError } from '../cliUsageError.js'
import { nonceOption } from '../nonceOption.js'
import { openContext } from '../openContext.js'
import { createOutput } from '../output.js'
import { recordForIncident } from '../recordForIncident.js'
import {
  renderSafeTransaction,
  toSafeTransactionJson,
} from '../renderSafeTransaction.js'
import { safeOption } from '../safeOption.js'
import type { CommandInvocation } from '../types.js'

/** `storydao-ops safe reject --nonce <n> [--safe ops|emergency]`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const safe = safeOption(invocation, 'ops')
  const nonce = nonceOption(invocation)
  if (nonce === undefined)
    throw new CliUsageError({
      message: '--nonce <n> is required: the queued nonce to reject.',
      hint: 'Find it with "storydao-ops safe queue", then: storydao-ops safe reject --nonce <n>',
      command: invocation.words.join(' '),
    })
  output.step(`Load the ${invocation.values.network ?? 'local'} network`)
  const context = await openContext(invocation)
  const outcome = await rejectSafeTransaction(context, {
    safe,
    nonce,
    propose: invocation.values.propose === true,
    onStep: output.step,
  })
  output.result(
    toSafeTransactionJson(outcome),
    renderSafeTransaction(outcome, {
      output,
      root: context.root,
      networkName: context.networkName,
    }),
  )
  await recordForIncident(invocation, output, {
    summary: `${outcome.title} on the ${outcome.safeName} Safe${outcome.proposed ? ', proposed' : ''}`,
    details: [
      `safeTxHash ${outcome.safeTxHash}`,
      `Transaction Builder file ${outcome.files.transactionBuilder}`,
    ],
  })
  return outcome.rehearsal.ok ? 0 : 1
}
