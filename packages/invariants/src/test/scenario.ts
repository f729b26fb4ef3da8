import type { Call } from '@storydao/core'
import {
  authorCoinAbi,
  authorCoinV2Abi,
  type Manifest,
  treasuryAbi,
} from '@storydao/core'
import {
  buildTimelockExecute,
  buildTimelockSchedule,
} from '@storydao/governance'
import { type LocalStack, storyDaoBytecodes } from '@storydao/testkit'
import {
  type Address,
  encodeFunctionData,
  getAddress,
  type Hex,
  pad,
  parseEther,
  toHex,
} from 'viem'
import { executeOnStack, passTime } from './helpers.js'

/** Block timestamp of the scheduling transaction (2033-05-18). */
const scheduledAt = 2_000_000_000n

/** A timelock operation scheduled on the stack, ready to execute after the delay. */
export type ScheduledOperation = { id: Hex; execute: Call }

/**
 * Prepares the stack for the check scenarios: an AuthorCoinV2 implementation
 * and a malicious delegatecall target deployed, and timelock operations
 * scheduled through the ops Safe (for real) whose delay has passed.
 */
export async function prepareScenario(stack: LocalStack) {
  const { contracts } = stack.manifest
  const coin = contracts.AuthorCoin!.address
  const treasury = contracts.Treasury!.address
  const timelock = contracts.StoryTimelock!.address
  const stranger = stack.accounts.stranger.address

  const deploy = async (bytecode: Hex) => {
    const hash = await stack.client.deployContract({
      account: stack.accounts.deployer.address,
      abi: [],
      bytecode,
    })
    const receipt = await stack.client.waitForTransactionReceipt({ hash })
    return getAddress(receipt.contractAddress!)
  }
  const v2 = await deploy(storyDaoBytecodes.AuthorCoinV2)
  // Runtime `PUSH1 1 PUSH1 4 SSTORE STOP`: delegatecalled by a Safe, it sets
  // the threshold (slot 4) to 1 without emitting ChangedThreshold.
  const thresholdWriter = await deploy('0x6006600c60003960066000f3600160045500')

  const operation = (
    salt: number,
    calls: { to: Address; data: Hex; value?: bigint }[],
  ) => {
    const saltHex = pad(toHex(salt), { size: 32 })
    const schedule = buildTimelockSchedule({
      timelock,
      calls,
      salt: saltHex,
      delay: 3600n,
    })
    const execute = buildTimelockExecute({ timelock, calls, salt: saltHex })
    return {
      schedule: schedule.call,
      operation: { id: execute.operationId, execute: execute.call },
    }
  }
  const upgrade = operation(1, [
    {
      to: coin,
      data: encodeFunctionData({
        abi: authorCoinV2Abi,
        functionName: 'upgradeToAndCall',
        args: [
          v2,
          encodeFunctionData({
            abi: authorCoinV2Abi,
            functionName: 'initializeV2',
            args: [parseEther('1000000')],
          }),
        ],
      }),
    },
  ])
  const mintToStranger = operation(2, [
    {
      to: coin,
      data: encodeFunctionData({
        abi: authorCoinAbi,
        functionName: 'mint',
        args: [stranger, parseEther('500000')],
      }),
    },
  ])
  const drain = operation(3, [
    {
      to: treasury,
      data: encodeFunctionData({
        abi: treasuryAbi,
        functionName: 'withdrawETH',
        args: [stranger, parseEther('100')],
      }),
    },
  ])
  const toCancel = operation(4, [
    {
      to: coin,
      data: encodeFunctionData({ abi: authorCoinAbi, functionName: 'unpause' }),
    },
  ])
  const grantToStranger = operation(5, [
    {
      to: coin,
      data: encodeFunctionData({
        abi: authorCoinAbi,
        functionName: 'grantRole',
        args: [
          await stack.client.readContract({
            address: coin,
            abi: authorCoinAbi,
            functionName: 'MINTER_ROLE',
          }),
          stranger,
        ],
      }),
    },
  ])
  const all = [upgrade, mintToStranger, drain, toCancel, grantToStranger]
  // A fixed clock keeps the operations' timestamps (and reports) deterministic.
  const latest = await stack.client.getBlock()
  await stack.client.setNextBlockTimestamp({
    timestamp:
      latest.timestamp < scheduledAt ? scheduledAt : latest.timestamp + 1n,
  })
  await executeOnStack(
    stack,
    'ops',
    all.map((item) => item.schedule),
  )
  await passTime(stack, 3601)

  const coinEntry = contracts.AuthorCoin!
  const manifestWithUpgrade: Manifest = {
    ...stack.manifest,
    upgrades: [
      {
        id: 'authorcoin-v2',
        target: 'AuthorCoin',
        fromImplementation:
          coinEntry.kind === 'uups-proxy' ? coinEntry.implementation : coin,
        toImplementation: v2,
        calldata: upgrade.operation.execute.data,
        status: 'queued',
        createdAt: '2026-11-26T10:00:00.000Z',
      },
    ],
  }
  return {
    v2,
    thresholdWriter,
    manifestWithUpgrade,
    upgrade: upgrade.operation,
    mintToStranger: mintToStranger.operation,
    drain: drain.operation,
    toCancel: toCancel.operation,
    grantToStranger: grantToStranger.operation,
  }
}
