import { ChainReadError } from '@storydao/core'
import { createPublicClient, http, zeroHash } from 'viem'
import { describe, expect, test } from 'vitest'
import { buildTimelockExecute } from './buildTimelockExecute.js'
import { buildTimelockSchedule } from './buildTimelockSchedule.js'
import { buildUnpause } from './buildUnpause.js'
import { prepareTimelockSchedule } from './prepareTimelockSchedule.js'
import {
  advanceTime,
  contractAddress,
  safes,
  sendAs,
  useLocalStack,
} from './test/localStack.js'

const context = useLocalStack()

function parameters() {
  const { stack } = context
  return {
    timelock: contractAddress(stack, 'StoryTimelock'),
    calls: [buildUnpause({ target: contractAddress(stack, 'AuthorCoin') })],
    salt: zeroHash,
    delay: 3600n,
  }
}

describe('prepareTimelockSchedule', () => {
  test('default', async () => {
    const prepared = await prepareTimelockSchedule(context.client, parameters())
    expect(prepared.minDelay).toBe(3600n)
    expect(prepared.operationId).toBe(
      buildTimelockSchedule(parameters()).operationId,
    )
    expect(prepared.call).toEqual(buildTimelockSchedule(parameters()).call)
    // The prepared call is accepted by the chain.
    await sendAs(context, safes(context.stack).ops, prepared.call)
  })

  test('error: delay below getMinDelay()', async () => {
    await expect(
      prepareTimelockSchedule(context.client, { ...parameters(), delay: 60n }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [TimelockDelayTooShortError: Delay 60 s is below the timelock's minimum delay of 3600 s.

      Timelock:  0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e
      Delay:     60 s
      Min delay: 3600 s

      Hint: Pass \`delay: 3600n\` (or more). The minimum delay can only be lowered by the timelock itself (\`updateDelay\` through a scheduled operation).
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: operation already pending', async () => {
    const { call } = buildTimelockSchedule(parameters())
    await sendAs(context, safes(context.stack).ops, call)
    await expect(
      prepareTimelockSchedule(context.client, parameters()),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [TimelockOperationExistsError: Timelock operation 0x3ed1e8dbd20c77a75905fc48137c0dbb8dd26462cd245b4c868fd9f3c4ddc342 already exists (pending).

      Timelock:  0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e
      Operation: 0x3ed1e8dbd20c77a75905fc48137c0dbb8dd26462cd245b4c868fd9f3c4ddc342
      State:     pending

      Hint: This exact operation is already queued: execute it once ready, cancel it first, or use a new \`salt\` to schedule a separate copy.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: operation already ready', async () => {
    const { call } = buildTimelockSchedule(parameters())
    await sendAs(context, safes(context.stack).ops, call)
    await advanceTime(context, 3600n)
    await expect(
      prepareTimelockSchedule(context.client, parameters()),
    ).rejects.toMatchObject({
      name: 'TimelockOperationExistsError',
      state: 'ready',
    })
  })

  test('error: operation already done', async () => {
    const { stack } = context
    const { emergency, ops } = safes(stack)
    const authorCoin = contractAddress(stack, 'AuthorCoin')
    await sendAs(context, emergency, {
      to: authorCoin,
      data: '0x8456cb59', // pause()
    })
    const { call } = buildTimelockSchedule(parameters())
    await sendAs(context, ops, call)
    await advanceTime(context, 3600n)
    await sendAs(context, ops, buildTimelockExecute(parameters()).call)
    await expect(
      prepareTimelockSchedule(context.client, parameters()),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [TimelockOperationExistsError: Timelock operation 0x3ed1e8dbd20c77a75905fc48137c0dbb8dd26462cd245b4c868fd9f3c4ddc342 already exists (done).

      Timelock:  0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e
      Operation: 0x3ed1e8dbd20c77a75905fc48137c0dbb8dd26462cd245b4c868fd9f3c4ddc342
      State:     done

      Hint: This exact operation was already executed. To run the same calls again, schedule them with a new \`salt\`.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: RPC unreachable', async () => {
    const client = createPublicClient({
      transport: http('http://127.0.0.1:9', { retryCount: 0 }),
    })
    const error = await prepareTimelockSchedule(client, parameters()).catch(
      (error: unknown) => error,
    )
    expect(error).toBeInstanceOf(ChainReadError)
    expect((error as ChainReadError).shortMessage).toMatchInlineSnapshot(
      `"Could not read the timelock 0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e (getMinDelay, getOperationState) from the RPC."`,
    )
  })
})
