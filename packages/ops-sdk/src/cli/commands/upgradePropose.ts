import { relative } from 'node:path'
import { draftGovernorUpgrade } from '../../playbooks/upgrade/draftGovernorUpgrade.js'
import { proposeUpgrade } from '../../playbooks/upgrade/proposeUpgrade.js'
import { CliUsageError } from '../cliUsageError.js'
import { nonceOption } from '../nonceOption.js'
import { openContext } from '../openContext.js'
import { createOutput, type Output } from '../output.js'
import { recordForIncident } from '../recordForIncident.js'
import { renderGovernorProposal } from '../renderGovernorProposal.js'
import {
  renderSafeTransaction,
  toSafeTransactionJson,
} from '../renderSafeTransaction.js'
import { requiredOption } from '../requiredOption.js'
import type { CommandInvocation } from '../types.js'
import { stringOption, wholeNumberOption } from '../values.js'

/** `storydao-ops upgrade propose --id <upgrade> --via timelock|governor`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const id = requiredOption(
    invocation,
    'id',
    'the upgrade id written by "upgrade prepare"',
  )
  const via = stringOption(invocation, 'via') ?? 'timelock'
  if (via === 'governor') return viaGovernor(invocation, output, id)
  if (via !== 'timelock')
    throw new CliUsageError({
      message: `--via ${via} is not supported: use --via timelock (the ops Safe schedules on the timelock) or --via governor (a StoryDAO vote).`,
      command: invocation.words.join(' '),
    })
  const delay = wholeNumberOption(
    invocation,
    'delay',
    'a whole number of seconds',
  )
  const nonce = nonceOption(invocation)
  output.step(`Load the ${invocation.values.network ?? 'local'} network`)
  const context = await openContext(invocation)
  const outcome = await proposeUpgrade(context, {
    id,
    via,
    delay,
    nonce,
    contracts: stringOption(invocation, 'contracts'),
    propose: invocation.values.propose === true,
    onStep: output.step,
  })
  output.result(
    toSafeTransactionJson(outcome, {
      upgrade: outcome.upgrade,
      operationId: outcome.operationId,
      delay: outcome.delay,
    }),
    [
      `Timelock operation ${outcome.operationId} (delay ${outcome.delay} s once executed)`,
      ...renderSafeTransaction(outcome, {
        output,
        root: context.root,
        networkName: context.networkName,
      }),
    ],
  )
  await recordForIncident(invocation, output, {
    summary: `${outcome.title}: ops Safe transaction nonce ${outcome.nonce}${outcome.proposed ? ', proposed' : ''}${outcome.rehearsal.ok ? '' : ' (rehearsal FAILED)'}`,
    details: [
      `safeTxHash ${outcome.safeTxHash}`,
      `timelock operation ${outcome.operationId}`,
      `Transaction Builder file ${outcome.files.transactionBuilder}`,
      ...(outcome.approveUrl ? [`Approve: ${outcome.approveUrl}`] : []),
    ],
  })
  return outcome.rehearsal.ok ? 0 : 1
}

async function viaGovernor(
  invocation: CommandInvocation,
  output: Output,
  id: string,
): Promise<number> {
  const nonce = nonceOption(invocation)
  output.step(`Load the ${invocation.values.network ?? 'local'} network`)
  const context = await openContext(invocation)
  const drafted = await draftGovernorUpgrade(context, {
    id,
    nonce,
    contracts: stringOption(invocation, 'contracts'),
    propose: invocation.values.propose === true,
    onStep: output.step,
  })
  const draft = relative(context.root, drafted.draft)
  output.result(
    toSafeTransactionJson(drafted, {
      ok: drafted.rehearsal.ok && drafted.rollback.ok,
      via: 'governor',
      upgrade: drafted.upgrade,
      proposalId: drafted.proposalId,
      propose: drafted.propose,
      calldata: drafted.propose.data,
      description: drafted.description,
      descriptionHash: drafted.descriptionHash,
      earliestExecution: drafted.earliestExecution,
      draft,
      rollback: drafted.rollback,
    }),
    renderGovernorProposal(drafted, { output, id, draft, context }),
  )
  await recordForIncident(invocation, output, {
    summary: `Upgrade ${id}: StoryDAO proposal ${drafted.proposalId} drafted, ops Safe transaction nonce ${drafted.nonce}${drafted.proposed ? ', proposed' : ''}${drafted.rehearsal.ok && drafted.rollback.ok ? '' : ' (rehearsal FAILED)'}`,
    details: [
      `safeTxHash ${drafted.safeTxHash}`,
      `forum draft ${draft}`,
      `rollback rehearsal ${drafted.rollback.ok ? 'passed' : 'FAILED'}`,
      `Transaction Builder file ${drafted.files.transactionBuilder}`,
    ],
  })
  return drafted.rehearsal.ok && drafted.rollback.ok ? 0 : 1
}
