import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  loadManifest,
  safeAbi,
  storyDaoAbi,
  storyTimelockAbi,
} from '@storydao/core'
import { createSafeService, getQueuedSafePlans } from '@storydao/safe'
import { type Hex, zeroHash } from 'viem'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { contractsDir, ensureFoundryBuild } from '../../test/foundryBuild.js'
import {
  type LocalRepository,
  startLocalRepository,
} from '../../test/localRepository.js'
import { fingerprint, runBin } from '../../test/runBin.js'

let repo: LocalRepository
beforeAll(async () => {
  ensureFoundryBuild()
  repo = await startLocalRepository()
}, 300_000)
afterAll(() => repo?.stop())
beforeEach(() => repo.reset())

const run = (args: string[]) =>
  runBin([...args, '--contracts', contractsDir], {
    cwd: repo.root,
    env: repo.env,
    timeoutMs: 180_000,
  })
const dirs = ['deployments', 'docs', 'safe-transactions']

const prepare = async () => {
  const { code, stderr } = await run([
    'upgrade',
    'prepare',
    '--target',
    'AuthorCoin',
    '--to',
    'AuthorCoinV2',
    '--call',
    'initializeV2(1000000000000000000000000)',
    '--id',
    'authorcoin-v2',
  ])
  expect(code, stderr).toBe(0)
}

type ProposeJson = {
  ok: boolean
  safe: `0x${string}`
  nonce: string
  safeTxHash: Hex
  operationId: Hex
  delay: string
  upgrade: { status: string; safeTxHash: Hex; operationId: Hex }
  proposed: { sender: string } | null
}

describe('storydao-ops upgrade propose', () => {
  test('default: --propose queues one ops-Safe batch; its hash is the Safe contract’s and the operation the timelock’s', async () => {
    await prepare()
    const { code, json, stderr } = await run([
      'upgrade',
      'propose',
      '--id',
      'authorcoin-v2',
      '--via',
      'timelock',
      '--propose',
      '--json',
    ])
    expect(code, stderr).toBe(0)
    const result = json as ProposeJson
    const { stack } = repo
    expect(result.safe).toBe(stack.manifest.safes.ops.address)
    expect(result.proposed).not.toBeNull()
    expect(stderr).toContain('Rehearse it on a fork')

    const queued = await getQueuedSafePlans(
      createSafeService({ chainId: 31337, txServiceUrl: stack.txServiceUrl }),
      { safe: result.safe },
    )
    const plan = queued.find((entry) => entry.safeTxHash === result.safeTxHash)
    expect(plan).toBeDefined()
    const tx = plan!.safeTx
    const onChain = await stack.client.readContract({
      address: result.safe,
      abi: safeAbi,
      functionName: 'getTransactionHash',
      args: [
        tx.to,
        tx.value,
        tx.data,
        tx.operation,
        tx.safeTxGas,
        tx.baseGas,
        tx.gasPrice,
        tx.gasToken,
        tx.refundReceiver,
        BigInt(result.nonce),
      ],
    })
    expect(onChain).toBe(result.safeTxHash)
    expect(plan!.calls).toHaveLength(2)

    const manifest = await loadManifest(
      join(repo.root, 'deployments', 'local.json'),
    )
    const upgrade = manifest.upgrades!.find((u) => u.id === 'authorcoin-v2')!
    expect(upgrade).toMatchObject({
      status: 'proposed',
      safeTxHash: result.safeTxHash,
      operationId: result.operationId,
    })
    // The operation id is what the timelock computes for the prepared call.
    const timelock = stack.manifest.contracts.StoryTimelock!.address
    const operationId = await stack.client.readContract({
      address: timelock,
      abi: storyTimelockAbi,
      functionName: 'hashOperation',
      args: [
        stack.manifest.contracts.AuthorCoin!.address,
        0n,
        upgrade.calldata,
        zeroHash,
        upgrade.notes!.match(/salt (0x[0-9a-f]{64})/)![1] as Hex,
      ],
    })
    expect(operationId).toBe(result.operationId)
    const minDelay = await stack.client.readContract({
      address: timelock,
      abi: storyTimelockAbi,
      functionName: 'getMinDelay',
    })
    expect(result.delay).toBe(minDelay.toString())
  })

  test('behavior: --via governor gives the StoryDAO propose calldata, the proposal id the governor computes, and the forum draft', async () => {
    await prepare()
    const { code, json, stderr } = await run([
      'upgrade',
      'propose',
      '--id',
      'authorcoin-v2',
      '--via',
      'governor',
      '--json',
    ])
    expect(code, stderr).toBe(0)
    const result = json as {
      proposalId: string
      propose: { to: `0x${string}`; data: Hex }
      draft: string
      upgrade: { proposalId: string; toImplementation: string }
    }
    const { stack } = repo
    const governor = stack.manifest.contracts.StoryDAO!.address
    expect(result.propose.to).toBe(governor)

    // Anyone may propose on the local stack (threshold 0): the governor
    // accepts the calldata and gives the proposal the printed id.
    const hash = await stack.client.sendTransaction({
      account: stack.accounts.stranger.address,
      to: result.propose.to,
      data: result.propose.data,
      chain: null,
    })
    const receipt = await stack.client.waitForTransactionReceipt({ hash })
    expect(receipt.status).toBe('success')
    const state = await stack.client.readContract({
      address: governor,
      abi: storyDaoAbi,
      functionName: 'state',
      args: [BigInt(result.proposalId)],
    })
    expect(state).toBe(0) // Pending

    const draft = readFileSync(join(repo.root, result.draft), 'utf8')
    expect(draft).toContain(result.upgrade.toImplementation)
    expect(draft).toContain(result.proposalId)
    expect(draft).toContain('Earliest execution')
    const manifest = await loadManifest(
      join(repo.root, 'deployments', 'local.json'),
    )
    expect(manifest.upgrades![0]!.proposalId).toBe(result.proposalId)
    expect(existsSync(join(repo.root, 'docs/operations/proposals'))).toBe(true)
  })

  test('error: an unknown upgrade id exits 2 and changes no file', async () => {
    await prepare()
    const before = fingerprint(repo.root, dirs)
    const { code, stdout, stderr } = await run([
      'upgrade',
      'propose',
      '--id',
      'nope',
      '--via',
      'timelock',
    ])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('has no upgrade "nope"')
    expect(stderr).toContain('Known: authorcoin-v2')
    expect(fingerprint(repo.root, dirs)).toEqual(before)
  })

  test('error: an unsupported route exits 2', async () => {
    const { code, stderr } = await run([
      'upgrade',
      'propose',
      '--id',
      'authorcoin-v2',
      '--via',
      'carrier-pigeon',
    ])
    expect(code).toBe(2)
    expect(stderr).toContain('--via carrier-pigeon is not supported')
  })

  test('error: a --signer-env variable that is not set exits 2 and changes no file', async () => {
    await prepare()
    const before = fingerprint(repo.root, dirs)
    const { code, stderr } = await run([
      'upgrade',
      'propose',
      '--id',
      'authorcoin-v2',
      '--propose',
      '--signer-env',
      'NO_SUCH_KEY',
    ])
    expect(code).toBe(2)
    expect(stderr).toContain('The signer variable NO_SUCH_KEY is not set.')
    expect(fingerprint(repo.root, dirs)).toEqual(before)
  })
})
