import { executeUnpause } from '../../playbooks/unpause/executeUnpause.js'
import { scheduleUnpause } from '../../playbooks/unpause/scheduleUnpause.js'
import { nonceOption } from '../nonceOption.js'
import { openContext } from '../openContext.js'
import { createOutput } from '../output.js'
import { recordForIncident } from '../recordForIncident.js'
import {
  renderSafeTransaction,
  toSafeTransactionJson,
} from '../renderSafeTransaction.js'
import type { CommandInvocation } from '../types.js'
import { stringsOption, wholeNumberOption } from '../values.js'

/** `storydao-ops unpause [--target <name>…] [--execute]`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const names = stringsOption(invocation, 'target')
  const targets = names.length > 0 ? names : undefined
  const delay = wholeNumberOption(
    invocation,
    'delay',
    'a whole number of seconds',
  )
  const nonce = nonceOption(invocation)
  output.step(`Load the ${invocation.values.network ?? 'local'} network`)
  const context = await openContext(invocation)
  const common = {
    targets,
    nonce,
    propose: invocation.values.propose === true,
    onStep: output.step,
  }
  const render = {
    output,
    root: context.root,
    networkName: context.networkName,
  }
  if (invocation.values.execute === true) {
    const outcome = await executeUnpause(context, common)
    output.result(
      toSafeTransactionJson(outcome, {
        unpaused: outcome.unpaused,
        operationId: outcome.operationId,
      }),
      [
        `Executes timelock operation ${outcome.operationId}`,
        ...renderSafeTransaction(outcome, render),
      ],
    )
    await record(invocation, output, outcome, outcome.operationId)
    return outcome.rehearsal.ok ? 0 : 1
  }
  const outcome = await scheduleUnpause(context, { ...common, delay })
  output.result(
    toSafeTransactionJson(outcome, {
      unpaused: outcome.unpaused,
      skipped: outcome.skipped,
      operationId: outcome.operationId,
      delay: outcome.delay,
    }),
    [
      ...(outcome.skipped.length > 0
        ? [`Not paused, skipped: ${outcome.skipped.join(', ')}`]
        : []),
      `Timelock operation ${outcome.operationId} (delay ${outcome.delay} s once executed)`,
      ...renderSafeTransaction(outcome, render),
      '',
      `After the delay: storydao-ops unpause --execute --network ${context.networkName}`,
    ],
  )
  await record(invocation, output, outcome, outcome.operationId)
  return outcome.rehearsal.ok ? 0 : 1
}

async function record(
  invocation: CommandInvocation,
  output: ReturnType<typeof createOutput>,
  outcome: Parameters<typeof renderSafeTransaction>[0],
  operationId: string,
): Promise<void> {
  await recordForIncident(invocation, output, {
    summary: `${outcome.title}: ops Safe transaction nonce ${outcome.nonce}${outcome.proposed ? ', proposed' : ''}${outcome.rehearsal.ok ? '' : ' (rehearsal FAILED)'}`,
    details: [
      `safeTxHash ${outcome.safeTxHash}`,
      `timelock operation ${operationId}`,
      `Transaction Builder file ${outcome.files.transactionBuilder}`,
    ],
  })
}
