import { storyDaoAbi } from '@storydao/core'
import { encodeFunctionData } from 'viem'
import { buildGovernorPropose } from '../buildGovernorPropose.js'
import type { OperationCall } from '../types/calls.js'
import { contractAddress, type StackContext, sendAs } from './localStack.js'

/** Proposes as the deployer (who holds the delegated votes). */
export async function propose(
  context: StackContext,
  calls: readonly OperationCall[],
  description: string,
) {
  const governor = contractAddress(context.stack, 'StoryDAO')
  const built = buildGovernorPropose({ governor, calls, description })
  await sendAs(context, context.stack.accounts.deployer.address, built.call)
  return { governor, ...built }
}

/**
 * Proposes, waits out the voting delay, votes for with the deployer's votes
 * and mines past the voting period: the proposal is Succeeded.
 */
export async function proposeAndPass(
  context: StackContext,
  calls: readonly OperationCall[],
  description: string,
) {
  const proposed = await propose(context, calls, description)
  const { client, stack } = context
  // Past the 1-block voting delay, also for `eth_call` on the latest block.
  await client.mine({ blocks: 2 })
  await sendAs(context, stack.accounts.deployer.address, {
    to: proposed.governor,
    data: encodeFunctionData({
      abi: storyDaoAbi,
      functionName: 'castVote',
      args: [proposed.proposalId, 1],
    }),
  })
  await client.mine({ blocks: 51 })
  return proposed
}

/** `Governor.ProposalState` names, by value. */
export const proposalStates = [
  'Pending',
  'Active',
  'Canceled',
  'Defeated',
  'Succeeded',
  'Queued',
  'Expired',
  'Executed',
] as const

/** The proposal's state on chain, by name. */
export async function proposalState(context: StackContext, proposalId: bigint) {
  const state = await context.client.readContract({
    address: contractAddress(context.stack, 'StoryDAO'),
    abi: storyDaoAbi,
    functionName: 'state',
    args: [proposalId],
  })
  return proposalStates[state]
}
