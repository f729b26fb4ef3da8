import { authorCoinAbi, safeAbi, storyTimelockAbi } from '@storydao/core'
import { buildPause, buildTimelockSchedule } from '@storydao/governance'
import { buildSafePlan, type SafePlan } from '@storydao/safe'
import { type LocalStack, startLocalStack } from '@storydao/testkit'
import { type Address, encodeFunctionData, parseEther, zeroHash } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createFork } from './createFork.js'
import { simulateSafePlan } from './simulateSafePlan.js'
import type { Fork } from './types/fork.js'
import './test/helpers.js'

let stack: LocalStack
let fork: Fork
let coin: Address
let timelock: Address
let ops: Address
let emergency: Address

beforeAll(async () => {
  stack = await startLocalStack()
  fork = await createFork({ rpcUrl: stack.rpcUrl })
  coin = stack.manifest.contracts.AuthorCoin!.address
  timelock = stack.manifest.contracts.StoryTimelock!.address
  ops = stack.manifest.safes.ops.address
  emergency = stack.manifest.safes.emergency!.address
})

afterAll(async () => {
  await fork?.stop()
  await stack?.stop()
})

const pausePlan = () =>
  buildSafePlan(fork.client, {
    safe: emergency,
    calls: [buildPause({ target: coin, label: 'AuthorCoin: pause' })],
  })
const paused = () =>
  fork.client.readContract({
    address: coin,
    abi: authorCoinAbi,
    functionName: 'paused',
  })

