import { getSafeQueue } from '../../playbooks/safe/getSafeQueue.js'
import { openContext } from '../openContext.js'
import { createOutput } from '../output.js'
import { safeOption } from '../safeOption.js'
import type { CommandInvocation } from '../types.js'

/** `storydao-ops safe queue [--safe ops|emergency]`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const safe = safeOption(invocation, 'ops')
  output.step(`Load the ${invocation.values.network ?? 'local'} network`)
  const context = await openContext(invocation)
  output.step(`Read the ${safe} Safe's queue from the Safe Transaction Service`)
  const queue = await getSafeQueue(context, { safe })
  const header = `${queue.safeName} Safe ${queue.safe}: ${queue.transactions.length} queued (${queue.threshold} signatures needed)`
  output.result(
    {
      ok: true,
      safe: queue.safe,
      safeName: queue.safeName,
      threshold: queue.threshold,
      transactions: queue.transactions,
    },
    [
      output.bold(header),
      ...queue.transactions.flatMap((tx) => [
        '',
        `  Nonce ${tx.nonce}  ${tx.safeTxHash}`,
        `    Signatures    ${tx.confirmations.length}/${tx.confirmationsRequired}${tx.confirmations.length > 0 ? ` (${tx.confirmations.join(', ')})` : ''}`,
        `    Proposer      ${tx.proposer ?? '(unknown)'}${tx.origin ? ` — ${tx.origin}` : ''}`,
        `    Domain hash   ${tx.domainHash}`,
        `    Message hash  ${tx.messageHash}`,
        ...tx.calls.map(
          (call, index) =>
            `    Call ${String(index + 1).padEnd(9)}${call.text}`,
        ),
        ...tx.warnings.map(
          (warning) => `    ${output.red('Warning')}       ${warning}`,
        ),
      ]),
    ],
  )
  return 0
}
