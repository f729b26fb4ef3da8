import { authorCoinAbi, eip1967Slots, storyTimelockAbi } from '@storydao/core'
import {
  buildCreate2Deploy,
  buildPause,
  buildTimelockCancel,
  buildTimelockSchedule,
} from '@storydao/governance'
import { buildSafePlan, type SafePlanCall } from '@storydao/safe'
import {
  type LocalStack,
  startLocalStack,
  storyDaoBytecodes,
} from '@storydao/testkit'
import {
  type Address,
  encodeFunctionData,
  getAddress,
  keccak256,
  pad,
  parseEther,
  toHex,
  zeroHash,
} from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { assertSafePlan } from './assertSafePlan.js'
import { checkSafePlan } from './checkSafePlan.js'
import { createFork } from './createFork.js'
import { getDefaultInvariants } from './getDefaultInvariants.js'
import { balanceUnchanged } from './invariants/balanceUnchanged.js'
import { customInvariant } from './invariants/customInvariant.js'
import { renderReport } from './renderReport.js'
import { countingTransport } from './test/helpers.js'
import { prepareScenario } from './test/scenario.js'
import type { Fork } from './types/fork.js'
import type { Invariant } from './types.js'

let stack: LocalStack
let fork: Fork
let scenario: Awaited<ReturnType<typeof prepareScenario>>
let coin: Address
let timelock: Address
let ops: Address
let emergency: Address
const counter = countingTransport()

beforeAll(async () => {
  stack = await startLocalStack()
  scenario = await prepareScenario(stack)
  fork = await createFork({
    rpcUrl: stack.rpcUrl,
    transport: counter.transport,
  })
  coin = stack.manifest.contracts.AuthorCoin!.address
  timelock = stack.manifest.contracts.StoryTimelock!.address
  ops = stack.manifest.safes.ops.address
  emergency = stack.manifest.safes.emergency!.address
})

afterAll(async () => {
  await fork?.stop()
  await stack?.stop()
})

const plan = (
  safe: Address,
  calls: readonly SafePlanCall[],
  allowDelegateCall?: boolean,
) =>
  buildSafePlan(fork.client, {
    safe,
    calls,
    ...(allowDelegateCall ? { allowDelegateCall } : {}),
  })
const failed = (report: Awaited<ReturnType<typeof checkSafePlan>>) =>
  report.invariants.filter((result) => !result.ok).map((result) => result.id)

