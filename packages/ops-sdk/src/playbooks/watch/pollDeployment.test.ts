import {
  authorCoinAbi,
  setErrorConfig,
  storyTimelockAbi,
  upgradeableBeaconAbi,
} from '@storydao/core'
import { buildTimelockSchedule, buildUnpause } from '@storydao/governance'
import {
  buildSafePlan,
  createSafeService,
  executeSafePlan,
  proposeSafePlan,
  signSafePlan,
} from '@storydao/safe'
import { type Address, keccak256, toHex, zeroHash } from 'viem'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import {
  type LocalRepository,
  startLocalRepository,
} from '../../test/localRepository.js'
import { scheduleRogueOperation } from '../../test/scheduleRogueOperation.js'
import { createOpsContext, type OpsContext } from '../createOpsContext.js'
import { pollDeployment } from './pollDeployment.js'

let repo: LocalRepository
let context: OpsContext
beforeAll(async () => {
  setErrorConfig({ version: '@storydao/core@x.y.z' })
  repo = await startLocalRepository()
})
afterAll(() => repo?.stop())
beforeEach(async () => {
  await repo.reset()
  context = await createOpsContext({ root: repo.root, env: repo.env })
})

/** Sends as `account` (a contract: the Safes, the timelock) on the local chain. */
async function sendAs(
  account: Address,
  send: (account: Address) => Promise<`0x${string}`>,
): Promise<void> {
  const { client } = repo.stack
  await client.request({
    method: 'anvil_impersonateAccount' as never,
    params: [account] as never,
  })
  await client.request({
    method: 'anvil_setBalance' as never,
    params: [account, '0xde0b6b3a7640000'] as never,
  })
  await client.waitForTransactionReceipt({ hash: await send(account) })
  await client.request({
    method: 'anvil_stopImpersonatingAccount' as never,
    params: [account] as never,
  })
}