describe('simulateSafePlan', () => {
  test('default', async () => {
    const plan = await pausePlan()
    const simulation = await simulateSafePlan(fork, {
      plan,
      manifest: stack.manifest,
    })
    expect(simulation.status).toBe('success')
    // The hash the Safe computed on the fork is the plan's.
    expect(simulation.safeTxHash).toBe(plan.safeTxHash)
    expect(simulation.safeTxHash).toBe(
      await fork.client.readContract({
        address: emergency,
        abi: safeAbi,
        functionName: 'getTransactionHash',
        args: [
          plan.safeTx.to,
          plan.safeTx.value,
          plan.safeTx.data,
          plan.safeTx.operation,
          plan.safeTx.safeTxGas,
          plan.safeTx.baseGas,
          plan.safeTx.gasPrice,
          plan.safeTx.gasToken,
          plan.safeTx.refundReceiver,
          plan.safeTx.nonce,
        ],
      }),
    )
    expect(simulation.gasUsed).toBeGreaterThan(21_000n)
    // Signers: the two lowest owners; the higher one executes.
    const [a, b] = [...stack.manifest.safes.emergency!.owners].sort((x, y) =>
      x.toLowerCase() < y.toLowerCase() ? -1 : 1,
    )
    expect(simulation.approvers).toEqual([a])
    expect(simulation.executor).toBe(b)
    expect(simulation.calls).toMatchInlineSnapshot(`
      [
        {
          "args": [],
          "contract": "AuthorCoin",
          "data": "0x8456cb59",
          "functionName": "pause",
          "index": 0,
          "label": "AuthorCoin: pause",
          "operation": "call",
          "to": "0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1",
          "value": 0n,
        },
      ]
    `)
    expect(
      simulation.logs.map((log) => [log.contract, log.eventName, log.args]),
    ).toMatchInlineSnapshot(`
      [
        [
          "AuthorCoin",
          "Paused",
          {
            "account": "0x0Ff9b09627773c18136Bb1f46Ad639335C8B7C51",
          },
        ],
        [
          "emergency Safe",
          "ExecutionSuccess",
          {
            "payment": 0n,
            "txHash": "0x8850ebd8d0b53c6463efd915f9e2e019bd7b76fa2ea63f3bec604754ca7dbade",
          },
        ],
      ]
    `)
    expect(simulation.storageChanges).toMatchInlineSnapshot(`
      [
        {
          "address": "0x0Ff9b09627773c18136Bb1f46Ad639335C8B7C51",
          "after": "0x0000000000000000000000000000000000000000000000000000000000000001",
          "before": "0x0000000000000000000000000000000000000000000000000000000000000000",
          "contract": "emergency Safe",
          "slot": "0x0000000000000000000000000000000000000000000000000000000000000005",
        },
        {
          "address": "0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1",
          "after": "0x0000000000000000000000000000000000000000000000000000000000000001",
          "before": "0x0000000000000000000000000000000000000000000000000000000000000000",
          "contract": "AuthorCoin",
          "slot": "0xcd5ed15c6e187e77e9aee88184c21f4f2182ab5827cb3b7e07fbedcd63f03300",
        },
      ]
    `)
    expect(simulation.balanceChanges).toEqual([])
    expect(simulation.revert).toBeUndefined()
    // The fork is back where it was, ready for the next simulation.
    expect(await paused()).toBe(false)
    expect(
      await fork.client.readContract({
        address: emergency,
        abi: safeAbi,
        functionName: 'nonce',
      }),
    ).toBe(0n)
  })

  test('behavior: a reverting call in a batch is reported with its index and reason', async () => {
    const { call: schedule } = buildTimelockSchedule({
      timelock,
      calls: [
        {
          to: coin,
          data: encodeFunctionData({
            abi: authorCoinAbi,
            functionName: 'unpause',
          }),
        },
      ],
      salt: zeroHash,
      delay: 3600n,
    })
    const plan = await buildSafePlan(fork.client, {
      safe: ops,
      calls: [
        schedule,
        {
          to: coin,
          value: 0n,
          data: encodeFunctionData({
            abi: authorCoinAbi,
            functionName: 'mint',
            args: [ops, parseEther('1')],
          }),
          operation: 'call',
          label: 'AuthorCoin: mint 1 AUTH to the ops Safe',
        },
      ],
    })
    const simulation = await simulateSafePlan(fork, {
      plan,
      manifest: stack.manifest,
    })
    expect(simulation.status).toBe('reverted')
    expect(simulation.logs).toEqual([])
    const { call, ...revert } = simulation.revert!
    expect(revert).toMatchInlineSnapshot(`
      {
        "callIndex": 1,
        "data": "0xe2517d3f0000000000000000000000001835069efde63081ba0833ef9704bf2cc0e45abc9f2df0fed2c77648de5860a4cc508cd0818c85b8b8a1ab4ceeef8d981c8956a6",
        "errorName": "AccessControlUnauthorizedAccount",
        "reason": "AccessControlUnauthorizedAccount(0x1835069efDE63081BA0833Ef9704bf2Cc0E45abc, MINTER_ROLE)",
        "safeReason": "GS013: Safe transaction failed when gasPrice and safeTxGas were 0",
      }
    `)
    expect(call?.label).toBe('AuthorCoin: mint 1 AUTH to the ops Safe')
  })

  test('behavior: a call reverting deep inside the timelock keeps its reason', async () => {
    // The ops Safe asks the timelock to execute an operation nobody scheduled.
    const plan = await buildSafePlan(fork.client, {
      safe: ops,
      calls: [
        {
          to: timelock,
          value: 0n,
          data: encodeFunctionData({
            abi: storyTimelockAbi,
            functionName: 'execute',
            args: [
              coin,
              0n,
              encodeFunctionData({
                abi: authorCoinAbi,
                functionName: 'unpause',
              }),
              zeroHash,
              zeroHash,
            ],
          }),
          operation: 'call',
          label: 'StoryTimelock: execute unpause',
        },
      ],
    })
    const simulation = await simulateSafePlan(fork, {
      plan,
      manifest: stack.manifest,
    })
    expect([
      simulation.revert?.callIndex,
      simulation.revert?.reason,
      simulation.revert?.safeReason,
    ]).toMatchInlineSnapshot(`
      [
        0,
        "TimelockUnexpectedOperationState(0x3ed1e8dbd20c77a75905fc48137c0dbb8dd26462cd245b4c868fd9f3c4ddc342, 0x0000000000000000000000000000000000000000000000000000000000000004)",
        "GS013: Safe transaction failed when gasPrice and safeTxGas were 0",
      ]
    `)
  })

  test('behavior: a queued nonce is reached by moving the fork nonce; revert: false keeps the state', async () => {
    const plan = await buildSafePlan(fork.client, {
      safe: emergency,
      nonce: 3n,
      calls: [buildPause({ target: coin })],
    })
    const id = await fork.snapshot()
    try {
      const simulation = await simulateSafePlan(fork, { plan, revert: false })
      expect(simulation.status).toBe('success')
      expect(simulation.notes).toMatchInlineSnapshot(`
        [
          "The Safe is at nonce 0; the fork moved it to the plan's nonce 3 (transactions queued before it were not run).",
        ]
      `)
      expect(await paused()).toBe(true)
      expect(
        await fork.client.readContract({
          address: emergency,
          abi: safeAbi,
          functionName: 'nonce',
        }),
      ).toBe(4n)
      // Without a manifest, calls and logs are still decoded by the known ABIs, unnamed.
      expect(simulation.calls[0]!.functionName).toBe('pause')
      expect(simulation.calls[0]!.contract).toBeUndefined()
      expect(simulation.logs.map((log) => log.eventName)).toEqual([
        'Paused',
        'ExecutionSuccess',
      ])
    } finally {
      await fork.revert(id)
    }
  })

  test('behavior: chosen signers', async () => {
    const owners = stack.manifest.safes.emergency!.owners
    const simulation = await simulateSafePlan(fork, {
      plan: await pausePlan(),
      signers: [owners[2]!, owners[1]!],
    })
    expect(simulation.status).toBe('success')
    expect(new Set([...simulation.approvers, simulation.executor])).toEqual(
      new Set([owners[1], owners[2]]),
    )
  })

  test('error: the plan does not match the chain', async () => {
    const plan = await pausePlan()
    const tampered: SafePlan = {
      ...plan,
      safeTx: { ...plan.safeTx, data: '0x3f4ba83a' },
    }
    await expect(
      simulateSafePlan(fork, { plan: tampered }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SimulationError: The Safe computes a different safeTxHash for this transaction than the plan says.

      Plan: 0x8850ebd8d0b53c6463efd915f9e2e019bd7b76fa2ea63f3bec604754ca7dbade
      Safe: 0x69fbe3055ed0716c2d0069b971136513528d46b8b6087b2fed72bfc9176a567f

      Hint: The plan was altered after it was built (or built for another Safe): rebuild it.
      Docs: packages/invariants/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    await expect(
      simulateSafePlan(fork, { plan: { ...plan, chainId: 1 } }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SimulationError: The plan is for chain 1, the fork runs chain 31337.

      Hint: Fork the RPC of the network the plan was built for.
      Docs: packages/invariants/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    await expect(
      simulateSafePlan(fork, {
        plan: { ...plan, safe: stack.accounts.stranger.address },
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SimulationError: No Safe answers at 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720 on the fork.

      Hint: Check the plan’s Safe address and that the fork is of the right network and block.
      Docs: packages/invariants/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: signers', async () => {
    const plan = await pausePlan()
    await expect(
      simulateSafePlan(fork, {
        plan,
        signers: [
          stack.accounts.stranger.address,
          stack.manifest.safes.emergency!.owners[0]!,
        ],
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SimulationError: 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720 is not an owner of 0x0Ff9b09627773c18136Bb1f46Ad639335C8B7C51.

      Owners: 0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65, 0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc, 0x976EA74026E726554dB657fA54763abd0C3a0aa9

      Docs: packages/invariants/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    await expect(
      simulateSafePlan(fork, {
        plan,
        signers: [stack.manifest.safes.emergency!.owners[0]!],
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SimulationError: 1 signer(s) given, the Safe needs 2.

      Hint: Pass at least \`threshold\` distinct owners as \`signers\`, or omit it.
      Docs: packages/invariants/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: a spent nonce', async () => {
    const plan = await pausePlan()
    const id = await fork.snapshot()
    try {
      await simulateSafePlan(fork, { plan, revert: false })
      await expect(
        simulateSafePlan(fork, { plan }),
      ).rejects.toThrowErrorMatchingInlineSnapshot(`
        [SimulationError: Nonce 0 was already used: the Safe is at nonce 1.

        Hint: Rebuild the plan with the current nonce.
        Docs: packages/invariants/README.md#errors
        Version: @storydao/core@x.y.z]
      `)
    } finally {
      await fork.revert(id)
    }
  })
})
