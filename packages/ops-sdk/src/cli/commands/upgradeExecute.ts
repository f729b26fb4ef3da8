import { executeUpgrade } from '../../playbooks/upgrade/executeUpgrade.js'
import { nonceOption } from '../nonceOption.js'
import { openContext } from '../openContext.js'
import { createOutput } from '../output.js'
import { recordForIncident } from '../recordForIncident.js'
import {
  renderSafeTransaction,
  toSafeTransactionJson,
} from '../renderSafeTransaction.js'
import { requiredOption } from '../requiredOption.js'
import type { CommandInvocation } from '../types.js'
import { stringOption } from '../values.js'

/** `storydao-ops upgrade execute --id <upgrade>`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const id = requiredOption(invocation, 'id', 'the upgrade id')
  const nonce = nonceOption(invocation)
  output.step(`Load the ${invocation.values.network ?? 'local'} network`)
  const context = await openContext(invocation)
  const outcome = await executeUpgrade(context, {
    id,
    nonce,
    contracts: stringOption(invocation, 'contracts'),
    propose: invocation.values.propose === true,
    onStep: output.step,
  })
  output.result(
    toSafeTransactionJson(outcome, {
      route: outcome.route,
      upgrade: outcome.upgrade,
      operationId: outcome.operationId,
    }),
    [
      `Executes timelock operation ${outcome.operationId} (${outcome.route} route)`,
      ...renderSafeTransaction(outcome, {
        output,
        root: context.root,
        networkName: context.networkName,
      }),
      '',
      `Once executed: storydao-ops upgrade validate --id ${id} --network ${context.networkName}`,
    ],
  )
  await recordForIncident(invocation, output, {
    summary: `${outcome.title}: ops Safe transaction nonce ${outcome.nonce}${outcome.proposed ? ', proposed' : ''}${outcome.rehearsal.ok ? '' : ' (rehearsal FAILED)'}`,
    details: [
      `safeTxHash ${outcome.safeTxHash}`,
      `timelock operation ${outcome.operationId}`,
      `Transaction Builder file ${outcome.files.transactionBuilder}`,
    ],
  })
  return outcome.rehearsal.ok ? 0 : 1
}
