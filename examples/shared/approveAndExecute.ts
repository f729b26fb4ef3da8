import {
  confirmSafePlan,
  executeSafePlan,
  getQueuedSafePlans,
  proposeSafePlan,
  type SafePlan,
  type SafeService,
  signSafePlan,
} from '@storydao/ops-sdk'
import type { LocalAccount, LocalClient } from '@storydao/testkit'
import type { Hex } from 'viem'

/**
 * What the signers do in Safe{Wallet}, scripted with the anvil dev keys: the
 * first owner proposes with its signature, the others confirm, then anyone
 * executes from the queue with the collected confirmations.
 */
export async function approveAndExecute(parameters: {
  plan: SafePlan
  service: SafeService
  owners: readonly LocalAccount[]
  executor: LocalClient
  origin: string
  log: (line: string) => void
}): Promise<Hex> {
  const { plan, service, owners, executor, log } = parameters
  const [proposer, ...confirmers] = owners
  if (!proposer) throw new Error('approveAndExecute needs at least one owner')
  const proposal = await signSafePlan({ plan, account: proposer.privateKey })
  await proposeSafePlan(service, {
    plan,
    sender: proposer.address,
    signature: proposal,
    origin: parameters.origin,
  })
  log(
    `proposed ${plan.safeTxHash} (nonce ${plan.nonce}) by ${proposer.address}`,
  )
  for (const owner of confirmers) {
    await confirmSafePlan(service, {
      safeTxHash: plan.safeTxHash,
      signature: await signSafePlan({ plan, account: owner.privateKey }),
    })
    log(`confirmed by ${owner.address}`)
  }
  const queued = (await getQueuedSafePlans(service, { safe: plan.safe })).find(
    (entry) => entry.safeTxHash === plan.safeTxHash,
  )
  if (!queued) throw new Error(`${plan.safeTxHash} is not in the service queue`)
  log(
    `queue shows ${queued.confirmations.length}/${queued.confirmationsRequired} confirmations`,
  )
  const { transactionHash } = await executeSafePlan(executor, {
    plan: queued,
    signatures: queued.confirmations,
  })
  log(`executed in ${transactionHash}`)
  return transactionHash
}
