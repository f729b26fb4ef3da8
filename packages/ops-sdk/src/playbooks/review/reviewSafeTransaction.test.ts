import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { authorCoinAbi, safeAbi, setErrorConfig } from '@storydao/core'
import { buildRelease } from '@storydao/governance'
import { buildSafePlan, type SafeTransaction } from '@storydao/safe'
import { storyDaoRelease } from '@storydao/testkit'
import {
  encodeFunctionData,
  keccak256,
  parseEther,
  toHex,
  zeroAddress,
} from 'viem'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { contractsDir, ensureFoundryBuild } from '../../test/foundryBuild.js'
import {
  type LocalRepository,
  startLocalRepository,
} from '../../test/localRepository.js'
import { createOpsContext, type OpsContext } from '../createOpsContext.js'
import { pauseContracts } from '../pauseContracts.js'
import { prepareUpgrade } from '../upgrade/prepareUpgrade.js'
import { proposeUpgrade } from '../upgrade/proposeUpgrade.js'
import { reviewSafeTransaction } from './reviewSafeTransaction.js'

beforeAll(() => setErrorConfig({ version: '@storydao/core@x.y.z' }))

describe('reviewSafeTransaction', () => {
  test('error: a missing context is a typed error', async () => {
    await expect(
      reviewSafeTransaction(undefined as unknown as OpsContext, {} as never),
    ).rejects.toMatchObject({
      name: 'MissingParameterError',
      code: 'PARAMETER_MISSING',
    })
  })

  test('error: parameters with neither a hash, a file nor a Safe transaction', async () => {
    await expect(
      reviewSafeTransaction({} as OpsContext, {} as never),
    ).rejects.toMatchObject({
      name: 'ReviewInputError',
      code: 'REVIEW_INPUT_INVALID',
    })
  })
})

