import { authorCoinAbi } from '@storydao/core'
import fc from 'fast-check'
import { type Address, createPublicClient, keccak256 } from 'viem'
import { describe, expect, test } from 'vitest'
import { checkInvariants } from './checkInvariants.js'
import { balanceChangedBy } from './invariants/balanceChangedBy.js'
import { balanceUnchanged } from './invariants/balanceUnchanged.js'
import { beaconImplementationIs } from './invariants/beaconImplementationIs.js'
import { capUnchanged } from './invariants/capUnchanged.js'
import { customInvariant } from './invariants/customInvariant.js'
import { hasRole } from './invariants/hasRole.js'
import { implementationIs } from './invariants/implementationIs.js'
import { isNotPaused } from './invariants/isNotPaused.js'
import { lacksRole } from './invariants/lacksRole.js'
import { noUnexpectedRoleChanges } from './invariants/noUnexpectedRoleChanges.js'
import { pausedUnchanged } from './invariants/pausedUnchanged.js'
import { safeOwnersAndThresholdUnchanged } from './invariants/safeOwnersAndThresholdUnchanged.js'
import { supplyUnchanged } from './invariants/supplyUnchanged.js'
import { supplyWithinCap } from './invariants/supplyWithinCap.js'
import { timelockMinDelayAtLeast } from './invariants/timelockMinDelayAtLeast.js'
import { timelockOperationIs } from './invariants/timelockOperationIs.js'
import { readInvariantState } from './readInvariantState.js'
import { countingTransport } from './test/helpers.js'
import {
  beacon,
  client,
  coin,
  emergency,
  one,
  ops,
  stack,
  stranger,
  timelock,
  treasury,
  useInvariantStack,
} from './test/invariantStack.js'
import type { Invariant } from './types.js'

useInvariantStack()

describe('checkInvariants', () => {
  test('error: relative invariants need a baseline', async () => {
    await expect(
      checkInvariants(client(), {
        invariants: [
          supplyUnchanged({ token: coin }),
          supplyWithinCap({ token: coin }),
          balanceChangedBy({ asset: 'ETH', holder: treasury, expected: 1n }),
        ],
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [MissingBaselineError: 2 invariants compare with the state before, but no baseline was given.

      - supplyUnchanged(0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1)
      - balanceChangedBy(ETH,0x9A676e781A523b5d0C0e43731313A708CB607508,1)

      Hint: Pass \`before: await readInvariantState(client, { invariants })\` taken before the transaction, or use checkSafePlan, which reads it on the fork.
      Docs: packages/invariants/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('behavior: RPC requests do not grow with the number of invariants', async () => {
    const counter = countingTransport()
    const counted = createPublicClient({
      chain: stack.client.chain,
      transport: counter.transport(stack.rpcUrl),
    })
    const holders = [treasury, ops, emergency, timelock, stranger, coin]
    const many: Invariant[] = [
      supplyWithinCap({ token: coin }),
      implementationIs({
        proxy: coin,
        implementation: (
          stack.manifest.contracts.AuthorCoin as { implementation: Address }
        ).implementation,
      }),
      ...holders.flatMap((holder) => [
        holder === emergency
          ? hasRole({ contract: coin, role: 'PAUSER_ROLE', account: holder })
          : lacksRole({ contract: coin, role: 'PAUSER_ROLE', account: holder }),
        holder === ops
          ? hasRole({
              contract: timelock,
              role: 'PROPOSER_ROLE',
              account: holder,
            })
          : lacksRole({
              contract: timelock,
              role: 'PROPOSER_ROLE',
              account: holder,
            }),
      ]),
      ...holders.flatMap((holder) => [
        balanceUnchanged({ asset: 'ETH', holder }),
        balanceUnchanged({ asset: coin, holder }),
      ]),
      ...holders.flatMap((holder) => [
        balanceChangedBy({ asset: 'ETH', holder, expected: 0n }),
        balanceChangedBy({ asset: coin, holder, expected: 0n }),
      ]),
      ...holders.slice(0, 3).map((holder) =>
        timelockOperationIs({
          timelock,
          operationId: keccak256(holder),
          state: 'unset',
        }),
      ),
      supplyUnchanged({ token: coin }),
      capUnchanged({ token: coin }),
      isNotPaused({ contract: coin }),
      pausedUnchanged({ contract: coin }),
      timelockMinDelayAtLeast({ timelock }),
      safeOwnersAndThresholdUnchanged({ safe: ops }),
      safeOwnersAndThresholdUnchanged({ safe: emergency }),
      beaconImplementationIs({
        beacon,
        implementation: (
          stack.manifest.contracts.TreasuryBeacon as { implementation: Address }
        ).implementation,
      }),
      noUnexpectedRoleChanges({ contracts: [coin, timelock] }),
    ]
    expect(many).toHaveLength(50)
    const measure = async (invariants: Invariant[]) => {
      counter.reset()
      const before = await readInvariantState(counted, { invariants })
      const { ok } = await checkInvariants(counted, { invariants, before })
      expect(ok).toBe(true)
      return [...counter.methods]
    }
    // One read is one Multicall3 eth_call, plus one more when raw storage
    // slots (EIP-1967) are wanted; a baseline and a check are two reads.
    const mixed = customInvariant({
      name: 'supplyAndImplementation',
      read: {
        supply: {
          type: 'call',
          address: coin,
          abi: authorCoinAbi,
          functionName: 'totalSupply',
        },
        implementation: {
          type: 'storage',
          address: coin,
          slot: '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc',
        },
      },
      check: () => true,
    })
    const one = await measure([mixed])
    expect(one).toEqual(['eth_call', 'eth_call', 'eth_call', 'eth_call'])
    expect(await measure(many)).toEqual(one)
    const withoutSlots = many.filter(
      (invariant) => invariant.name !== 'implementationIs',
    )
    expect(await measure([supplyWithinCap({ token: coin })])).toEqual([
      'eth_call',
      'eth_call',
    ])
    expect(await measure(withoutSlots)).toEqual(['eth_call', 'eth_call'])
  })

  test('behavior: batched values equal individual reads (random invariant sets)', async () => {
    const holders = [
      treasury,
      ops,
      emergency,
      timelock,
      stranger,
      coin,
    ] as const
    const pool: Invariant[] = holders.flatMap((holder) => [
      balanceChangedBy({ asset: 'ETH', holder, expected: 0n }),
      balanceChangedBy({ asset: coin, holder, expected: 0n }),
      hasRole({ contract: coin, role: 'PAUSER_ROLE', account: holder }),
    ])
    const single = new Map<string, unknown>()
    for (const invariant of pool)
      single.set(
        invariant.id,
        (
          await one(
            invariant,
            await readInvariantState(client(), { invariants: [invariant] }),
          )
        ).after,
      )
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(pool, { minLength: 1 }),
        async (subset) => {
          const before = await readInvariantState(client(), {
            invariants: subset,
          })
          const { results } = await checkInvariants(client(), {
            invariants: subset,
            before,
          })
          return results.every(
            (result) =>
              JSON.stringify(result.after, (_, v) =>
                typeof v === 'bigint' ? v.toString() : v,
              ) ===
              JSON.stringify(single.get(result.id), (_, v) =>
                typeof v === 'bigint' ? v.toString() : v,
              ),
          )
        },
      ),
      { numRuns: 15 },
    )
  })
})
