import type { Manifest } from '@storydao/core'
import type { TimelockOperationState } from '@storydao/governance'
import {
  type ListedTimelockOperation,
  listTimelockOperations,
} from '../../playbooks/timelock/listTimelockOperations.js'
import { CliUsageError } from '../cliUsageError.js'
import { openContext } from '../openContext.js'
import { createOutput, type Output } from '../output.js'
import { recordForIncident } from '../recordForIncident.js'
import type { CommandInvocation } from '../types.js'
import { stringsOption } from '../values.js'

const states = ['pending', 'ready', 'done', 'cancelled'] as const

/** `storydao-ops timelock list`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const wanted = stateOption(invocation)
  output.step(`Load the ${invocation.values.network ?? 'local'} network`)
  const context = await openContext(invocation)
  output.step('Read the timelock events and the Safe queues')
  const { timelock, fromBlock, operations } = await listTimelockOperations(
    context,
    { states: wanted },
  )
  const unknownOpen = operations.filter(
    (operation) =>
      !operation.known &&
      (operation.state === 'pending' || operation.state === 'ready'),
  )
  output.result(
    {
      ok: true,
      timelock,
      fromBlock,
      operations: operations.map(toJsonOperation),
    },
    renderTable(output, {
      timelock,
      fromBlock,
      operations,
      unknownOpen,
      nameOf: contractNames(context.manifest),
    }),
  )
  await recordForIncident(invocation, output, {
    summary: `timelock list: ${operations.length} operation(s), ${unknownOpen.length} pending or ready UNKNOWN`,
    details: unknownOpen.map(
      (operation) => `UNKNOWN ${operation.state} ${operation.id}`,
    ),
  })
  return invocation.values['fail-on-unknown'] === true && unknownOpen.length > 0
    ? 1
    : 0
}

function stateOption(
  invocation: CommandInvocation,
): TimelockOperationState[] | undefined {
  const given = stringsOption(invocation, 'state')
  for (const state of given)
    if (!(states as readonly string[]).includes(state))
      throw new CliUsageError({
        message: `--state must be one of ${states.join(', ')}, got "${state}".`,
        command: 'timelock list',
      })
  return given.length > 0 ? (given as TimelockOperationState[]) : undefined
}

function toJsonOperation(operation: ListedTimelockOperation) {
  return {
    id: operation.id,
    state: operation.state,
    known: operation.known,
    origin: operation.origin ?? null,
    readyAt: operation.readyAt,
    delay: operation.delay,
    batch: operation.batch,
    predecessor: operation.predecessor,
    salt: operation.salt,
    calls: operation.calls.map((call, index) => ({
      ...call,
      decoded: operation.decoded[index],
    })),
    scheduled: operation.scheduled,
    executed: operation.executed ?? null,
    cancelled: operation.cancelled ?? null,
  }
}

function renderTable(
  output: Output,
  {
    timelock,
    fromBlock,
    operations,
    unknownOpen,
    nameOf,
  }: {
    timelock: { name: string; address: string }
    fromBlock: bigint
    operations: readonly ListedTimelockOperation[]
    unknownOpen: readonly ListedTimelockOperation[]
    nameOf: (address: string) => string
  },
): string[] {
  const header = `${timelock.name} ${timelock.address}: ${operations.length} operation(s) since block ${fromBlock}`
  if (operations.length === 0) return [header]
  const rows = operations.map((operation) => [
    operation.id,
    operation.state,
    operation.known ? `known (${originText(operation)})` : 'UNKNOWN',
    new Date(Number(operation.readyAt) * 1000).toISOString(),
    operation.decoded.map((call) => describeCall(call, nameOf)).join('; '),
  ])
  const titles = ['ID', 'STATE', 'KNOWN', 'READY AT', 'CALLS']
  const widths = titles.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  )
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell.padEnd(widths[column]!),
      )
      .join('  ')
  return [
    header,
    '',
    output.bold(line(titles)),
    ...rows.map((row) =>
      row[2] === 'UNKNOWN' ? output.red(line(row)) : line(row),
    ),
    ...(unknownOpen.length > 0
      ? [
          '',
          `${unknownOpen.length} pending or ready operation(s) are UNKNOWN. To cancel them from the emergency Safe:`,
          `  storydao-ops timelock cancel ${unknownOpen.map((operation) => operation.id).join(' ')} --propose --signer-env <VAR>`,
        ]
      : []),
  ]
}

function originText(operation: ListedTimelockOperation): string {
  const origin = operation.origin
  if (!origin) return ''
  return origin.kind === 'upgrade'
    ? `upgrade ${origin.id}`
    : `${origin.safe} Safe ${origin.safeTxHash.slice(0, 10)}`
}

/** Manifest names for addresses, so a reviewer reads `AuthorCoin.mint(…)`. */
function contractNames(manifest: Manifest): (address: string) => string {
  const names = new Map<string, string>()
  for (const [name, entry] of Object.entries(manifest.contracts))
    names.set(entry.address.toLowerCase(), name)
  for (const [name, safe] of Object.entries(manifest.safes))
    if (safe) names.set(safe.address.toLowerCase(), `${name} Safe`)
  return (address) => names.get(address.toLowerCase()) ?? address
}

function describeCall(
  call: ListedTimelockOperation['decoded'][number],
  nameOf: (address: string) => string,
): string {
  if (call.status === 'decoded')
    return `${nameOf(call.to)}.${call.functionName}(${Object.values(call.args)
      .map((arg) => String(arg))
      .join(', ')})`
  if (call.status === 'create2-deploy') return `deploy ${call.address}`
  return `${nameOf(call.to)} ${call.selector ?? 'transfer'}${call.value > 0n ? ` (value ${call.value})` : ''}`
}
