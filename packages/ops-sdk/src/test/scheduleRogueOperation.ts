import { authorCoinAbi, storyTimelockAbi } from '@storydao/core'
import { hashTimelockOperation } from '@storydao/governance'
import type { LocalStack } from '@storydao/testkit'
import { encodeFunctionData, type Hex, keccak256, toHex, zeroHash } from 'viem'

/**
 * Schedules an operation nobody reviewed: the ops Safe (a timelock proposer
 * on the local stack) is impersonated and calls `schedule` directly, minting
 * AuthorCoin to a stranger. Returns the operation id the timelock computes.
 */
export async function scheduleRogueOperation(
  stack: LocalStack<true>,
  { salt = 'rogue' }: { salt?: string } = {},
): Promise<Hex> {
  const timelock = stack.manifest.contracts.StoryTimelock!.address
  const coin = stack.manifest.contracts.AuthorCoin!.address
  const ops = stack.manifest.safes.ops.address
  const call = {
    to: coin,
    value: 0n,
    data: encodeFunctionData({
      abi: authorCoinAbi,
      functionName: 'mint',
      args: [stack.accounts.stranger.address, 10n ** 24n],
    }),
  }
  const saltHash = keccak256(toHex(salt))
  const delay = await stack.client.readContract({
    address: timelock,
    abi: storyTimelockAbi,
    functionName: 'getMinDelay',
  })
  await stack.client.request({
    method: 'anvil_impersonateAccount' as never,
    params: [ops] as never,
  })
  await stack.client.request({
    method: 'anvil_setBalance' as never,
    params: [ops, '0xde0b6b3a7640000'] as never,
  })
  const hash = await stack.client.writeContract({
    address: timelock,
    abi: storyTimelockAbi,
    functionName: 'schedule',
    args: [call.to, call.value, call.data, zeroHash, saltHash, delay],
    account: ops,
    chain: null,
  })
  await stack.client.waitForTransactionReceipt({ hash })
  await stack.client.request({
    method: 'anvil_stopImpersonatingAccount' as never,
    params: [ops] as never,
  })
  const id = await stack.client.readContract({
    address: timelock,
    abi: storyTimelockAbi,
    functionName: 'hashOperation',
    args: [call.to, call.value, call.data, zeroHash, saltHash],
  })
  // The timelock's own hash, and the SDK's, must agree before a test relies on either.
  if (
    id !==
    hashTimelockOperation({
      calls: [call],
      salt: saltHash,
      batch: false,
    })
  )
    throw new Error('hashTimelockOperation disagrees with the timelock')
  return id
}
