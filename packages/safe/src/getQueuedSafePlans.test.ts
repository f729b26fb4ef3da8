import { authorCoinAbi } from '@storydao/core'
import {
  getFreePort,
  type LocalStack,
  startLocalStack,
} from '@storydao/testkit'
import { encodeFunctionData, parseEther } from 'viem'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { buildSafePlan } from './buildSafePlan.js'
import { createSafeService } from './createSafeService.js'
import {
  SafeServiceError,
  SafeServiceTimeoutError,
  SafeServiceUnreachableError,
} from './errors/service.js'
import { getQueuedSafePlans } from './getQueuedSafePlans.js'
import { proposeSafePlan } from './proposeSafePlan.js'
import { signSafePlan } from './signSafePlan.js'
import { startSilentServer } from './test/silentServer.js'
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
afterAll(async () => {
  await stack?.stop()
})

const emergency = () => stack.manifest.safes.emergency!.address
const _serviceError = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a SafeServiceError')
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(SafeServiceError)
      return error as SafeServiceError
    },
  )

describe('getQueuedSafePlans', () => {
  test('behavior: a queued batch comes back with its calls decoded', async () => {
    const safe = stack.manifest.safes.ops.address
    const [owner] = stack.accounts.opsOwners
    const calls = [
      stack.accounts.stranger.address,
      stack.accounts.deployer.address,
    ].map((to, i) => ({
      to,
      value: BigInt(i + 1),
      data: '0x' as const,
      operation: 'call' as const,
      label: `Send ${i + 1} wei`,
    }))
    const plan = await buildSafePlan(stack.client, { safe, service, calls })
    await proposeSafePlan(service, {
      plan,
      sender: owner.address,
      signature: await signSafePlan({ plan, account: owner.privateKey }),
    })
    const [queued] = await getQueuedSafePlans(service, { safe })
    expect(queued!.safeTxHash).toBe(plan.safeTxHash)
    expect(
      queued!.calls.map(({ to, value, data, operation }) => ({
        to,
        value,
        data,
        operation,
      })),
    ).toEqual(
      calls.map(({ to, value, data, operation }) => ({
        to,
        value,
        data,
        operation,
      })),
    )
    expect(queued!.warnings).toEqual([])
  })

  test('error: unreachable service; the API key never shows', async () => {
    const port = await getFreePort()
    const offline = createSafeService({
      chainId: stack.chainId,
      txServiceUrl: `http://127.0.0.1:${port}/api`,
      apiKey: 'sk-local-secret',
    })
    const error = await getQueuedSafePlans(offline, {
      safe: emergency(),
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SafeServiceUnreachableError)
    expect(String((error as Error).message)).not.toContain('sk-local-secret')
    expect((error as SafeServiceUnreachableError).shortMessage).toBe(
      `Could not reach the Safe Transaction Service to read Safe ${emergency()}.`,
    )
  })

  test('behavior: plans keep working with ether values (queue records keep the value)', async () => {
    const safe = stack.manifest.safes.ops.address
    await stack.client.sendTransaction({
      account: stack.accounts.deployer.address,
      to: safe,
      value: parseEther('1'),
    })
    const [owner] = stack.accounts.opsOwners
    const plan = await buildSafePlan(stack.client, {
      safe,
      service,
      calls: [
        {
          to: stack.accounts.stranger.address,
          value: parseEther('0.5'),
          data: encodeFunctionData({
            abi: authorCoinAbi,
            functionName: 'paused',
          }),
          operation: 'call',
          label: 'odd but valid',
        },
      ],
    })
    await proposeSafePlan(service, {
      plan,
      sender: owner.address,
      signature: await signSafePlan({ plan, account: owner.privateKey }),
    })
    const [queued] = await getQueuedSafePlans(service, { safe })
    expect(queued!.safeTx).toEqual(plan.safeTx)
  })
})

describe('getQueuedSafePlans: a service that never answers', () => {
  test('error: times out, retried once, naming the URL and the elapsed time', async () => {
    const silent = await startSilentServer()
    try {
      const hanging = createSafeService({
        chainId: stack.chainId,
        txServiceUrl: silent.url,
        timeout: 300,
        retryCount: 1,
        retryDelay: 10,
      })
      const error = (await getQueuedSafePlans(hanging, {
        safe: emergency(),
      }).catch((e: unknown) => e)) as SafeServiceTimeoutError
      expect(error).toBeInstanceOf(SafeServiceTimeoutError)
      expect(error.code).toBe('SAFE_SERVICE_TIMEOUT')
      expect(error.attempts).toBe(2)
      expect(error.url).toBe(`GET ${silent.url}/v1/safes/${emergency()}/`)
      expect(error.elapsed).toBeGreaterThanOrEqual(600)
      expect(error.metaMessages?.[0]).toBe(`Request:  ${error.url}`)
      expect(silent.requests).toEqual([
        `GET /api/v1/safes/${emergency()}/`,
        `GET /api/v1/safes/${emergency()}/`,
      ])
    } finally {
      await silent.stop()
    }
  })
})
