import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  authorCoinAbi,
  loadManifest,
  safeAbi,
  storyDaoAbi,
  storyTimelockAbi,
} from '@storydao/core'
import { createSafeService, getQueuedSafePlans } from '@storydao/safe'
import { encodeFunctionData, type Hex, zeroHash } from 'viem'
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

type GovernorJson = {
  ok: boolean
  safe: `0x${string}`
  nonce: string
  safeTxHash: Hex
  proposalId: string
  calldata: Hex
  propose: { to: `0x${string}`; data: Hex }
  draft: string
  files: { transactionBuilder: string }
  rehearsal: { ok: boolean }
  rollback: {
    ok: boolean
    implementation: string
    reverse: { to: string; data: Hex }
    invariants: number
    failed: string[]
  }
  proposed: { sender: string } | null
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

  test('behavior: --via governor --propose queues the ops-Safe propose; once confirmed and executed the proposal is Pending under the printed id', async () => {
    await prepare()
    const { code, json, stderr } = await run([
      'upgrade',
      'propose',
      '--id',
      'authorcoin-v2',
      '--via',
      'governor',
      '--propose',
      '--json',
    ])
    expect(code, stderr).toBe(0)
    const result = json as GovernorJson
    const { stack } = repo
    expect(result.ok).toBe(true)
    expect(result.safe).toBe(stack.manifest.safes.ops.address)
    expect(result.proposed).not.toBeNull()
    expect(result.rehearsal.ok).toBe(true)
    expect(result.calldata).toBe(result.propose.data)
    expect(stderr).toContain('Rehearse the rollback on a fork')

    // The queued transaction's hash is what the Safe contract computes.
    const queued = await getQueuedSafePlans(
      createSafeService({ chainId: 31337, txServiceUrl: stack.txServiceUrl }),
      { safe: result.safe },
    )
    const plan = queued.find((entry) => entry.safeTxHash === result.safeTxHash)
    expect(plan).toBeDefined()
    const tx = plan!.safeTx
    expect(tx.to).toBe(stack.manifest.contracts.StoryDAO!.address)
    expect(tx.data).toBe(result.calldata)
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
    expect(existsSync(result.files.transactionBuilder)).toBe(true)

    const upgrade = (
      await loadManifest(join(repo.root, 'deployments', 'local.json'))
    ).upgrades!.find((entry) => entry.id === 'authorcoin-v2')!
    expect(upgrade).toMatchObject({
      status: 'proposed',
      safeTxHash: result.safeTxHash,
      proposalId: result.proposalId,
    })

    // The draft carries the rollback rehearsed on a fork, with the reverse
    // call that upgrades AuthorCoin back to the implementation live now.
    const coin = stack.manifest.contracts.AuthorCoin!
    if (coin.kind !== 'uups-proxy') throw new Error('AuthorCoin is UUPS')
    expect(result.rollback).toMatchObject({
      ok: true,
      implementation: coin.implementation,
      reverse: {
        to: coin.address,
        data: encodeFunctionData({
          abi: authorCoinAbi,
          functionName: 'upgradeToAndCall',
          args: [coin.implementation, '0x'],
        }),
      },
      failed: [],
    })
    expect(result.rollback.invariants).toBeGreaterThan(5)
    const draft = readFileSync(join(repo.root, result.draft), 'utf8')
    expect(draft).toContain(
      `**Rehearsal: passed.** On a fork of the current chain, the upgrade's actions ran as the timelock, then the reverse upgrade, then ${result.rollback.invariants} invariants held for the old implementation ${coin.implementation}.`,
    )
    expect(draft).toContain(result.rollback.reverse.data)

    // A second owner confirms, anyone executes: the governor now holds the
    // proposal under the printed id, waiting for its vote.
    const confirm = await runBin(['safe', 'confirm', result.safeTxHash], {
      cwd: repo.root,
      env: repo.env,
      timeoutMs: 180_000,
    })
    expect(confirm.code, confirm.stderr).toBe(0)
    const execute = await runBin(['safe', 'execute', result.safeTxHash], {
      cwd: repo.root,
      env: repo.env,
      timeoutMs: 180_000,
    })
    expect(execute.code, execute.stderr).toBe(0)
    const state = await stack.client.readContract({
      address: stack.manifest.contracts.StoryDAO!.address,
      abi: storyDaoAbi,
      functionName: 'state',
      args: [BigInt(result.proposalId)],
    })
    expect(state).toBe(0) // Pending
    const proposer = await stack.client.readContract({
      address: stack.manifest.contracts.StoryDAO!.address,
      abi: storyDaoAbi,
      functionName: 'proposalProposer',
      args: [BigInt(result.proposalId)],
    })
    expect(proposer).toBe(result.safe)
  })

  test('error: a rollback that fails its rehearsal exits 1, proposes nothing and says so in bold in the draft', async () => {
    await prepare()
    // The manifest names an account without code as the implementation to
    // go back to: the reverse upgrade cannot work.
    const path = join(repo.root, 'deployments', 'local.json')
    const written = JSON.parse(readFileSync(path, 'utf8'))
    written.upgrades[0].fromImplementation =
      repo.stack.accounts.stranger.address
    writeFileSync(path, `${JSON.stringify(written, null, 2)}\n`)
    const { code, json, stderr } = await run([
      'upgrade',
      'propose',
      '--id',
      'authorcoin-v2',
      '--via',
      'governor',
      '--propose',
      '--json',
    ])
    expect(code, stderr).toBe(1)
    const result = json as GovernorJson
    expect(result.ok).toBe(false)
    expect(result.rehearsal.ok).toBe(true)
    expect(result.proposed).toBeNull()
    expect(result.rollback.ok).toBe(false)
    expect(result.rollback.failed[0]).toMatch(
      /^the reverse upgrade: AuthorCoin back to 0x[0-9a-fA-F]{40} reverts on the fork/,
    )
    const draft = readFileSync(join(repo.root, result.draft), 'utf8')
    expect(draft).toContain(
      '**Rehearsal: FAILED. The rollback does not work as built; do not vote for this upgrade until it does.**',
    )
    const queued = await getQueuedSafePlans(
      createSafeService({
        chainId: 31337,
        txServiceUrl: repo.stack.txServiceUrl,
      }),
      { safe: result.safe },
    )
    expect(queued.map((entry) => entry.safeTxHash)).not.toContain(
      result.safeTxHash,
    )
    const upgrade = (await loadManifest(path)).upgrades![0]!
    expect(upgrade.status).toBe('prepared')
    expect(upgrade.safeTxHash).toBeUndefined()
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
    const governor = await run([
      'upgrade',
      'propose',
      '--id',
      'authorcoin-v2',
      '--via',
      'governor',
      '--propose',
      '--signer-env',
      'NO_SUCH_KEY',
    ])
    expect(governor.code).toBe(2)
    expect(governor.stderr).toContain(
      'The signer variable NO_SUCH_KEY is not set.',
    )
    expect(fingerprint(repo.root, dirs)).toEqual(before)
  })
})
