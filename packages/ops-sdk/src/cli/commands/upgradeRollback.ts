import { relative } from 'node:path'
import { rollbackUpgrade } from '../../playbooks/upgrade/rollbackUpgrade.js'
import { nonceOption } from '../nonceOption.js'
import { openContext } from '../openContext.js'
import { createOutput } from '../output.js'
import { recordForIncident } from '../recordForIncident.js'
import { renderGovernorProposal } from '../renderGovernorProposal.js'
import {
  renderSafeTransaction,
  toSafeTransactionJson,
} from '../renderSafeTransaction.js'
import { requiredOption } from '../requiredOption.js'
import type { CommandInvocation } from '../types.js'
import { stringOption, wholeNumberOption } from '../values.js'

/** `storydao-ops upgrade rollback --id <upgrade>`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const id = requiredOption(invocation, 'id', 'the executed upgrade to reverse')
  const delay = wholeNumberOption(
    invocation,
    'delay',
    'a whole number of seconds',
  )
  const nonce = nonceOption(invocation)
  output.step(`Load the ${invocation.values.network ?? 'local'} network`)
  const context = await openContext(invocation)
  const result = await rollbackUpgrade(context, {
    id,
    rollbackId: stringOption(invocation, 'rollback-id'),
    delay,
    nonce,
    contracts: stringOption(invocation, 'contracts'),
    propose: invocation.values.propose === true,
    onStep: output.step,
  })
  const { rollback } = result
  const head = [
    output.bold(`Rollback ${rollback.id} of ${id} (${result.route} route)`),
    `  ${rollback.target}   ${rollback.fromImplementation} → ${rollback.toImplementation}`,
  ]
  if (result.governor) {
    const governor = result.governor
    const draft = relative(context.root, governor.draft)
    output.result(
      toSafeTransactionJson(governor, {
        ok: governor.rehearsal.ok && governor.rollback.ok,
        route: result.route,
        rollback,
        proposalId: governor.proposalId,
        propose: governor.propose,
        calldata: governor.propose.data,
        description: governor.description,
        earliestExecution: governor.earliestExecution,
        draft,
        rollbackRehearsal: governor.rollback,
      }),
      [
        ...head,
        ...renderGovernorProposal(governor, {
          output,
          id: rollback.id,
          draft,
          context,
        }),
        '',
        `Next: once proposed and voted, storydao-ops upgrade queue --id ${rollback.id}`,
      ],
    )
    await recordForIncident(invocation, output, {
      summary: `Rollback ${rollback.id} of ${id}: StoryDAO proposal ${governor.proposalId} drafted, ops Safe transaction nonce ${governor.nonce}${governor.proposed ? ', proposed' : ''}`,
      details: [`safeTxHash ${governor.safeTxHash}`, `forum draft ${draft}`],
    })
    return governor.rehearsal.ok && governor.rollback.ok ? 0 : 1
  }
  const outcome = result.timelock!
  output.result(
    toSafeTransactionJson(outcome, {
      route: result.route,
      rollback,
      operationId: outcome.operationId,
      delay: outcome.delay,
    }),
    [
      ...head,
      `  Timelock operation ${outcome.operationId} (delay ${outcome.delay} s once executed)`,
      ...renderSafeTransaction(outcome, {
        output,
        root: context.root,
        networkName: context.networkName,
      }),
    ],
  )
  await recordForIncident(invocation, output, {
    summary: `Rollback ${rollback.id} of ${id}: ops Safe transaction nonce ${outcome.nonce}${outcome.proposed ? ', proposed' : ''}${outcome.rehearsal.ok ? '' : ' (rehearsal FAILED)'}`,
    details: [
      `safeTxHash ${outcome.safeTxHash}`,
      `timelock operation ${outcome.operationId}`,
    ],
  })
  return outcome.rehearsal.ok ? 0 : 1
}
