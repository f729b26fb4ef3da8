import { storyDaoAbis, storyTimelockAbi } from '@storydao/core'
import { type LocalStack, localChain, startLocalStack } from '@storydao/testkit'
import {
  type Account,
  type Address,
  type Chain,
  createTestClient,
  decodeErrorResult,
  type Hex,
  http,
  type PublicActions,
  parseEther,
  publicActions,
  type TestClient,
  type TransactionReceipt,
  type Transport,
  type WalletActions,
  walletActions,
  zeroHash,
} from 'viem'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { buildCreate2Deploy } from '../buildCreate2Deploy.js'
import { buildTimelockExecute } from '../buildTimelockExecute.js'
import { buildTimelockSchedule } from '../buildTimelockSchedule.js'
import type { OperationCall } from '../types/calls.js'

/** A viem test + public + wallet client for the stack, sending as the deployer. */
export function createStackClient(stack: LocalStack): StackClient {
  return createTestClient({
    mode: 'anvil',
    chain: localChain({ rpcUrl: stack.rpcUrl, chainId: stack.chainId }),
    account: stack.accounts.deployer.address,
    transport: http(stack.rpcUrl),
    pollingInterval: 10,
    cacheTime: 0,
  })
    .extend(publicActions)
    .extend(walletActions)
}

/** A test client with public and wallet actions for an anvil chain. */
export type StackClient = TestClient<'anvil', Transport, Chain, Account> &
  PublicActions<Transport, Chain, Account> &
  WalletActions<Chain, Account>

/** What a test file shares: the stack and a typed client for it. */
export type StackContext = { stack: LocalStack; client: StackClient }

/**
 * Starts one local stack for the test file (stopped after it) and resets the
 * chain before every test.
 */
export function useLocalStack(): StackContext {
  const context = {} as StackContext
  beforeAll(async () => {
    context.stack = await startLocalStack()
    context.client = createStackClient(context.stack)
  })
  beforeEach(async () => {
    await context.stack.reset()
  })
  afterAll(async () => {
    await context.stack?.stop()
  })
  return context
}

/** The stack's contract addresses by manifest name. */
export function contractAddress(stack: LocalStack, name: string): Address {
  const entry = stack.manifest.contracts[name]
  if (!entry) throw new Error(`no ${name} in the manifest`)
  return entry.address
}

/** The ops and emergency Safes. */
export function safes(stack: LocalStack) {
  return {
    ops: stack.manifest.safes.ops.address,
    emergency: stack.manifest.safes.emergency!.address,
  }
}

/**
 * Sends a call as `from` (impersonated, funded): the way a Safe's
 * `execTransaction` would make it, without the Safe path (another package).
 * Throws with the revert reason when the transaction reverts.
 */
export async function sendAs(
  { client }: StackContext,
  from: Address,
  call: { to: Address; value?: bigint | undefined; data: Hex },
  options: { gas?: bigint } = {},
): Promise<TransactionReceipt> {
  await client.impersonateAccount({ address: from })
  await client.setBalance({ address: from, value: parseEther('1000') })
  const request = {
    account: from,
    to: call.to,
    data: call.data,
    value: call.value ?? 0n,
    ...(options.gas === undefined ? {} : { gas: options.gas }),
  }
  // Simulate first so a revert surfaces with its decoded custom error.
  await client.call(request).catch((error: unknown) => {
    throw new Error(`call from ${from} reverted: ${revertName(error)}`, {
      cause: error,
    })
  })
  const hash = await client.sendTransaction({ ...request, chain: client.chain })
  const receipt = await client.waitForTransactionReceipt({ hash })
  await client.stopImpersonatingAccount({ address: from })
  if (receipt.status !== 'success')
    throw new Error(`transaction ${hash} from ${from} reverted`)
  return receipt
}

const errorAbi = Object.values(storyDaoAbis).flatMap((abi) =>
  abi.filter((item) => item.type === 'error'),
)

/** The custom error name of a failed call, decoded with the StoryDAO ABIs. */
function revertName(error: unknown): string {
  for (let current = error; current; ) {
    const data = (current as { data?: unknown }).data
    if (typeof data === 'string' && data.startsWith('0x')) {
      try {
        const decoded = decodeErrorResult({ abi: errorAbi, data: data as Hex })
        return `${decoded.errorName}(${(decoded.args ?? []).map(String).join(', ')})`
      } catch {
        return data
      }
    }
    current = (current as { cause?: unknown }).cause
  }
  return error instanceof Error ? error.message : String(error)
}

/** Moves the chain's clock forward and mines a block. */
export async function advanceTime({ client }: StackContext, seconds: bigint) {
  await client.increaseTime({ seconds: Number(seconds) })
  await client.mine({ blocks: 1 })
}

/**
 * Runs calls through the StoryDAO timelock as the ops Safe: schedule,
 * wait the minimum delay, execute.
 */
export async function runThroughTimelock(
  context: StackContext,
  calls: readonly OperationCall[],
  salt: Hex = zeroHash,
  options: { gas?: bigint } = {},
) {
  const { stack, client } = context
  const timelock = contractAddress(stack, 'StoryTimelock')
  const { ops } = safes(stack)
  const delay = await client.readContract({
    address: timelock,
    abi: storyTimelockAbi,
    functionName: 'getMinDelay',
  })
  const schedule = buildTimelockSchedule({ timelock, calls, salt, delay })
  await sendAs(context, ops, schedule.call)
  await advanceTime(context, delay)
  const execute = buildTimelockExecute({ timelock, calls, salt })
  const receipt = await sendAs(context, ops, execute.call, options)
  return { operationId: schedule.operationId, receipt }
}

/**
 * Deploys a contract through the CREATE2 deployer (as the deployer account)
 * and returns its address.
 */
export async function deployWithCreate2(
  context: StackContext,
  parameters: Parameters<typeof buildCreate2Deploy>[0],
): Promise<Address> {
  const { call, address } = buildCreate2Deploy(parameters)
  await sendAs(context, context.stack.accounts.deployer.address, call, {
    gas: 15_000_000n,
  })
  return address
}
