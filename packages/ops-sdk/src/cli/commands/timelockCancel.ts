import type { Hex } from 'viem'
import { cancelTimelockOperations } from '../../playbooks/timelock/cancelTimelockOperations.js'
import { CliUsageError } from '../cliUsageError.js'
import { nonceOption } from '../nonceOption.js'
import { openContext } from '../openContext.js'
import { createOutput } from '../output.js'
import { recordForIncident } from '../recordForIncident.js'
import {
  renderSafeTransaction,
  toSafeTransactionJson,
} from '../renderSafeTransaction.js'
import type { CommandInvocation } from '../types.js'

/** `storydao-ops timelock cancel --all | <id>…`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const operations = operationsArgument(invocation)
  const nonce = nonceOption(invocation)
  output.step(`Load the ${invocation.values.network ?? 'local'} network`)
  const context = await openContext(invocation)
  const outcome = await cancelTimelockOperations(context, {
    operations,
    nonce,
    propose: invocation.values.propose === true,
    onStep: output.step,
  })
  output.result(
    toSafeTransactionJson(outcome, { cancelled: outcome.cancelled }),
    [
      `Operations cancelled by this transaction: ${outcome.cancelled.join(', ')}`,
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
      ...outcome.cancelled.map((id) => `operation ${id}`),
      `safeTxHash ${outcome.safeTxHash}`,
      `Transaction Builder file ${outcome.files.transactionBuilder}`,
      ...(outcome.approveUrl ? [`Approve: ${outcome.approveUrl}`] : []),
    ],
  })
  return outcome.rehearsal.ok ? 0 : 1
}

function operationsArgument(invocation: CommandInvocation): Hex[] | 'all' {
  const ids = invocation.positionals
  const all = invocation.values.all === true
  if (all === ids.length > 0)
    throw new CliUsageError({
      message: all
        ? 'Pass either --all or operation ids, not both.'
        : 'timelock cancel needs --all or at least one operation id.',
      command: 'timelock cancel',
    })
  if (all) return 'all'
  const bad = ids.filter((id) => !/^0x[0-9a-fA-F]{64}$/.test(id))
  if (bad.length > 0)
    throw new CliUsageError({
      message: `An operation id is "0x" and 64 hex digits; got ${bad.map((id) => `"${id}"`).join(', ')}.`,
      hint: 'Copy the ids from "storydao-ops timelock list".',
      command: 'timelock cancel',
    })
  return ids as Hex[]
}
