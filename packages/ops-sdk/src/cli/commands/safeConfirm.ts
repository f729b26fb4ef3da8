import { confirmSafeTransaction } from '../../playbooks/safe/confirmSafeTransaction.js'
import { openContext } from '../openContext.js'
import { createOutput } from '../output.js'
import { recordForIncident } from '../recordForIncident.js'
import { safeTxHashArgument } from '../safeOption.js'
import type { CommandInvocation } from '../types.js'

/** `storydao-ops safe confirm <safeTxHash> [--signer-env VAR]`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const safeTxHash = safeTxHashArgument(invocation)
  output.step(`Load the ${invocation.values.network ?? 'local'} network`)
  const context = await openContext(invocation)
  output.step('Find it in the Safe queues on the Safe Transaction Service')
  const confirmed = await confirmSafeTransaction(context, {
    safeTxHash,
    onHashes(hashes) {
      output.info('Compare these with your wallet before it signs:')
      output.info(`  Domain hash   ${hashes.domainHash}`)
      output.info(`  Message hash  ${hashes.messageHash}`)
      output.info(`  safeTxHash    ${hashes.safeTxHash}`)
      output.step('Sign it and send the confirmation')
    },
  })
  const ready = confirmed.confirmations >= confirmed.confirmationsRequired
  output.result({ ok: true, ...confirmed }, [
    output.bold(
      `Confirmed by ${confirmed.signer}: ${confirmed.confirmations}/${confirmed.confirmationsRequired} signatures`,
    ),
    `  Safe          ${confirmed.safeName} ${confirmed.safe}`,
    `  Nonce         ${confirmed.nonce}`,
    `  Domain hash   ${confirmed.domainHash}`,
    `  Message hash  ${confirmed.messageHash}`,
    `  safeTxHash    ${confirmed.safeTxHash}`,
    '',
    ready
      ? `Next: storydao-ops safe execute ${confirmed.safeTxHash} --network ${context.networkName}`
      : `Next: ${confirmed.confirmationsRequired - confirmed.confirmations} more owner(s) confirm, then execute.`,
  ])
  await recordForIncident(invocation, output, {
    summary: `Confirmed ${confirmed.safeName} Safe transaction nonce ${confirmed.nonce} (${confirmed.confirmations}/${confirmed.confirmationsRequired})`,
    details: [
      `safeTxHash ${confirmed.safeTxHash}`,
      `Signer ${confirmed.signer}`,
    ],
  })
  return 0
}
