import { queueUpgrade } from '../../playbooks/upgrade/queueUpgrade.js'
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

const iso = (seconds: bigint) =>
  new Date(Number(seconds) * 1000).toISOString().replace('.000Z', 'Z')

/** `storydao-ops upgrade queue --id <upgrade>`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const id = requiredOption(invocation, 'id', 'the upgrade id')
  const nonce = nonceOption(invocation)
  output.step(`Load the ${invocation.values.network ?? 'local'} network`)
  const context = await openContext(invocation)
  const queued = await queueUpgrade(context, {
    id,
    nonce,
    contracts: stringOption(invocation, 'contracts'),
    propose: invocation.values.propose === true,
    onStep: output.step,
  })
  const { transaction } = queued
  const extra = {
    route: queued.route,
    upgrade: queued.upgrade,
    operationId: queued.operationId,
    readyAt: queued.readyAt ?? null,
  }
  if (!transaction) {
    output.result({ ok: true, ...extra, safeTxHash: null }, [
      output.bold(`Upgrade ${id} is queued on the timelock`),
      `  Route         ${queued.route === 'timelock' ? 'timelock (scheduled by the ops-Safe batch of upgrade propose: nothing to sign)' : `governor (proposal ${queued.upgrade.proposalId} queued)`}`,
      `  Operation     ${queued.operationId}`,
      `  Executable    from ${iso(queued.readyAt!)}`,
      `  Manifest      status ${queued.upgrade.status}`,
      '',
      `Next, after the delay: storydao-ops upgrade execute --id ${id} --network ${context.networkName}`,
    ])
    await recordForIncident(invocation, output, {
      summary: `Upgrade ${id} queued: timelock operation ${queued.operationId}`,
      details: [`executable from ${iso(queued.readyAt!)}`],
    })
    return 0
  }
  output.result(toSafeTransactionJson(transaction, extra), [
    `Governor queue of proposal ${queued.upgrade.proposalId}: timelock operation ${queued.operationId}`,
    ...renderSafeTransaction(transaction, {
      output,
      root: context.root,
      networkName: context.networkName,
    }),
  ])
  await recordForIncident(invocation, output, {
    summary: `${transaction.title}: ops Safe transaction nonce ${transaction.nonce}${transaction.proposed ? ', proposed' : ''}${transaction.rehearsal.ok ? '' : ' (rehearsal FAILED)'}`,
    details: [
      `safeTxHash ${transaction.safeTxHash}`,
      `timelock operation ${queued.operationId}`,
      `Transaction Builder file ${transaction.files.transactionBuilder}`,
    ],
  })
  return transaction.rehearsal.ok ? 0 : 1
}