describe('pollDeployment', () => {
  test("default: the first poll is a baseline; a rogue schedule is the next poll's UNKNOWN operation", async () => {
    const first = await pollDeployment(context, {})
    expect(first.events).toEqual([])
    expect(first.service).toEqual({ up: true })
    expect(first.state.operations).toEqual([])
    expect(first.state.paused).toEqual({ AuthorCoin: false })
    // Every proxy and beacon, on the implementation the manifest records.
    const { contracts } = repo.stack.manifest
    const recorded = (name: string) => {
      const entry = contracts[name]!
      return 'implementation' in entry ? entry.implementation : undefined
    }
    expect(first.state.implementations).toEqual({
      AuthorCoin: recorded('AuthorCoin'),
      Treasury: recorded('TreasuryBeacon'),
      TreasuryBeacon: recorded('TreasuryBeacon'),
    })

    const id = await scheduleRogueOperation(repo.stack)
    const second = await pollDeployment(context, { state: first.state })
    expect(second.events).toHaveLength(1)
    const [event] = second.events
    expect(event).toMatchObject({
      type: 'operation-scheduled',
      operationId: id,
      known: false,
    })
    expect(event!.details.calls).toEqual([
      expect.stringMatching(/^AuthorCoin\.mint\(/),
    ])
    const [operation] = second.state.operations
    expect(operation).toMatchObject({ id, known: false, state: 'pending' })
    // readyAt is what the timelock itself says.
    const timestamp = await repo.stack.client.readContract({
      address: repo.stack.manifest.contracts.StoryTimelock!.address,
      abi: storyTimelockAbi,
      functionName: 'getTimestamp',
      args: [id],
    })
    expect(operation!.readyAt).toBe(timestamp)

    // Nothing new: no event, the operation stays.
    const third = await pollDeployment(context, { state: second.state })
    expect(third.events).toEqual([])
    expect(third.state.operations.map((seen) => seen.id)).toEqual([id])
  })

  test('behavior: a fresh watch reports the pending set; a cancel closes it', async () => {
    const id = await scheduleRogueOperation(repo.stack)
    const first = await pollDeployment(context, {})
    expect(first.events).toMatchObject([
      { type: 'operation-pending', operationId: id, known: false },
    ])
    const timelock = repo.stack.manifest.contracts.StoryTimelock!.address
    await sendAs(repo.stack.manifest.safes.emergency!.address, (account) =>
      repo.stack.client.writeContract({
        address: timelock,
        abi: storyTimelockAbi,
        functionName: 'cancel',
        args: [id],
        account,
        chain: null,
      }),
    )
    const second = await pollDeployment(context, { state: first.state })
    expect(second.events).toMatchObject([
      { type: 'operation-cancelled', operationId: id, known: false },
    ])
    expect(second.state.operations).toEqual([])
  })

  test('behavior: a schedule seen waiting in a Safe queue stays known after the Safe executes it (it leaves the queue, no manifest entry)', async () => {
    const { stack } = repo
    const timelock = stack.manifest.contracts.StoryTimelock!.address
    const coin = stack.manifest.contracts.AuthorCoin!.address
    const delay = await stack.client.readContract({
      address: timelock,
      abi: storyTimelockAbi,
      functionName: 'getMinDelay',
    })
    const { call, operationId } = buildTimelockSchedule({
      timelock,
      calls: [{ ...buildUnpause({ target: coin }) }],
      salt: keccak256(toHex('queued-unpause')),
      delay,
    })
    const plan = await buildSafePlan(stack.client, {
      safe: stack.manifest.safes.ops.address,
      calls: [call],
      service: context.service,
    })
    const [first, second] = stack.accounts.opsOwners
    const signatures = await Promise.all(
      [first, second].map((owner) =>
        signSafePlan({ plan, account: owner.privateKey }),
      ),
    )
    await proposeSafePlan(context.service, {
      plan,
      sender: first.address,
      signature: signatures[0]!,
    })
    const queued = await pollDeployment(context, {})
    expect(queued.state.queues?.ops).toEqual([plan.safeTxHash])
    expect(queued.state.expectedSchedules).toEqual([
      {
        id: operationId,
        origin: {
          kind: 'safe-proposal',
          safe: 'ops',
          safeTxHash: plan.safeTxHash,
        },
      },
    ])

    await executeSafePlan(stack.client, {
      plan,
      signatures,
      account: stack.accounts.deployer.address,
    })
    const scheduled = await pollDeployment(context, { state: queued.state })
    expect(scheduled.events).toMatchObject([
      {
        type: 'operation-scheduled',
        operationId,
        known: true,
        details: {
          origin: { kind: 'safe-proposal', safeTxHash: plan.safeTxHash },
        },
      },
      {
        type: 'safe-transaction-dequeued',
        details: { safe: 'ops', safeTxHash: plan.safeTxHash },
      },
    ])
    // A watch started only now cannot know it: the Safe transaction has left the queue.
    const fresh = await pollDeployment(context, {})
    expect(fresh.events).toMatchObject([
      { type: 'operation-pending', operationId, known: false },
    ])
  })

  test('behavior: the delay passing makes it ready; an execution closes it', async () => {
    const { stack } = repo
    const id = await scheduleRogueOperation(stack)
    const first = await pollDeployment(context, {})
    const [operation] = first.state.operations
    expect(operation).toMatchObject({ id, state: 'pending' })
    const block = await stack.client.getBlock()
    await stack.client.request({
      method: 'evm_increaseTime' as never,
      params: [
        `0x${(operation!.readyAt - block.timestamp).toString(16)}`,
      ] as never,
    })
    await stack.client.request({
      method: 'evm_mine' as never,
      params: [] as never,
    })
    const ready = await pollDeployment(context, { state: first.state })
    expect(ready.events).toMatchObject([
      { type: 'operation-ready', operationId: id, known: false },
    ])
    expect(ready.state.operations[0]!.state).toBe('ready')

    // The rogue call, run by the ops Safe (an executor on the local stack).
    const { calls } = operation!
    await sendAs(stack.manifest.safes.ops.address, (account) =>
      stack.client.writeContract({
        address: stack.manifest.contracts.StoryTimelock!.address,
        abi: storyTimelockAbi,
        functionName: 'execute',
        args: [
          calls[0]!.to,
          calls[0]!.value,
          calls[0]!.data,
          zeroHash,
          keccak256(toHex('rogue')),
        ],
        account,
        chain: null,
      }),
    )
    const executed = await pollDeployment(context, { state: ready.state })
    expect(executed.events).toMatchObject([
      { type: 'operation-executed', operationId: id, known: false },
    ])
    expect(executed.state.operations).toEqual([])
  })

  test('behavior: a pause is a contract-paused event', async () => {
    const first = await pollDeployment(context, {})
    const coin = repo.stack.manifest.contracts.AuthorCoin!.address
    await sendAs(repo.stack.manifest.safes.emergency!.address, (account) =>
      repo.stack.client.writeContract({
        address: coin,
        abi: authorCoinAbi,
        functionName: 'pause',
        account,
        chain: null,
      }),
    )
    const second = await pollDeployment(context, { state: first.state })
    expect(second.events).toMatchObject([
      {
        type: 'contract-paused',
        details: { contract: 'AuthorCoin', address: coin },
      },
    ])
    expect(second.state.paused.AuthorCoin).toBe(true)
  })

  test('behavior: a beacon upgrade nobody recorded changes the beacon and its proxy, not known', async () => {
    const first = await pollDeployment(context, {})
    const { contracts } = repo.stack.manifest
    // Any contract with code will do as the beacon's new implementation.
    const other = (contracts.AuthorCoin as { implementation: `0x${string}` })
      .implementation
    await sendAs(contracts.StoryTimelock!.address, (account) =>
      repo.stack.client.writeContract({
        address: contracts.TreasuryBeacon!.address,
        abi: upgradeableBeaconAbi,
        functionName: 'upgradeTo',
        args: [other],
        account,
        chain: null,
      }),
    )
    // In manifest order.
    const second = await pollDeployment(context, { state: first.state })
    const before = (contracts.TreasuryBeacon as { implementation: string })
      .implementation
    expect(second.events).toMatchObject([
      {
        type: 'implementation-changed',
        known: false,
        details: { contract: 'TreasuryBeacon', from: before, to: other },
      },
      {
        type: 'implementation-changed',
        known: false,
        details: { contract: 'Treasury', from: before, to: other },
      },
    ])
  })

  test('behavior: a Transaction Service that is down is an event, then up again is another', async () => {
    const down = {
      ...context,
      service: createSafeService({
        chainId: 31337,
        txServiceUrl: 'http://127.0.0.1:9/api',
        retryCount: 0,
      }),
    }
    const first = await pollDeployment(down, {})
    expect(first.service.up).toBe(false)
    expect(first.events).toMatchObject([
      {
        type: 'safe-service-down',
        details: { error: { code: 'SAFE_SERVICE_UNREACHABLE' } },
      },
    ])
    expect(first.state.queues).toBeUndefined()
    const second = await pollDeployment(down, { state: first.state })
    expect(second.events).toEqual([])
    const third = await pollDeployment(context, { state: second.state })
    expect(third.events).toMatchObject([{ type: 'safe-service-up' }])
  })

  test('error: a missing context is a typed error', async () => {
    await expect(
      pollDeployment(undefined as unknown as OpsContext, {}),
    ).rejects.toMatchObject({
      name: 'MissingParameterError',
      code: 'PARAMETER_MISSING',
    })
  })
})
