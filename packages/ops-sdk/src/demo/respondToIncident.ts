import { relative } from 'node:path'
import type { Address, Hex } from 'viem'
import { DemoExpectationError } from '../errors/demo.js'
import type { OpsContext } from '../playbooks/createOpsContext.js'
import { closeIncident } from '../playbooks/incident/closeIncident.js'
import { openIncident } from '../playbooks/incident/openIncident.js'
import { recordIncidentEntry } from '../playbooks/incident/recordIncidentEntry.js'
import { pauseContracts } from '../playbooks/pauseContracts.js'
import { dumpState } from '../playbooks/state/dumpState.js'
import { cancelTimelockOperations } from '../playbooks/timelock/cancelTimelockOperations.js'
import { listTimelockOperations } from '../playbooks/timelock/listTimelockOperations.js'
import { approveQueued } from './approveQueued.js'
import { type DemoLog, logSafeTransaction } from './demoLog.js'
import { scheduleRogueOperation } from './scheduleRogueOperation.js'

/** What the incident act leaves behind. */
export type IncidentActResult = {
  slug: string
  incidentLog: string
  rogueOperation: Hex
  cancel: { safeTxHash: Hex; transactionHash: Hex }
  pause: { safeTxHash: Hex; transactionHash: Hex }
  stateDump: string
}

/**
 * The incident playbook: a rogue timelock operation is spotted by
 * `timelock list`, cancelled from the emergency Safe, AuthorCoin is paused,
 * the state dumped, and every step lands in the incident log.
 */
export async function respondToIncident(
  context: OpsContext,
  { attacker, log }: { attacker: Address; log: DemoLog },
): Promise<IncidentActResult> {
  log.step('Incident: a compromised proposer schedules a rogue operation')
  const rogueOperation = await scheduleRogueOperation(context, { attacker })
  log.detail(
    `scheduled ${rogueOperation}: AuthorCoin.grantRole(MINTER_ROLE, ${attacker})`,
  )
  const incident = await openIncident(context, {
    title: 'Rogue timelock operation',
  })
  const note = (command: string, summary: string, details: string[]) =>
    recordIncidentEntry(context, {
      slug: incident.slug,
      entry: { command, summary, details },
    })
  log.detail(`incident log ${relative(context.root, incident.path)}`)

  log.step('storydao-ops timelock list: spot what nobody proposed')
  const unknown = await findUnknown(context, rogueOperation)
  log.detail(`${unknown} UNKNOWN (not in the manifest, not queued on a Safe)`)
  await note('storydao-ops timelock list', 'UNKNOWN pending operation found', [
    `Operation ${rogueOperation}`,
  ])

  log.step('storydao-ops timelock cancel: the emergency Safe cancels it')
  const cancelling = await cancelTimelockOperations(context, {
    operations: [rogueOperation],
    propose: true,
  })
  logSafeTransaction(log, cancelling, context.root)
  const cancelled = await approveQueued(context, {
    safeTxHash: cancelling.safeTxHash,
    transactionBuilderFile: cancelling.files.transactionBuilder,
    log,
  })
  await note('storydao-ops timelock cancel', 'Rogue operation cancelled', [
    `Safe tx ${cancelling.safeTxHash}`,
    `Transaction ${cancelled.transactionHash} (block ${cancelled.blockNumber})`,
  ])

  log.step('storydao-ops pause: the emergency Safe pauses AuthorCoin')
  const pausing = await pauseContracts(context, { propose: true })
  logSafeTransaction(log, pausing, context.root)
  const paused = await approveQueued(context, {
    safeTxHash: pausing.safeTxHash,
    transactionBuilderFile: pausing.files.transactionBuilder,
    log,
  })
  await note('storydao-ops pause', `Paused ${pausing.paused.join(', ')}`, [
    `Safe tx ${pausing.safeTxHash}`,
    `Transaction ${paused.transactionHash} (block ${paused.blockNumber})`,
  ])

  log.step('storydao-ops dump-state: keep the evidence')
  const dump = await dumpState(context, {})
  log.detail(relative(context.root, dump.path))
  await note('storydao-ops dump-state', 'State dumped for forensics', [
    `File ${relative(context.root, dump.path)}`,
  ])
  await closeIncident(context, {
    slug: incident.slug,
    summary:
      'A rogue timelock operation granting MINTER_ROLE was cancelled from the emergency Safe before its delay ran out; AuthorCoin was paused until the proposer key is rotated.',
  })
  return {
    slug: incident.slug,
    incidentLog: incident.path,
    rogueOperation,
    cancel: {
      safeTxHash: cancelling.safeTxHash,
      transactionHash: cancelled.transactionHash,
    },
    pause: {
      safeTxHash: pausing.safeTxHash,
      transactionHash: paused.transactionHash,
    },
    stateDump: dump.path,
  }
}

/** How many pending operations are UNKNOWN; the rogue one must be among them. */
async function findUnknown(context: OpsContext, rogue: Hex): Promise<number> {
  const { operations } = await listTimelockOperations(context, {
    states: ['pending', 'ready'],
  })
  const unknown = operations.filter((operation) => !operation.known)
  if (!unknown.some((operation) => operation.id === rogue))
    throw new DemoExpectationError({
      expected: `timelock list marks ${rogue} UNKNOWN`,
    })
  return unknown.length
}
