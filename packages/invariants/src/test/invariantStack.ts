import { buildPause } from '@storydao/governance'
import { type LocalStack, startLocalStack } from '@storydao/testkit'
import type { Address } from 'viem'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { checkInvariants } from '../checkInvariants.js'
import type { readInvariantState } from '../readInvariantState.js'
import type { Invariant } from '../types.js'
import { executeOnStack } from './helpers.js'

// Live bindings: set in `beforeAll` of the test file that calls
// `useInvariantStack()`, read by its tests.
export let stack: LocalStack
export let coin: Address
export let treasury: Address
export let timelock: Address
export let beacon: Address
export let ops: Address
export let emergency: Address
export let stranger: Address

/**
 * Starts the local stack for one test file, names its contracts, Safes and a
 * stranger, and resets the chain before every test.
 */
export function useInvariantStack(): void {
  beforeAll(async () => {
    stack = await startLocalStack()
    const { contracts, safes } = stack.manifest
    coin = contracts.AuthorCoin!.address
    treasury = contracts.Treasury!.address
    timelock = contracts.StoryTimelock!.address
    beacon = contracts.TreasuryBeacon!.address
    ops = safes.ops.address
    emergency = safes.emergency!.address
    stranger = stack.accounts.stranger.address
  })

  beforeEach(async () => {
    await stack.reset()
  })

  afterAll(async () => {
    await stack?.stop()
  })
}

/** The stack's client, typed as the invariant functions take it. */
export const client = () =>
  stack.client as unknown as Parameters<typeof checkInvariants>[0]

/** Checks one invariant (against `before` when given) and returns its result. */
export const one = async (
  invariant: Invariant,
  before?: Awaited<ReturnType<typeof readInvariantState>>,
) => {
  const { results } = await checkInvariants(client(), {
    invariants: [invariant],
    before,
  })
  return results[0]!
}

/** Pauses AuthorCoin from the emergency Safe, for real. */
export const pause = () =>
  executeOnStack(stack, 'emergency', [buildPause({ target: coin })])

/**
 * Adds ETH to `address` and mines a block. Set directly rather than sent: a
 * transfer from the deployer was seen to stay unseen by the next read after
 * a snapshot revert (flaky on a loaded machine).
 */
export async function addEth(address: `0x${string}`, wei: bigint) {
  const current = await stack.client.getBalance({ address })
  await stack.client.request({
    method: 'anvil_setBalance' as never,
    params: [address, `0x${(current + wei).toString(16)}`] as never,
  })
  await stack.client.request({
    method: 'evm_mine' as never,
    params: [] as never,
  })
}
