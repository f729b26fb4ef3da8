import { setErrorConfig } from '@storydao/core'
import type { SafeTransaction } from '@storydao/safe'
import { zeroAddress } from 'viem'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import {
  type LocalRepository,
  startLocalRepository,
} from '../../test/localRepository.js'
import { createOpsContext, type OpsContext } from '../createOpsContext.js'
import { pauseContracts } from '../pauseContracts.js'
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
    repo = await startLocalRepository()
  })
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
})
