import { authorCoinAbi, storyTimelockAbi, treasuryAbi } from '@storydao/core'
import { buildPause, buildTimelockSchedule } from '@storydao/governance'
import { type LocalStack, startLocalStack } from '@storydao/testkit'
import fc from 'fast-check'
import {
  type Address,
  createPublicClient,
  encodeFunctionData,
  keccak256,
  parseEther,
  toHex,
  zeroHash,
} from 'viem'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { assertInvariants } from './assertInvariants.js'
import { checkInvariants } from './checkInvariants.js'
import { toRoleHash } from './internal/roles.js'
import { balanceChangedBy } from './invariants/balanceChangedBy.js'
import { balanceUnchanged } from './invariants/balanceUnchanged.js'
import { beaconImplementationIs } from './invariants/beaconImplementationIs.js'
import { capUnchanged } from './invariants/capUnchanged.js'
import { customInvariant } from './invariants/customInvariant.js'
import { hasRole } from './invariants/hasRole.js'
import { implementationIs } from './invariants/implementationIs.js'
import { isNotPaused } from './invariants/isNotPaused.js'
import { isPaused } from './invariants/isPaused.js'
import { lacksRole } from './invariants/lacksRole.js'
import { noUnexpectedRoleChanges } from './invariants/noUnexpectedRoleChanges.js'
import { pausedUnchanged } from './invariants/pausedUnchanged.js'
import { safeOwnersAndThresholdUnchanged } from './invariants/safeOwnersAndThresholdUnchanged.js'
import { supplyUnchanged } from './invariants/supplyUnchanged.js'
import { supplyWithinCap } from './invariants/supplyWithinCap.js'
import { timelockMinDelayAtLeast } from './invariants/timelockMinDelayAtLeast.js'
import { timelockOperationIs } from './invariants/timelockOperationIs.js'
import { readInvariantState } from './readInvariantState.js'
import { countingTransport, executeOnStack, passTime } from './test/helpers.js'
import type { DecodedLog, Invariant } from './types.js'

let stack: LocalStack
let coin: Address
let treasury: Address
let timelock: Address
let beacon: Address
let ops: Address
let emergency: Address
let stranger: Address

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

const client = () =>
  stack.client as unknown as Parameters<typeof checkInvariants>[0]
const one = async (
  invariant: Invariant,
  before?: Awaited<ReturnType<typeof readInvariantState>>,
) => {
  const { results } = await checkInvariants(client(), {
    invariants: [invariant],
    before,
  })
  return results[0]!
}
const pause = () =>
  executeOnStack(stack, 'emergency', [buildPause({ target: coin })])

describe('supplyWithinCap', () => {
  test('default', async () => {
    const result = await one(
      supplyWithinCap({ token: coin, label: 'AuthorCoin' }),
    )
    expect(result).toMatchInlineSnapshot(`
      {
        "actual": 100000000000000000000000000n,
        "after": {
          "cap": 1000000000000000000000000000n,
          "totalSupply": 100000000000000000000000000n,
        },
        "description": "AuthorCoin: totalSupply() ≤ cap()",
        "expected": {
          "atMost": 1000000000000000000000000000n,
        },
        "id": "supplyWithinCap(0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1)",
        "message": "AuthorCoin total supply 100000000000000000000000000 is within its cap 1000000000000000000000000000.",
        "name": "supplyWithinCap",
        "ok": true,
      }
    `)
  })
})

