import { type LocalStack, startLocalStack } from '@storydao/testkit'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { buildSafePlan } from './buildSafePlan.js'
import { confirmSafePlan } from './confirmSafePlan.js'
import { createSafeService } from './createSafeService.js'
import { SafeServiceTimeoutError } from './errors/service.js'
import { executeSafePlan } from './executeSafePlan.js'
import { signSafePlan } from './signSafePlan.js'
import { proposePause, serviceError } from './test/service.js'
import { startSilentServer } from './test/silentServer.js'
import { pauseCall, twoSignatures } from './test/stack.js'
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
describe('confirmSafePlan', () => {
  test('error: confirmation by a non-owner → 400', async () => {
    const plan = await proposePause(stack, service)
    const error = await serviceError(
      confirmSafePlan(service, {
        safeTxHash: plan.safeTxHash,
        signature: await signSafePlan({
          plan,
          account: stack.accounts.stranger.privateKey,
        }),
      }),
    )
    expect({ status: error.status, reason: error.reason }).toEqual({
      status: 400,
      reason: 'not-owner',
    })
    expect(error).toMatchInlineSnapshot(`
      [SafeServiceError: Safe Transaction Service refused to confirm Safe transaction 0x8850ebd8d0b53c6463efd915f9e2e019bd7b76fa2ea63f3bec604754ca7dbade (HTTP 400): signature: Signer=0xa0Ee7A142d267C1f36714E4a8F75612F20a79720 is not an owner. Current owners=['0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65', '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc', '0x976EA74026E726554dB657fA54763abd0C3a0aa9']

      Hint: Only current owners (or their delegates) may propose or confirm: sign with an owner key (check getOwners() on the Safe).
      Docs: packages/safe/README.md#errors
      Details: Bad Request
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: confirming an unknown transaction → 404', async () => {
    const plan = await buildSafePlan(stack.client, {
      safe: emergency(),
      calls: [pauseCall(stack)],
    })
    const [owner] = stack.accounts.emergencyOwners
    const error = await serviceError(
      confirmSafePlan(service, {
        safeTxHash: plan.safeTxHash,
        signature: await signSafePlan({ plan, account: owner.privateKey }),
      }),
    )
    expect({ status: error.status, reason: error.reason }).toEqual({
      status: 404,
      reason: 'not-found',
    })
  })

  test('error: confirming an executed transaction → 400', async () => {
    const plan = await proposePause(stack, service)
    await executeSafePlan(stack.client, {
      plan,
      signatures: await twoSignatures(plan, stack.accounts.emergencyOwners),
    })
    const third = stack.accounts.emergencyOwners[2]
    const error = await serviceError(
      confirmSafePlan(service, {
        safeTxHash: plan.safeTxHash,
        signature: await signSafePlan({ plan, account: third.privateKey }),
      }),
    )
    expect({ status: error.status, reason: error.reason }).toEqual({
      status: 400,
      reason: 'already-executed',
    })
  })
})

describe('confirmSafePlan: a service that never answers', () => {
  test('error: times out once (a confirmation is never retried)', async () => {
    const silent = await startSilentServer()
    try {
      const hanging = createSafeService({
        chainId: stack.chainId,
        txServiceUrl: silent.url,
        timeout: 300,
      })
      const plan = await buildSafePlan(stack.client, {
        safe: emergency(),
        calls: [pauseCall(stack)],
      })
      const [owner] = stack.accounts.emergencyOwners
      const error = (await confirmSafePlan(hanging, {
        safeTxHash: plan.safeTxHash,
        signature: await signSafePlan({ plan, account: owner.privateKey }),
      }).catch((e: unknown) => e)) as SafeServiceTimeoutError
      expect(error).toBeInstanceOf(SafeServiceTimeoutError)
      expect(error.code).toBe('SAFE_SERVICE_TIMEOUT')
      expect(error.attempts).toBe(1)
      expect(error.url).toBe(
        `POST ${silent.url}/v1/multisig-transactions/${plan.safeTxHash}/confirmations/`,
      )
      expect(silent.requests).toHaveLength(1)
    } finally {
      await silent.stop()
    }
  })
})

describe('confirmSafePlan: parameters', () => {
  test('error: no service, no parameters', async () => {
    await expect(
      // @ts-expect-error: plain-JavaScript caller
      confirmSafePlan(),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [MissingParameterError: confirmSafePlan: missing \`service\` (expected a service from createSafeService).

      Hint: Call confirmSafePlan(…) with \`service\` set; see its doc comment for an example.
      Docs: packages/core/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    await expect(
      // @ts-expect-error: plain-JavaScript caller
      confirmSafePlan(service),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [MissingParameterError: confirmSafePlan: missing \`parameters\` (expected an object with \`safeTxHash\`, \`signature\`).

      Hint: Call confirmSafePlan(…) with \`parameters\` set; see its doc comment for an example.
      Docs: packages/core/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
