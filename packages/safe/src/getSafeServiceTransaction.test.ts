import { type LocalStack, startLocalStack } from '@storydao/testkit'
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  test,
  vi,
} from 'vitest'
import { createSafeService } from './createSafeService.js'
import { SafePlanInputError } from './errors/plan.js'
import { getSafeServiceTransaction } from './getSafeServiceTransaction.js'
import { startHostedProxy } from './test/hostedProxy.js'
import { proposePause, serviceError } from './test/service.js'
import type { SafeService } from './types/service.js'

let stack: LocalStack<true>
let service: SafeService
beforeAll(async () => {
  stack = await startLocalStack({ txService: true })
  service = createSafeService({
    chainId: stack.chainId,
    txServiceUrl: stack.txServiceUrl,
  })
})
beforeEach(async () => {
  await stack.reset()
})
afterEach(() => {
  vi.unstubAllEnvs()
})
afterAll(async () => {
  await stack?.stop()
})

describe('getSafeServiceTransaction', () => {
  test('default: the proposed transaction as the service stores it', async () => {
    const plan = await proposePause(stack, service)
    const record = await getSafeServiceTransaction(service, {
      safeTxHash: plan.safeTxHash,
    })
    expect(record).toMatchObject({
      safe: plan.safe,
      to: plan.safeTx.to,
      value: '0',
      data: plan.safeTx.data,
      operation: 0,
      nonce: String(plan.nonce),
      safeTxHash: plan.safeTxHash,
      isExecuted: false,
      origin: 'storydao-ops tests',
    })
    expect(record.confirmations).toHaveLength(1)
  })

  test('behavior: through the hosted service, with the API key', async () => {
    const apiKey = 'sk-hosted-key-for-this-test'
    const proxy = await startHostedProxy({
      forwardTo: stack.txServiceUrl,
      apiKey,
      shortName: 'sep',
    })
    try {
      vi.stubEnv('STORYDAO_HOSTED_TX_SERVICE', proxy.root)
      vi.stubEnv('SAFE_API_KEY', apiKey)
      const plan = await proposePause(stack, service)
      const hosted = createSafeService({ chainId: 11155111 })
      const record = await getSafeServiceTransaction(hosted, {
        safeTxHash: plan.safeTxHash,
      })
      expect(record.safeTxHash).toBe(plan.safeTxHash)
      expect(proxy.requests).toEqual([
        {
          method: 'GET',
          url: `/tx-service/sep/api/v2/multisig-transactions/${plan.safeTxHash}/`,
          authorized: true,
        },
      ])
    } finally {
      await proxy.stop()
    }
  })

  test('error: an unknown hash → 404 not-found', async () => {
    const error = await serviceError(
      getSafeServiceTransaction(service, {
        safeTxHash: `0x${'ab'.repeat(32)}`,
      }),
    )
    expect({ status: error.status, reason: error.reason }).toEqual({
      status: 404,
      reason: 'not-found',
    })
  })

  test('error: a malformed hash is refused before any request', async () => {
    await expect(
      getSafeServiceTransaction(service, { safeTxHash: '0x1234' }),
    ).rejects.toThrow(SafePlanInputError)
  })
})
