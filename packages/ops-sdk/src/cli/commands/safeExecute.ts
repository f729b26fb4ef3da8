import { executeSafeTransaction } from '../../playbooks/safe/executeSafeTransaction.js'
import { openContext } from '../openContext.js'
import { createOutput } from '../output.js'
import { recordForIncident } from '../recordForIncident.js'
import { safeTxHashArgument } from '../safeOption.js'
import type { CommandInvocation } from '../types.js'

/** `storydao-ops safe execute <safeTxHash> [--signer-env VAR]`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const safeTxHash = safeTxHashArgument(invocation)
  output.step(`Load the ${invocation.values.network ?? 'local'} network`)
  const context = await openContext(invocation)
  output.step('Collect its confirmations from the Safe Transaction Service')
  const executed = await executeSafeTransaction(context, {
    safeTxHash,
    onStep: output.step,
  })
  output.result({ ok: true, ...executed }, [
    output.bold(
      `Executed ${executed.safeName} Safe transaction nonce ${executed.nonce}`,
    ),
    `  Safe          ${executed.safe}`,
    `  safeTxHash    ${executed.safeTxHash}`,
    `  Transaction   ${executed.transactionHash}`,
    `  Block         ${executed.blockNumber}`,
    `  Sent by       ${executed.executor}`,
    `  Signatures    ${executed.signers.join(', ')}`,
  ])
  await recordForIncident(invocation, output, {
    summary: `Executed ${executed.safeName} Safe transaction nonce ${executed.nonce} in block ${executed.blockNumber}`,
    details: [
      `safeTxHash ${executed.safeTxHash}`,
      `Transaction ${executed.transactionHash}`,
    ],
  })
  return 0
}