describe('checkSafePlan', () => {
  test('default', async () => {
    // Emergency pause: the emergency Safe pauses AuthorCoin.
    const report = await checkSafePlan(fork, {
      plan: await plan(emergency, [
        buildPause({ target: coin, label: 'AuthorCoin: pause' }),
      ]),
      manifest: stack.manifest,
      invariants: getDefaultInvariants({
        manifest: stack.manifest,
        action: 'pause',
      }),
    })
    expect(failed(report)).toEqual([])
    expect(report.warnings).toEqual([])
    expect(report.ok).toBe(true)
    expect(report.summary).toMatchInlineSnapshot(`
      {
        "failed": 0,
        "invariants": 18,
        "passed": 18,
        "warnings": 0,
      }
    `)
    expect(
      report.invariants.find((result) => result.name === 'isPaused'),
    ).toMatchObject({ ok: true, actual: true })
  })

  test('behavior: an upgrade passes its default invariants', async () => {
    const report = await checkSafePlan(fork, {
      plan: await plan(ops, [scenario.upgrade.execute]),
      manifest: scenario.manifestWithUpgrade,
      invariants: getDefaultInvariants({
        manifest: scenario.manifestWithUpgrade,
        action: 'upgrade',
      }),
    })
    expect(failed(report)).toEqual([])
    expect(report.ok).toBe(true)
    expect(
      report.invariants.find((result) => result.name === 'implementationIs'),
    ).toMatchObject({
      ok: true,
      actual: scenario.v2,
    })
    // The timelock payload is decoded for the signer, and so is the call the
    // upgrade runs.
    expect(report.calls[0]!.inner?.[0]).toMatchObject({
      contract: 'AuthorCoin',
      functionName: 'upgradeToAndCall',
      inner: [
        {
          index: 0,
          contract: 'AuthorCoin',
          operation: 'call',
          functionName: 'initializeV2',
        },
      ],
    })
    expect(
      renderReport({ report, format: 'markdown' })
        .split('\n')
        .filter((line) => /^\s+- \w+ call /.test(line)),
    ).toMatchInlineSnapshot(`
      [
        "  - timelock call **0.** AuthorCoin (0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1): \`upgradeToAndCall(newImplementation: 0x7a2088a1bFc9d81c55368AE168C2C02570cB814F, data: 0x5b4e128c00000000000000000000000000000000000000000000d3c21bcecceda1000000)\`",
        "    - upgrade call **0.** AuthorCoin (0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1): \`initializeV2(mintLimitPerCall_: 1000000000000000000000000)\`",
      ]
    `)
  })

  test('behavior: a timelock cancel passes its default invariants', async () => {
    const cancel = buildTimelockCancel({
      timelock,
      operationId: scenario.toCancel.id,
    })
    const invariants = getDefaultInvariants({
      manifest: stack.manifest,
      action: 'timelock-cancel',
      operationIds: [scenario.toCancel.id],
    })
    const report = await checkSafePlan(fork, {
      plan: await plan(ops, [cancel]),
      manifest: stack.manifest,
      invariants,
    })
    expect(failed(report)).toEqual([])
    expect(report.ok).toBe(true)
    expect(report.invariants.at(-1)).toMatchObject({
      name: 'timelockOperationIs',
      ok: true,
      actual: 'unset',
    })
    // Before the cancel it was ready: the check saw it change.
    expect(
      await fork.client.readContract({
        address: timelock,
        abi: storyTimelockAbi,
        functionName: 'isOperationReady',
        args: [scenario.toCancel.id],
      }),
    ).toBe(true)
  })

  test('behavior: a malicious batch is caught (upgrade plus a mint to a stranger)', async () => {
    const batch = await plan(ops, [
      scenario.upgrade.execute,
      scenario.mintToStranger.execute,
    ])
    const parameters = {
      plan: batch,
      manifest: scenario.manifestWithUpgrade,
      invariants: getDefaultInvariants({
        manifest: scenario.manifestWithUpgrade,
        action: 'upgrade',
      }),
    }
    const report = await checkSafePlan(fork, parameters)
    expect(report.simulation.status).toBe('success')
    expect(report.ok).toBe(false)
    expect(failed(report)).toEqual([`supplyUnchanged(${coin})`])
    const error = await assertSafePlan(fork, parameters).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({
      name: 'InvariantViolationError',
      invariant: `supplyUnchanged(${coin})`,
      expected: parseEther('100000000'),
      actual: parseEther('100500000'),
    })
  })

  test('behavior: a role grant to a stranger is caught', async () => {
    const report = await checkSafePlan(fork, {
      plan: await plan(ops, [scenario.grantToStranger.execute]),
      manifest: stack.manifest,
      invariants: getDefaultInvariants({
        manifest: stack.manifest,
        action: 'role-change',
      }),
    })
    expect(failed(report)).toEqual([
      `noUnexpectedRoleChanges(${coin},${timelock})`,
    ])
    expect(report.warnings.map((warning) => warning.code)).toEqual([
      'unknown-role-grant',
    ])
    expect(report.warnings[0]!.message).toMatchInlineSnapshot(
      `"AuthorCoin grants MINTER_ROLE to 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720, which is not in the manifest."`,
    )
  })

  describe('a deploy batch: a new timelock, then role grants and a stray call', () => {
    const create2Deployer = '0x4e59b44847b379578588920cA78FbF26c0B4956C'
    const multicall3 = '0xcA11bde05977b3631167028862bE2a173976CA11'
    const stray = '0x00000000000000000000000000000000DeaDBeef'
    const stranger = '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720'
    /** Deploys a StoryTimelock the ops Safe administers, then wires it. */
    const deployBatch = async () => {
      const deploy = buildCreate2Deploy({
        bytecode: storyDaoBytecodes.StoryTimelock,
        abi: storyTimelockAbi,
        constructorArgs: [0n, [], [], ops],
        salt: keccak256(toHex('checkSafePlan known names')),
        name: 'NewTimelock',
      })
      const grant = (
        role: 'PROPOSER_ROLE' | 'EXECUTOR_ROLE',
        account: Address,
      ) => ({
        to: deploy.address,
        value: 0n,
        operation: 'call' as const,
        label: `NewTimelock: grant ${role}`,
        data: encodeFunctionData({
          abi: storyTimelockAbi,
          functionName: 'grantRole',
          args: [keccak256(toHex(role)), account],
        }),
      })
      const calls: SafePlanCall[] = [
        { ...deploy.call, operation: 'call' },
        grant('PROPOSER_ROLE', stranger),
        grant('EXECUTOR_ROLE', multicall3),
        { to: stray, value: 0n, data: '0x', operation: 'call', label: 'stray' },
      ]
      return { timelock: deploy.address, plan: await plan(ops, calls) }
    }
    const warningsOf = (report: Awaited<ReturnType<typeof checkSafePlan>>) =>
      report.warnings.map(({ code, message }) => `${code}: ${message}`)

    test('behavior: canonical infrastructure and `known` names are labelled; a stray call and grants to a stranger or to Multicall3 still warn', async () => {
      const batch = await deployBatch()
      const report = await checkSafePlan(fork, {
        plan: batch.plan,
        manifest: stack.manifest,
        invariants: [],
        known: { [batch.timelock.toLowerCase() as Address]: 'NewTimelock' },
      })
      expect(report.simulation.status).toBe('success')
      expect(report.calls.map((call) => call.contract)).toEqual([
        'CREATE2 deployer',
        'NewTimelock',
        'NewTimelock',
        undefined,
      ])
      expect(warningsOf(report)).toMatchInlineSnapshot(`
        [
          "unknown-target: Call 3 targets 0x00000000000000000000000000000000DeaDBeef, which is not in the manifest.",
          "unknown-role-grant: NewTimelock grants PROPOSER_ROLE to 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720, which is not in the manifest.",
          "unknown-role-grant: NewTimelock grants EXECUTOR_ROLE to Multicall3 (0xcA11bde05977b3631167028862bE2a173976CA11), canonical infrastructure anyone can call through: anyone could use this role.",
        ]
      `)
      const markdown = renderReport({ report, format: 'markdown' })
      expect(markdown).toContain(`CREATE2 deployer (${create2Deployer})`)
      expect(markdown).toContain(
        `CREATE2 deployment of NewTimelock (${batch.timelock})`,
      )
      expect(markdown).toContain(
        `- **1.** NewTimelock (${batch.timelock}): \`grantRole(`,
      )
    })

    test('behavior: without `known`, the contracts the batch deploys are unknown', async () => {
      const batch = await deployBatch()
      const report = await checkSafePlan(fork, {
        plan: batch.plan,
        manifest: stack.manifest,
        invariants: [],
      })
      const warnings = warningsOf(report)
      expect(
        warnings.filter((warning) => warning.includes(create2Deployer)),
      ).toEqual([])
      expect(warnings).toContain(
        `unknown-target: Call 1 targets ${batch.timelock}, which is not in the manifest.`,
      )
      expect(warnings).toContain(
        `unknown-role-grant: ${batch.timelock} grants DEFAULT_ADMIN_ROLE to ${batch.timelock}, which is not in the manifest.`,
      )
    })
  })

  test('behavior: a delegatecall to an unknown target is caught', async () => {
    const report = await checkSafePlan(fork, {
      plan: await plan(
        ops,
        [
          {
            to: scenario.thresholdWriter,
            value: 0n,
            data: '0x',
            operation: 'delegatecall',
            label: 'looks harmless',
          },
        ],
        true,
      ),
      manifest: stack.manifest,
      invariants: getDefaultInvariants({
        manifest: stack.manifest,
        action: 'timelock-schedule',
      }),
    })
    expect(report.simulation.status).toBe('success')
    expect(failed(report)).toEqual([`safeOwnersAndThresholdUnchanged(${ops})`])
    expect(report.invariants[0]!.message).toMatchInlineSnapshot(
      `"ops Safe configuration changed: threshold 2 → 1."`,
    )
    expect(report.warnings.map((warning) => warning.code)).toEqual([
      'delegatecall',
      'unknown-target',
      'plan',
    ])
  })

  test('behavior: a Treasury drain is caught', async () => {
    const invariants = getDefaultInvariants({
      manifest: stack.manifest,
      action: 'treasury-transfer',
      treasuryOutflows: [{ asset: 'ETH', amount: parseEther('1') }],
    })
    const report = await checkSafePlan(fork, {
      plan: await plan(ops, [scenario.drain.execute]),
      manifest: stack.manifest,
      invariants,
    })
    expect(failed(report)).toEqual([
      `balanceChangedBy(ETH,${stack.manifest.contracts.Treasury!.address},-1000000000000000000)`,
    ])
    expect(
      report.invariants.find((result) => !result.ok)!.message,
    ).toMatchInlineSnapshot(
      `"Treasury's ETH balance changed by -100000000000000000000, expected -1000000000000000000."`,
    )
    expect(report.warnings).toMatchInlineSnapshot(`
      [
        {
          "code": "treasury-outflow",
          "message": "Treasury sends out 100000000000000000000 wei.",
        },
      ]
    `)
    expect(report.simulation.balanceChanges).toMatchInlineSnapshot(`
      [
        {
          "after": 0n,
          "asset": "ETH",
          "before": 100000000000000000000n,
          "delta": -100000000000000000000n,
          "holder": "0x9A676e781A523b5d0C0e43731313A708CB607508",
          "holderName": "Treasury",
        },
        {
          "after": 10100000000000000000000n,
          "asset": "ETH",
          "before": 10000000000000000000000n,
          "delta": 100000000000000000000n,
          "holder": "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720",
        },
      ]
    `)
  })

  test('behavior: a reverting call is reported with its index and reason', async () => {
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
    const mint: SafePlanCall = {
      to: coin,
      value: 0n,
      data: encodeFunctionData({
        abi: authorCoinAbi,
        functionName: 'mint',
        args: [ops, 1n],
      }),
      operation: 'call',
      label: 'AuthorCoin: mint 1 wei to the ops Safe',
    }
    const batch = await plan(ops, [schedule, mint])
    const parameters = {
      plan: batch,
      manifest: stack.manifest,
      invariants: getDefaultInvariants({
        manifest: stack.manifest,
        action: 'timelock-schedule',
      }),
    }
    const report = await checkSafePlan(fork, parameters)
    expect(report.ok).toBe(false)
    expect([
      report.simulation.revert?.callIndex,
      report.simulation.revert?.errorName,
    ]).toEqual([1, 'AccessControlUnauthorizedAccount'])
    await expect(
      assertSafePlan(fork, parameters),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [InvariantViolationError: Invariant safeTransactionSucceeds violated by Safe transaction 0x8520c02d92b3ef776669fc152ca8446627cc628a6a4a4103a92ae0689c2bb90e: The Safe transaction executes.

      - safeTransactionSucceeds
        The Safe transaction reverts: call 1 (AuthorCoin: mint 1 wei to the ops Safe) AccessControlUnauthorizedAccount(0x1835069efDE63081BA0833Ef9704bf2Cc0E45abc, MINTER_ROLE).
        expected: success
        actual:   AccessControlUnauthorizedAccount(0x1835069efDE63081BA0833Ef9704bf2Cc0E45abc, MINTER_ROLE)

      Hint: Do not sign: the rehearsed transaction breaks a protocol invariant. Fix the batch (or the invariant set, if the change is intended) and re-run the check.
      Docs: packages/invariants/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('behavior: RPC requests do not grow with the number of invariants', async () => {
    const pause = await plan(emergency, [buildPause({ target: coin })])
    const defaults = getDefaultInvariants({
      manifest: stack.manifest,
      action: 'pause',
    })
    // N distinct invariants: the defaults plus one AuthorCoin balance per
    // generated holder, so `readState` has N distinct reads to batch (copies
    // of one invariant would be de-duplicated to a handful of reads).
    const distinct = (n: number): Invariant[] => [
      ...defaults,
      ...Array.from({ length: n - defaults.length }, (_, i) =>
        balanceUnchanged({
          asset: coin,
          holder: getAddress(pad(toHex(i + 1), { size: 20 })),
        }),
      ),
    ]
    const fifty = distinct(50)
    const threeHundred = distinct(300)
    for (const [invariants, n] of [
      [fifty, 50],
      [threeHundred, 300],
    ] as const) {
      expect(invariants).toHaveLength(n)
      expect(new Set(invariants.map((invariant) => invariant.id)).size).toBe(n)
    }
    const one = customInvariant({
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
          slot: eip1967Slots.implementation,
        },
      },
      check: () => true,
    })
    const measure = async (invariants: readonly Invariant[]) => {
      counter.reset()
      const report = await checkSafePlan(fork, {
        plan: pause,
        manifest: stack.manifest,
        invariants,
      })
      expect(report.ok).toBe(true)
      // Every one of them was evaluated (against reads that succeeded).
      const ids = new Set(invariants.map((invariant) => invariant.id))
      expect(
        report.invariants.filter((result) => ids.has(result.id) && result.ok),
      ).toHaveLength(ids.size)
      return [...counter.methods]
    }
    const single = await measure([one])
    expect(await measure(fifty)).toEqual(single)
    expect(await measure(threeHundred)).toEqual(single)
    expect(single).toHaveLength(17)
    expect(single).toMatchInlineSnapshot(`
      [
        "eth_call",
        "eth_call",
        "eth_call",
        "evm_snapshot",
        "anvil_getAutomine",
        "evm_setAutomine",
        "eth_sendTransaction",
        "evm_mine",
        "eth_sendTransaction",
        "evm_mine",
        "evm_setAutomine",
        "eth_getTransactionReceipt",
        "debug_traceTransaction",
        "debug_traceTransaction",
        "eth_call",
        "eth_call",
        "evm_revert",
      ]
    `)
  })
})