describe('reviewSafeTransaction on the local stack', () => {
  let repo: LocalRepository
  let context: OpsContext
  beforeAll(async () => {
    ensureFoundryBuild()
    repo = await startLocalRepository()
  }, 300_000)
  afterAll(() => repo?.stop())
  beforeEach(async () => {
    await repo.reset()
    context = await createOpsContext({ root: repo.root, env: repo.env })
  })

  const emergency = () => repo.stack.manifest.safes.emergency!.address
  const safeTx = (fields: Partial<SafeTransaction>): SafeTransaction => ({
    to: zeroAddress,
    value: 0n,
    data: '0x',
    operation: 0,
    safeTxGas: 0n,
    baseGas: 0n,
    gasPrice: 0n,
    gasToken: zeroAddress,
    refundReceiver: zeroAddress,
    nonce: 0n,
    ...fields,
  })

  test('behavior: a DELEGATECALL to anything but MultiSendCallOnly is critical', async () => {
    const review = await reviewSafeTransaction(context, {
      safe: emergency(),
      safeTx: safeTx({
        to: repo.stack.accounts.stranger.address,
        operation: 1,
      }),
    })
    expect(review.ok).toBe(false)
    expect(review.warnings).toContainEqual(
      expect.objectContaining({ severity: 'critical', code: 'delegatecall' }),
    )
  })

  test('behavior: ETH to a stranger with a gas refund: amounts in ETH, warnings not critical', async () => {
    await repo.stack.client.request({
      method: 'anvil_setBalance' as never,
      params: [emergency(), '0xde0b6b3a7640000'] as never,
    })
    // A new block: reset() reverts to a block number an earlier test's fork
    // already saw, and a fork at that number could serve the old balance.
    await repo.stack.client.request({
      method: 'anvil_mine' as never,
      params: ['0x1'] as never,
    })
    const stranger = repo.stack.accounts.stranger.address
    const review = await reviewSafeTransaction(context, {
      safe: emergency(),
      safeTx: safeTx({ to: stranger, value: 5n * 10n ** 17n, gasPrice: 1n }),
    })
    expect(review.warnings.map((warning) => warning.code)).toEqual(
      expect.arrayContaining(['gas-refund', 'unknown-target']),
    )
    expect(
      review.warnings.filter((warning) => warning.severity === 'critical'),
    ).toEqual([])
    expect(review.calls[0]!.text).toBe(
      `${stranger}: no calldata with 0.5 ETH (500000000000000000 wei)`,
    )
    expect(review.stateChanges).toContain(
      `${stranger}: +0.5 ETH (500000000000000000 wei)`,
    )
  })

  test('behavior: the CREATE2 deployer is named, never an unknown target', async () => {
    // Salt 0, then init code returning the one-byte runtime STOP.
    const review = await reviewSafeTransaction(context, {
      safe: emergency(),
      safeTx: safeTx({
        to: '0x4e59b44847b379578588920cA78FbF26c0B4956C',
        data: `0x${'00'.repeat(32)}6001600c60003960016000f300`,
      }),
    })
    expect(review.calls[0]!.text).toMatch(/^CREATE2 deployer: deploy 0x/)
    expect(
      review.warnings.filter((warning) => warning.code === 'unknown-target'),
    ).toEqual([])
  })
  test('behavior: a nonce that replaces a queued transaction, or skips nonces, is called out', async () => {
    const queued = await pauseContracts(context, { propose: true })
    const unpause = {
      to: repo.stack.manifest.contracts.AuthorCoin!.address,
      data: '0x3f4ba83a' as const,
    }
    const replacing = await reviewSafeTransaction(context, {
      safe: emergency(),
      safeTx: safeTx({ ...unpause, nonce: 0n }),
    })
    expect(replacing.nonce.replaces).toEqual([queued.safeTxHash])
    expect(replacing.warnings).toContainEqual(
      expect.objectContaining({ code: 'nonce-replaces' }),
    )
    const skipping = await reviewSafeTransaction(context, {
      safe: emergency(),
      safeTx: safeTx({ ...unpause, nonce: 3n }),
    })
    expect(skipping.nonce).toMatchObject({ chainNonce: 0n, nextFree: 1n })
    expect(skipping.warnings).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'nonce-gap' }),
    )
  })

  /** The Safe's own `getTransactionHash` of the reviewed fields. */
  const contractHash = (safe: `0x${string}`, tx: SafeTransaction) =>
    repo.stack.client.readContract({
      address: safe,
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
        tx.nonce,
      ],
    })

  /** `upgrade prepare` + `upgrade propose --via timelock`, as the playbook runs them. */
  async function proposedUpgrade() {
    await prepareUpgrade(context, {
      target: 'AuthorCoin',
      to: 'AuthorCoinV2',
      call: 'initializeV2(1000000000000000000000000)',
      id: 'authorcoin-v2',
      contracts: contractsDir,
    })
    context = await createOpsContext({ root: repo.root, env: repo.env })
    return proposeUpgrade(context, {
      id: 'authorcoin-v2',
      via: 'timelock',
      contracts: contractsDir,
      propose: true,
    })
  }

  test('behavior: an upgrade batch decodes MultiSendCallOnly → schedule → upgradeToAndCall → initializer; its implementation is the local build', async () => {
    const proposed = await proposedUpgrade()
    const review = await reviewSafeTransaction(context, {
      safeTxHash: proposed.safeTxHash,
      contracts: contractsDir,
    })
    expect(await contractHash(review.safe, review.safeTx)).toBe(
      proposed.safeTxHash,
    )
    const implementation = proposed.upgrade.toImplementation
    expect(
      review.calls.map(({ depth, text }) => `${depth} ${text.split('(')[0]}`),
    ).toEqual([
      `0 MultiSendCallOnly 1.4.1 ${review.safeTx.to}.multiSend`,
      `1 CREATE2 deployer: deploy ${implementation}`,
      '1 StoryTimelock.schedule',
      '2 AuthorCoin.upgradeToAndCall',
      '3 AuthorCoin.initializeV2',
    ])
    expect(review.calls[3]!.text).toContain(
      `newImplementation: ${implementation}`,
    )
    expect(review.calls.some((line) => line.raw)).toBe(false)
    expect(review).toMatchObject({
      ok: true,
      action: 'timelock-schedule',
      rehearsal: { status: 'success' },
    })
    expect(review.rehearsal.invariants.every((result) => result.ok)).toBe(true)
    expect(review.stateChanges).toContain(
      `StoryTimelock: operation ${proposed.operationId} is pending (state): 0 → 1`,
    )
    expect(review.warnings).toEqual([
      {
        severity: 'info',
        code: 'implementation-verified',
        message: `AuthorCoin's new implementation ${implementation} runs exactly the local forge build of AuthorCoinV2.sol:AuthorCoinV2 (immutables masked).`,
      },
    ])
  })

  test('behavior: an upgrade to code that is not the local build is critical', async () => {
    const proposed = await proposedUpgrade()
    // The same build with one byte of AuthorCoinV2's runtime code changed.
    const tampered = mkdtempSync(join(tmpdir(), 'storydao-tampered-build-'))
    cpSync(join(contractsDir, 'out'), join(tampered, 'out'), {
      recursive: true,
    })
    const path = join(tampered, 'out/AuthorCoinV2.sol/AuthorCoinV2.json')
    const artifact = JSON.parse(readFileSync(path, 'utf8'))
    const code: string = artifact.deployedBytecode.object
    artifact.deployedBytecode.object = `${code.slice(0, 200)}${code[200] === 'f' ? 'e' : 'f'}${code.slice(201)}`
    writeFileSync(path, JSON.stringify(artifact))
    const review = await reviewSafeTransaction(context, {
      safeTxHash: proposed.safeTxHash,
      contracts: tampered,
    })
    expect(review.ok).toBe(false)
    expect(review.warnings).toEqual([
      {
        severity: 'critical',
        code: 'implementation-mismatch',
        message: `AuthorCoin's new implementation ${proposed.upgrade.toImplementation} is not the local forge build of AuthorCoinV2.sol:AuthorCoinV2: its runtime code differs from the local build from byte 99. Rebuild with the repository's foundry.toml and review again; if it still differs, do not sign.`,
      },
    ])
  })

  test('behavior: a 20-call deploy batch: the CREATE2 deployer named, never flagged; amounts in token units', async () => {
    const ops = repo.stack.manifest.safes.ops.address
    const coin = repo.stack.manifest.contracts.AuthorCoin!.address
    const treasury = repo.stack.manifest.contracts.Treasury!.address
    // The ops Safe holds AUTH to hand to the Treasury in the same batch.
    const funded = await repo.stack.client.writeContract({
      address: coin,
      abi: authorCoinAbi,
      functionName: 'transfer',
      args: [ops, parseEther('10000000')],
      account: repo.stack.accounts.deployer.address,
      chain: null,
    })
    await repo.stack.client.waitForTransactionReceipt({ hash: funded })
    const release = buildRelease({
      release: storyDaoRelease({
        holder: ops,
        salt: keccak256(toHex('review-20-calls')),
      }),
      manifest: repo.stack.manifest,
    })
    const transfers = Array.from({ length: 20 - release.calls.length }, () => ({
      to: coin,
      value: 0n,
      operation: 'call' as const,
      label: 'AuthorCoin.transfer(Treasury, 1,250,000 AUTH)',
      data: encodeFunctionData({
        abi: authorCoinAbi,
        functionName: 'transfer',
        args: [treasury, parseEther('1250000')],
      }),
    }))
    const plan = await buildSafePlan(repo.stack.client, {
      safe: ops,
      calls: [...release.calls, ...transfers],
      nonce: 0n,
    })
    expect(plan.calls).toHaveLength(20)
    const review = await reviewSafeTransaction(context, {
      safe: ops,
      safeTx: plan.safeTx,
      contracts: contractsDir,
    })
    expect(review.safeTxHash).toBe(await contractHash(ops, plan.safeTx))
    expect(review.rehearsal.status).toBe('success')
    expect(review.calls[0]!.text).toMatch(
      /\.multiSend\(20 calls\) by DELEGATECALL$/,
    )
    const deploys = review.calls.filter((line) =>
      line.text.startsWith('CREATE2 deployer: deploy 0x'),
    )
    expect(deploys).toHaveLength(7)
    expect(review.calls.some((line) => line.raw)).toBe(false)
    const codes = review.warnings.map((warning) => warning.code)
    expect(
      review.warnings.filter((warning) =>
        warning.message
          .toLowerCase()
          .includes('0x4e59b44847b379578588920ca78fbf26c0b4956c'),
      ),
    ).toEqual([])
    expect(codes).not.toContain('unknown-target')
    // Roles granted to contracts the batch itself deploys: shown, not critical.
    expect(review.ok).toBe(true)
    expect(review.warnings.length).toBeGreaterThan(0)
    for (const warning of review.warnings)
      expect(warning).toMatchObject({
        severity: 'warning',
        code: 'unknown-role-grant',
        message: expect.stringContaining('a contract this batch deploys'),
      })
    const timelock = release.addresses.StoryTimelock!
    expect(review.calls[9]!.text).toMatch(
      new RegExp(`^${timelock} \\(deployed by this batch\\)\\.grantRole\\(`),
    )
    expect(review.calls[20]!.text).toBe(
      `AuthorCoin.transfer(to: ${treasury}, value: 1,250,000 AUTH (1250000000000000000000000 base units))`,
    )
    expect(review.stateChanges).toContain(
      'ops Safe: -10,000,000 AUTH (-10000000000000000000000000 base units)',
    )
    expect(review.stateChanges).toContain(
      'Treasury: +10,000,000 AUTH (10000000000000000000000000 base units)',
    )
  })
})
