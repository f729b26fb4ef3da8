import { pauseContracts } from '../../playbooks/pauseContracts.js'
import { nonceOption } from '../nonceOption.js'
import { openContext } from '../openContext.js'
import { createOutput } from '../output.js'
import { recordForIncident } from '../recordForIncident.js'
import {
  renderSafeTransaction,
  toSafeTransactionJson,
} from '../renderSafeTransaction.js'
import type { CommandInvocation } from '../types.js'
import { stringsOption } from '../values.js'

/** `storydao-ops pause [--target <name>…]`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const targets = stringsOption(invocation, 'target')
  const nonce = nonceOption(invocation)
  output.step(`Load the ${invocation.values.network ?? 'local'} network`)
  const context = await openContext(invocation)
  const outcome = await pauseContracts(context, {
    targets: targets.length > 0 ? targets : undefined,
    nonce,
    propose: invocation.values.propose === true,
    onStep: output.step,
  })
  output.result(
    toSafeTransactionJson(outcome, {
      paused: outcome.paused,
      skipped: outcome.skipped,
    }),
    [
      ...(outcome.skipped.length > 0
        ? [`Already paused, skipped: ${outcome.skipped.join(', ')}`]
        : []),
      ...renderSafeTransaction(outcome, {
        output,
        root: context.root,
        networkName: context.networkName,
      }),
    ],
  )
  await recordForIncident(invocation, output, {
    summary: `${outcome.title}: emergency Safe transaction nonce ${outcome.nonce}${outcome.proposed ? ', proposed' : ''}${outcome.rehearsal.ok ? '' : ' (rehearsal FAILED)'}`,
    details: [
      `safeTxHash ${outcome.safeTxHash}`,
      `Transaction Builder file ${outcome.files.transactionBuilder}`,
      ...(outcome.approveUrl ? [`Approve: ${outcome.approveUrl}`] : []),
    ],
  })
  return outcome.rehearsal.ok ? 0 : 1
}