describe('supplyUnchanged / capUnchanged / balanceUnchanged / balanceChangedBy', () => {
  test('default', async () => {
    const invariants = [
      supplyUnchanged({ token: coin, label: 'AuthorCoin' }),
      capUnchanged({ token: coin, label: 'AuthorCoin' }),
      balanceUnchanged({
        asset: 'ETH',
        holder: treasury,
        holderLabel: 'Treasury',
      }),
      balanceUnchanged({
        asset: coin,
        holder: treasury,
        label: 'AuthorCoin',
        holderLabel: 'Treasury',
      }),
      balanceChangedBy({
        asset: 'ETH',
        holder: treasury,
        expected: 0n,
        holderLabel: 'Treasury',
      }),
    ]
    const before = await readInvariantState(client(), { invariants })
    const { ok, violations } = await checkInvariants(client(), {
      invariants,
      before,
    })
    expect(violations).toEqual([])
    expect(ok).toBe(true)
  })

  test('behavior: detects changes and measures deltas', async () => {
    const invariants = [
      balanceUnchanged({
        asset: 'ETH',
        holder: treasury,
        holderLabel: 'Treasury',
      }),
      balanceChangedBy({
        asset: 'ETH',
        holder: treasury,
        expected: parseEther('1'),
        holderLabel: 'Treasury',
      }),
      balanceChangedBy({
        asset: coin,
        holder: stranger,
        expected: -5n,
        label: 'AuthorCoin',
        holderLabel: 'stranger',
      }),
      supplyUnchanged({ token: coin, label: 'AuthorCoin' }),
    ]
    const before = await readInvariantState(client(), { invariants })
    await stack.client.sendTransaction({
      account: stack.accounts.deployer.address,
      to: treasury,
      value: parseEther('1'),
    })
    const { results } = await checkInvariants(client(), { invariants, before })
    expect(
      results.map(({ id, ok, expected, actual, message }) => ({
        id,
        ok,
        expected,
        actual,
        message,
      })),
    ).toMatchInlineSnapshot(`
        [
          {
            "actual": 101000000000000000000n,
            "expected": 100000000000000000000n,
            "id": "balanceUnchanged(ETH,0x9A676e781A523b5d0C0e43731313A708CB607508)",
            "message": "Treasury's ETH balance changed from 100000000000000000000 to 101000000000000000000 (+1000000000000000000).",
            "ok": false,
          },
          {
            "actual": 1000000000000000000n,
            "expected": 1000000000000000000n,
            "id": "balanceChangedBy(ETH,0x9A676e781A523b5d0C0e43731313A708CB607508,1000000000000000000)",
            "message": "Treasury's ETH balance changed by +1000000000000000000 as expected.",
            "ok": true,
          },
          {
            "actual": 0n,
            "expected": -5n,
            "id": "balanceChangedBy(0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1,0xa0Ee7A142d267C1f36714E4a8F75612F20a79720,-5)",
            "message": "stranger's AuthorCoin balance changed by 0, expected -5.",
            "ok": false,
          },
          {
            "actual": 100000000000000000000000000n,
            "expected": 100000000000000000000000000n,
            "id": "supplyUnchanged(0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1)",
            "message": "AuthorCoin total supply is unchanged (100000000000000000000000000).",
            "ok": true,
          },
        ]
      `)
  })

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
})

describe('implementationIs / beaconImplementationIs', () => {
  test('default', async () => {
    const { contracts } = stack.manifest
    const coinEntry = contracts.AuthorCoin!
    const beaconEntry = contracts.TreasuryBeacon!
    if (coinEntry.kind !== 'uups-proxy' || beaconEntry.kind !== 'beacon')
      throw new Error('unexpected kinds')
    const { ok, results } = await checkInvariants(client(), {
      invariants: [
        implementationIs({
          proxy: coin,
          implementation: coinEntry.implementation,
          label: 'AuthorCoin',
        }),
        beaconImplementationIs({
          beacon,
          implementation: beaconEntry.implementation,
          label: 'TreasuryBeacon',
        }),
      ],
    })
    expect(ok).toBe(true)
    expect(results.map((result) => result.actual)).toEqual([
      coinEntry.implementation,
      beaconEntry.implementation,
    ])
  })

  test('behavior: a wrong implementation fails', async () => {
    const result = await one(
      implementationIs({
        proxy: coin,
        implementation: stranger,
        label: 'AuthorCoin',
      }),
    )
    expect(result.ok).toBe(false)
    expect(result.message).toMatchInlineSnapshot(
      `"AuthorCoin points at implementation 0x0B306BF915C4d645ff596e518fAf3F9669b97016, expected 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720."`,
    )
  })
})

