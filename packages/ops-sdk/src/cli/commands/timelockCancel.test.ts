import { readFileSync } from 'node:fs'
import { safeAbi, storyTimelockAbi } from '@storydao/core'
import {
  confirmSafePlan,
  createSafeService,
  executeSafePlan,
  getQueuedSafePlans,
  signSafePlan,
} from '@storydao/safe'
import { zeroAddress } from 'viem'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import {
  type LocalRepository,
  startLocalRepository,
} from '../../test/localRepository.js'
import { fingerprint, runBin } from '../../test/runBin.js'
import { scheduleRogueOperation } from '../../test/scheduleRogueOperation.js'

let repo: LocalRepository
beforeAll(async () => {
  repo = await startLocalRepository()
})
afterAll(() => repo?.stop())
beforeEach(() => repo.reset())

const run = (args: string[]) => runBin(args, { cwd: repo.root, env: repo.env })

const untouched = () =>
  fingerprint(repo.root, ['deployments', 'docs', 'safe-transactions'])

type CancelJson = {
  ok: boolean
  safe: `0x${string}`
  safeName: string
  nonce: string
  safeTxHash: `0x${string}`
  domainHash: `0x${string}`
  messageHash: `0x${string}`
  cancelled: string[]
  proposed: { sender: string } | null
  files: { transactionBuilder: string; report: string }
}

const operationState = (id: `0x${string}`) =>
  repo.stack.client.readContract({
    address: repo.stack.manifest.contracts.StoryTimelock!.address,
    abi: storyTimelockAbi,
    functionName: 'getOperationState',
    args: [id],
  })

describe('storydao-ops timelock cancel', () => {
  test('default: <id> --propose, a second owner confirms, execution cancels it on chain', async () => {
    const { stack } = repo
    const id = await scheduleRogueOperation(stack)
    expect(await operationState(id)).toBe(1) // Waiting

    const { code, json, stderr } = await run([
      'timelock',
      'cancel',
      id,
      '--propose',
      '--json',
    ])
    expect(code, stderr).toBe(0)
    const result = json as CancelJson
    expect(result).toMatchObject({
      ok: true,
      safe: stack.manifest.safes.emergency!.address,
      safeName: 'emergency',
      cancelled: [id],
    })
    expect(result.proposed).not.toBeNull()
    expect(stderr).toContain('Rehearse it on a fork')
    expect(
      JSON.parse(readFileSync(result.files.transactionBuilder, 'utf8'))
        .transactions,
    ).toHaveLength(1)

    const service = createSafeService({
      chainId: 31337,
      txServiceUrl: stack.txServiceUrl,
    })
    const [queued] = await getQueuedSafePlans(service, { safe: result.safe })
    expect(queued?.safeTxHash).toBe(result.safeTxHash)
    // The printed hash is what the emergency Safe computes for the queued call.
    const call = queued!.safeTx
    expect(
      await stack.client.readContract({
        address: result.safe,
        abi: safeAbi,
        functionName: 'getTransactionHash',
        args: [
          call.to,
          call.value,
          call.data,
          call.operation,
          call.safeTxGas,
          call.baseGas,
          call.gasPrice,
          call.gasToken,
          call.refundReceiver,
          BigInt(result.nonce),
        ],
      }),
    ).toBe(result.safeTxHash)
    expect(call.refundReceiver).toBe(zeroAddress)

    const second = stack.accounts.emergencyOwners[1]
    await confirmSafePlan(service, {
      safeTxHash: result.safeTxHash,
      signature: await signSafePlan({
        plan: queued!,
        account: second.privateKey,
      }),
    })
    const [confirmed] = await getQueuedSafePlans(service, { safe: result.safe })
    expect(confirmed!.confirmations).toHaveLength(2)
    const { receipt } = await executeSafePlan(stack.client, {
      plan: confirmed!,
      signatures: confirmed!.confirmations,
    })
    expect(receipt.status).toBe('success')
    expect(await operationState(id)).toBe(0) // Unset: cancelled

    const listed = await run(['timelock', 'list', '--json'])
    expect(
      (listed.json as { operations: { id: string; state: string }[] })
        .operations,
    ).toMatchObject([{ id, state: 'cancelled' }])
  })

  test('behavior: --all cancels every pending operation in one transaction', async () => {
    const first = await scheduleRogueOperation(repo.stack, { salt: 'one' })
    const second = await scheduleRogueOperation(repo.stack, { salt: 'two' })
    const { code, json, stdout, stderr } = await run([
      'timelock',
      'cancel',
      '--all',
      '--json',
    ])
    expect(code, stderr).toBe(0)
    expect((json as CancelJson).cancelled).toEqual([first, second])
    expect((json as CancelJson).proposed).toBeNull()
    expect(stdout.trim().startsWith('{')).toBe(true)
  })

  test('behavior: --incident appends the cancellation to the incident log', async () => {
    const id = await scheduleRogueOperation(repo.stack)
    const opened = await run([
      'incident',
      'open',
      'Rogue timelock operation',
      '--json',
    ])
    const { slug, path } = opened.json as { slug: string; path: string }
    const { code, stderr } = await run([
      'timelock',
      'cancel',
      id,
      '--incident',
      slug,
    ])
    expect(code, stderr).toBe(0)
    const log = readFileSync(path, 'utf8')
    expect(log).toContain(
      `storydao-ops timelock cancel ${id} --incident ${slug}`,
    )
    expect(log).toContain(`operation ${id}`)
    expect(log).toContain('safeTxHash 0x')
  })

  test('error: --all with nothing pending exits 2 and changes no file', async () => {
    const before = untouched()
    const { code, stdout, stderr } = await run(['timelock', 'cancel', '--all'])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('has no pending or ready operation to cancel')
    expect(untouched()).toEqual(before)
  })

  test('error: an id that is not pending exits 2 and changes no file', async () => {
    await scheduleRogueOperation(repo.stack)
    const before = untouched()
    const missing = `0x${'ab'.repeat(32)}`
    const { code, stderr } = await run([
      'timelock',
      'cancel',
      missing,
      '--json',
    ])
    expect(code).toBe(2)
    expect(stderr).toContain('This operation is not pending on StoryTimelock')
    expect(stderr).toContain(`${missing}: never scheduled`)
    expect(untouched()).toEqual(before)
  })

  test('error: a malformed id, or neither --all nor ids, exits 2', async () => {
    const bad = await run(['timelock', 'cancel', '0x1234'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('"0x" and 64 hex digits')
    const none = await run(['timelock', 'cancel'])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('needs --all or at least one operation id')
  })
})
