import type { Call } from '@storydao/core'
import { authorCoinAbi } from '@storydao/core'
import type { LocalStack } from '@storydao/testkit'
import { type Address, encodeFunctionData } from 'viem'
import { signSafePlan } from '../signSafePlan.js'
import type { SafePlan, SafeSignature } from '../types/safe.js'

/** A stack-bound contract address from the manifest. */
export function contract(stack: LocalStack, name: string): Address {
  const entry = stack.manifest.contracts[name]
  if (!entry) throw new Error(`no ${name} in the manifest`)
  return entry.address
}

/** AuthorCoin `pause()` (the emergency Safe holds PAUSER_ROLE). */
export function pauseCall(stack: LocalStack): Call {
  return {
    to: contract(stack, 'AuthorCoin'),
    value: 0n,
    data: encodeFunctionData({ abi: authorCoinAbi, functionName: 'pause' }),
    operation: 'call',
    label: 'AuthorCoin: pause',
    abi: authorCoinAbi,
  }
}

/** Two owners' signatures (the threshold of both local Safes). */
export async function twoSignatures(
  plan: SafePlan,
  owners: readonly { privateKey: `0x${string}` }[],
): Promise<SafeSignature[]> {
  return Promise.all(
    owners
      .slice(0, 2)
      .map((owner) => signSafePlan({ plan, account: owner.privateKey })),
  )
}