describe('hasRole / lacksRole', () => {
  test('default', async () => {
    const { ok, results } = await checkInvariants(client(), {
      invariants: [
        hasRole({
          contract: coin,
          role: 'PAUSER_ROLE',
          account: emergency,
          label: 'AuthorCoin',
          accountLabel: 'emergency Safe',
        }),
        hasRole({
          contract: coin,
          role: 'DEFAULT_ADMIN_ROLE',
          account: timelock,
        }),
        hasRole({ contract: timelock, role: 'PROPOSER_ROLE', account: ops }),
        lacksRole({ contract: coin, role: 'MINTER_ROLE', account: stranger }),
        lacksRole({ contract: coin, role: 'PAUSER_ROLE', account: ops }),
      ],
    })
    expect(results.filter((result) => !result.ok)).toEqual([])
    expect(ok).toBe(true)
  })

  test('behavior: role names hash as the contracts define them', async () => {
    for (const name of [
      'DEFAULT_ADMIN_ROLE',
      'PAUSER_ROLE',
      'MINTER_ROLE',
      'UPGRADER_ROLE',
    ] as const)
      expect(toRoleHash(name)).toBe(
        await stack.client.readContract({
          address: coin,
          abi: authorCoinAbi,
          functionName: name,
        }),
      )
    for (const name of [
      'PROPOSER_ROLE',
      'EXECUTOR_ROLE',
      'CANCELLER_ROLE',
    ] as const)
      expect(toRoleHash(name)).toBe(
        await stack.client.readContract({
          address: timelock,
          abi: storyTimelockAbi,
          functionName: name,
        }),
      )
    // Random names: keccak256 of the name, and a bytes32 passes through.
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (name) => {
        fc.pre(
          name !== 'DEFAULT_ADMIN_ROLE' && !/^0x[0-9a-fA-F]{64}$/.test(name),
        )
        const hash = keccak256(toHex(name))
        return toRoleHash(name) === hash && toRoleHash(hash) === hash
      }),
    )
  })

  test('behavior: a missing role fails with a readable message', async () => {
    const result = await one(
      hasRole({
        contract: coin,
        role: 'MINTER_ROLE',
        account: stranger,
        label: 'AuthorCoin',
        accountLabel: 'stranger',
      }),
    )
    expect(result.ok).toBe(false)
    expect(result.message).toMatchInlineSnapshot(
      `"stranger does not have MINTER_ROLE on AuthorCoin, expected to have it."`,
    )
  })
})

describe('isPaused / isNotPaused / pausedUnchanged', () => {
  test('default', async () => {
    const invariants = [
      isNotPaused({ contract: coin, label: 'AuthorCoin' }),
      isPaused({ contract: coin, label: 'AuthorCoin' }),
      pausedUnchanged({ contract: coin }),
    ]
    const before = await readInvariantState(client(), { invariants })
    expect(
      (await checkInvariants(client(), { invariants, before })).results.map(
        (r) => r.ok,
      ),
    ).toEqual([true, false, true])
    await pause()
    const after = await checkInvariants(client(), { invariants, before })
    expect(after.results.map((r) => r.ok)).toEqual([false, true, false])
    expect(after.results[2]!.message).toMatchInlineSnapshot(
      `"0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1 paused flag changed from false to true."`,
    )
  })
})

describe('timelockMinDelayAtLeast / timelockOperationIs', () => {
  test('default', async () => {
    const delay = await stack.client.readContract({
      address: timelock,
      abi: storyTimelockAbi,
      functionName: 'getMinDelay',
    })
    const invariants = [
      timelockMinDelayAtLeast({ timelock, minimum: delay }),
      timelockMinDelayAtLeast({ timelock, minimum: delay + 1n }),
      timelockMinDelayAtLeast({ timelock }),
    ]
    const before = await readInvariantState(client(), { invariants })
    const { results } = await checkInvariants(client(), { invariants, before })
    expect(results.map((r) => [r.ok, r.expected, r.actual])).toEqual([
      [true, { atLeast: 3600n }, 3600n],
      [false, { atLeast: 3601n }, 3600n],
      [true, { atLeast: 3600n }, 3600n],
    ])
  })

  test('behavior: follows an operation through its states', async () => {
    const { call, operationId } = buildTimelockSchedule({
      timelock,
      calls: [
        {
          to: treasury,
          data: encodeFunctionData({
            abi: treasuryAbi,
            functionName: 'withdrawETH',
            args: [stranger, 1n],
          }),
        },
      ],
      salt: zeroHash,
      delay: 3600n,
    })
    // The id we compute is the one the contract computes.
    expect(operationId).toBe(
      await stack.client.readContract({
        address: timelock,
        abi: storyTimelockAbi,
        functionName: 'hashOperation',
        args: [
          treasury,
          0n,
          encodeFunctionData({
            abi: treasuryAbi,
            functionName: 'withdrawETH',
            args: [stranger, 1n],
          }),
          zeroHash,
          zeroHash,
        ],
      }),
    )
    const states = ['unset', 'waiting', 'ready', 'done', 'pending'] as const
    const invariants = states.map((state) =>
      timelockOperationIs({ timelock, operationId, state }),
    )
    const okStates = async () =>
      (await checkInvariants(client(), { invariants })).results
        .filter((r) => r.ok)
        .map((r) => r.expected)
    expect(await okStates()).toEqual(['unset'])
    await executeOnStack(stack, 'ops', [call])
    expect(await okStates()).toEqual(['waiting', 'pending'])
    await passTime(stack, 3601)
    expect(await okStates()).toEqual(['ready', 'pending'])
  })
})

