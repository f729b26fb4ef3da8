import { relative } from 'node:path'
import { dumpState } from '../../playbooks/state/dumpState.js'
import { openContext } from '../openContext.js'
import { createOutput } from '../output.js'
import { recordForIncident } from '../recordForIncident.js'
import type { CommandInvocation } from '../types.js'
import { stringOption, wholeNumberOption } from '../values.js'

/** `storydao-ops dump-state [--out <file>]`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const blockNumber = wholeNumberOption(invocation, 'block', 'a block number')
  output.step(`Load the ${invocation.values.network ?? 'local'} network`)
  const context = await openContext(invocation)
  output.step('Read the contracts, Safes, balances, roles and timelock')
  const { path, snapshot } = await dumpState(context, {
    out: stringOption(invocation, 'out'),
    blockNumber,
  })
  const shown = relative(context.root, path)
  const pending = Object.values(snapshot.timelockOperations).reduce(
    (count, operations) => count + Object.keys(operations).length,
    0,
  )
  output.result(
    {
      ok: true,
      path,
      network: context.networkName,
      chainId: snapshot.chainId,
      blockNumber: snapshot.blockNumber,
    },
    [
      `State of ${context.networkName} at block ${snapshot.blockNumber} written to ${shown}`,
      `  ${Object.keys(snapshot.contracts).length} contracts, ${Object.keys(snapshot.safes).length} Safes, ${pending} pending timelock operation(s)`,
      '',
      `Compare with a later dump: storydao-ops diff-state ${shown} <later.json>`,
    ],
  )
  await recordForIncident(invocation, output, {
    summary: `State dumped at block ${snapshot.blockNumber}`,
    details: [`File ${shown}`],
  })
  return 0
}
