import { storyTimelockAbi } from '@storydao/core'
import { zeroHash } from 'viem'
import { describe, expect, test } from 'vitest'
import { buildTimelockCancel } from './buildTimelockCancel.js'
import { buildTimelockSchedule } from './buildTimelockSchedule.js'
import { buildUnpause } from './buildUnpause.js'
import { getPendingTimelockOperations } from './getPendingTimelockOperations.js'
import {
  contractAddress,
  safes,
  sendAs,
  useLocalStack,
} from './test/localStack.js'

const context = useLocalStack()

async function scheduleUnpause() {
  const { stack } = context
  const timelock = contractAddress(stack, 'StoryTimelock')
  const scheduled = buildTimelockSchedule({
    timelock,
    calls: [buildUnpause({ target: contractAddress(stack, 'AuthorCoin') })],
    salt: zeroHash,
    delay: 3600n,
  })
  await sendAs(context, safes(stack).ops, scheduled.call)
  return { timelock, operationId: scheduled.operationId }
}

describe('buildTimelockCancel', () => {
  test('default', async () => {
    const { stack, client } = context
    const { timelock, operationId } = await scheduleUnpause()
    const call = buildTimelockCancel({ timelock, operationId })
    expect({ ...call, data: undefined, abi: undefined }).toMatchInlineSnapshot(`
      {
        "abi": undefined,
        "data": undefined,
        "label": "Timelock 0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e: cancel operation 0x3ed1e8dbd20c77a75905fc48137c0dbb8dd26462cd245b4c868fd9f3c4ddc342",
        "operation": "call",
        "to": "0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e",
        "value": 0n,
      }
    `)
    // The emergency council holds CANCELLER_ROLE.
    await sendAs(context, safes(stack).emergency, call)
    expect(
      await client.readContract({
        address: timelock,
        abi: storyTimelockAbi,
        functionName: 'getOperationState',
        args: [operationId],
      }),
    ).toBe(0) // Unset
    const [operation] = await getPendingTimelockOperations(client, { timelock })
    expect(operation?.state).toBe('cancelled')
  })

  test('behavior: an account without CANCELLER_ROLE cannot cancel', async () => {
    const { stack } = context
    const { timelock, operationId } = await scheduleUnpause()
    await expect(
      sendAs(
        context,
        stack.accounts.stranger.address,
        buildTimelockCancel({ timelock, operationId }),
      ),
    ).rejects.toThrowError(/AccessControlUnauthorizedAccount/)
  })

  test('error: malformed operation id', () => {
    expect(() =>
      buildTimelockCancel({
        timelock: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        operationId: '0xabc',
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidBytes32Error: Invalid operationId "0xabc": expected 32 bytes of hex.

      Hint: Pass "0x" followed by exactly 64 hex digits, e.g. \`pad(toHex(1), { size: 32 })\` or \`keccak256(toHex("release-1"))\` from viem.
      Docs: packages/governance/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