describe('safeOwnersAndThresholdUnchanged', () => {
  test('default', async () => {
    const invariants = [
      safeOwnersAndThresholdUnchanged({ safe: ops, label: 'ops Safe' }),
    ]
    const before = await readInvariantState(client(), { invariants })
    const unchanged = await checkInvariants(client(), { invariants, before })
    expect(unchanged.results[0]!.message).toMatchInlineSnapshot(
      `"ops Safe keeps its 2-of-3 owners."`,
    )
    // The Safe changes its own threshold (a self-call, as a Safe does).
    await executeOnStack(stack, 'ops', [
      {
        to: ops,
        value: 0n,
        data: encodeFunctionData({
          abi: [
            {
              type: 'function',
              name: 'changeThreshold',
              inputs: [{ name: '_threshold', type: 'uint256' }],
              outputs: [],
              stateMutability: 'nonpayable',
            },
          ],
          functionName: 'changeThreshold',
          args: [1n],
        }),
        operation: 'call',
        label: 'ops Safe: threshold 1',
      },
    ])
    const changed = await checkInvariants(client(), { invariants, before })
    expect(changed.ok).toBe(false)
    expect(changed.results[0]!.message).toMatchInlineSnapshot(
      `"ops Safe configuration changed: threshold 2 → 1."`,
    )
  })
})

describe('noUnexpectedRoleChanges', () => {
  const grant = (account: Address, role = 'MINTER_ROLE'): DecodedLog => ({
    address: coin,
    topics: [
      keccak256(toHex('RoleGranted(bytes32,address,address)')),
      toRoleHash(role),
      `0x000000000000000000000000${account.slice(2).toLowerCase()}`,
      `0x000000000000000000000000${timelock.slice(2).toLowerCase()}`,
    ],
    data: '0x',
    logIndex: 0,
  })

  test('default', async () => {
    const invariant = noUnexpectedRoleChanges({
      contracts: [coin, timelock],
      labels: { [coin]: 'AuthorCoin' },
    })
    expect(
      (await checkInvariants(client(), { invariants: [invariant] })).ok,
    ).toBe(true)
    const { results } = await checkInvariants(client(), {
      invariants: [invariant],
      logs: [grant(stranger)],
    })
    expect(results[0]!.ok).toBe(false)
    expect(results[0]!.message).toMatchInlineSnapshot(
      `"Unexpected role changes: grant MINTER_ROLE to 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720 on AuthorCoin."`,
    )
  })

  test('behavior: allowed changes by list or predicate; other contracts ignored', async () => {
    const allowedList = noUnexpectedRoleChanges({
      contracts: [coin],
      allowed: [
        {
          contract: coin,
          role: 'MINTER_ROLE',
          account: stranger,
          granted: true,
        },
      ],
    })
    const predicate = noUnexpectedRoleChanges({
      contracts: [coin],
      allowed: (change) => change.account === ops,
    })
    const otherContract = noUnexpectedRoleChanges({ contracts: [timelock] })
    const { results } = await checkInvariants(client(), {
      invariants: [allowedList, predicate, otherContract],
      logs: [grant(stranger)],
    })
    expect(results.map((r) => r.ok)).toEqual([true, false, true])
  })
})

