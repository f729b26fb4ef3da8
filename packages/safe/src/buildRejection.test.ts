import { type LocalStack, startLocalStack } from '@storydao/testkit'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { buildRejection } from './buildRejection.js'
import { createSafeService } from './createSafeService.js'
import { SafeExecutionFailedError } from './errors/execution.js'
import { executeSafePlan } from './executeSafePlan.js'
import { getQueuedSafePlans } from './getQueuedSafePlans.js'
import { proposeSafePlan } from './proposeSafePlan.js'
import { signSafePlan } from './signSafePlan.js'
import { proposePause } from './test/service.js'
import { twoSignatures } from './test/stack.js'
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
beforeEach(() => stack.reset())
afterAll(() => stack?.stop())

const emergency = () => stack.manifest.safes.emergency!.address

describe('buildRejection', () => {
  test('behavior: rejection shares the nonce, executes, and kills the queued transaction', async () => {
    const plan = await proposePause(stack, service)
    const rejection = await buildRejection(stack.client, {
      safe: emergency(),
      nonce: plan.nonce,
      service,
    })
    expect(rejection.safeTx).toMatchObject({
      to: emergency(),
      value: 0n,
      data: '0x',
      operation: 0,
      nonce: plan.nonce,
    })
    const [owner] = stack.accounts.emergencyOwners
    await proposeSafePlan(service, {
      plan: rejection,
      sender: owner.address,
      signature: await signSafePlan({
        plan: rejection,
        account: owner.privateKey,
      }),
    })
    const queue = await getQueuedSafePlans(service, { safe: emergency() })
    expect(queue.map((q) => q.safeTxHash).sort()).toEqual(
      [plan.safeTxHash, rejection.safeTxHash].sort(),
    )
    expect(queue[0]!.warnings).toEqual([
      '2 queued transactions share nonce 0: only one can ever execute.',
    ])

    await executeSafePlan(stack.client, {
      plan: rejection,
      signatures: await twoSignatures(
        rejection,
        stack.accounts.emergencyOwners,
      ),
    })
    expect(await getQueuedSafePlans(service, { safe: emergency() })).toEqual([])
    await expect(
      executeSafePlan(stack.client, {
        plan,
        signatures: await twoSignatures(plan, stack.accounts.emergencyOwners),
      }),
    ).rejects.toThrow(SafeExecutionFailedError)
  })

  test('error: no client, no parameters', async () => {
    await expect(
      // @ts-expect-error: plain-JavaScript caller
      buildRejection(),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [MissingParameterError: buildRejection: missing \`client\` (expected a viem client).

      Hint: Call buildRejection(…) with \`client\` set; see its doc comment for an example.
      Docs: packages/core/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    await expect(
      // @ts-expect-error: plain-JavaScript caller
      buildRejection(stack.client, { safe: emergency() }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [MissingParameterError: buildRejection: missing \`nonce\` (expected a value).

      Hint: Call buildRejection(…) with \`nonce\` set; see its doc comment for an example.
      Docs: packages/core/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