describe('customInvariant', () => {
  test('default', async () => {
    const invariant = customInvariant({
      name: 'treasuryWithdrawalCountUnchanged',
      read: {
        count: {
          type: 'call',
          address: treasury,
          abi: treasuryAbi,
          functionName: 'withdrawalCount',
        },
        eth: { type: 'balance', address: treasury },
      },
      needsBefore: true,
      check: ({ before, after }) => ({
        ok: before?.count === after.count,
        expected: before?.count as bigint,
        actual: after.count as bigint,
      }),
    })
    const before = await readInvariantState(client(), {
      invariants: [invariant],
    })
    const result = (
      await checkInvariants(client(), { invariants: [invariant], before })
    ).results[0]!
    expect(result).toMatchInlineSnapshot(`
      {
        "actual": 0n,
        "after": {
          "count": 0n,
          "eth": 100000000000000000000n,
        },
        "before": {
          "count": 0n,
          "eth": 100000000000000000000n,
        },
        "description": "treasuryWithdrawalCountUnchanged",
        "expected": 0n,
        "id": "treasuryWithdrawalCountUnchanged",
        "message": "treasuryWithdrawalCountUnchanged holds.",
        "name": "treasuryWithdrawalCountUnchanged",
        "ok": true,
      }
    `)
  })

  test('behavior: a read that reverts fails the invariant, naming the read', async () => {
    const invariant = customInvariant({
      name: 'strangerIsPausable',
      read: {
        paused: {
          type: 'call',
          address: stranger,
          abi: authorCoinAbi,
          functionName: 'paused',
        },
      },
      check: () => true,
    })
    const result = (
      await checkInvariants(client(), { invariants: [invariant] })
    ).results[0]!
    expect([result.ok, result.message]).toMatchInlineSnapshot(`
      [
        false,
        "Could not read the state this invariant needs (paused: paused() returned no data (no contract at 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720?)).",
      ]
    `)
  })

  test('error: arguments that do not encode are refused at once', () => {
    expect(() =>
      customInvariant({
        name: 'bad',
        read: {
          x: {
            type: 'call',
            address: coin,
            abi: authorCoinAbi,
            functionName: 'balanceOf',
            args: ['nope'],
          },
        },
        check: () => true,
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidStateReadError: Read "x" of invariant bad does not encode.

      Hint: Check the function name and the arguments against the ABI given with the read.
      Docs: packages/invariants/README.md#errors
      Details: Address "nope" is invalid.
      Version: @storydao/core@x.y.z]
    `)
  })
})

describe('checkInvariants', () => {
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

describe('assertInvariants', () => {
  test('default', async () => {
    const { ok } = await assertInvariants(client(), {
      invariants: [
        supplyWithinCap({ token: coin }),
        isNotPaused({ contract: coin }),
      ],
    })
    expect(ok).toBe(true)
  })

  test('error: throws InvariantViolationError with the first violation', async () => {
    await pause()
    const error = await assertInvariants(client(), {
      invariants: [
        supplyWithinCap({ token: coin }),
        isNotPaused({ contract: coin, label: 'AuthorCoin' }),
        lacksRole({ contract: coin, role: 'PAUSER_ROLE', account: emergency }),
      ],
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({
      name: 'InvariantViolationError',
      invariant: `isNotPaused(${coin})`,
      expected: false,
      actual: true,
    })
    expect(error).toMatchInlineSnapshot(`
      [InvariantViolationError: 2 invariants violated.

      - isNotPaused(0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1)
        AuthorCoin is paused, expected not paused.
        expected: false
        actual:   true
      - lacksRole(0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1,0x65d7a28e3265b37a6474929f336521b332c1681b933f6cb9f3376673440d862a,0x0Ff9b09627773c18136Bb1f46Ad639335C8B7C51)
        0x0Ff9b09627773c18136Bb1f46Ad639335C8B7C51 has PAUSER_ROLE on 0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1, expected not to have it.
        expected: false
        actual:   true

      Hint: The state read breaks a protocol invariant: investigate before going on.
      Docs: packages/invariants/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
