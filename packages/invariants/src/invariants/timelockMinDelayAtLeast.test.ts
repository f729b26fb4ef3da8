import { storyTimelockAbi } from '@storydao/core'
import { describe, expect, test } from 'vitest'
import { checkInvariants } from '../checkInvariants.js'
import { readInvariantState } from '../readInvariantState.js'
import {
  client,
  stack,
  timelock,
  useInvariantStack,
} from '../test/invariantStack.js'
import { timelockMinDelayAtLeast } from './timelockMinDelayAtLeast.js'

useInvariantStack()

describe('timelockMinDelayAtLeast', () => {
  test('default', async () => {
    const delay = await stack.client.readContract({
      address: timelock,
      abi: storyTimelockAbi,
      functionName: 'getMinDelay',
    })
    const invariants = [
      timelockMinDelayAtLeast({ timelock, minimum: delay }),
      timelockMinDelayAtLeast({ timelock, minimum: delay + 1n }),
      timelockMinDelayAtLeast({ timelock }),
    ]
    const before = await readInvariantState(client(), { invariants })
    const { results } = await checkInvariants(client(), { invariants, before })
    expect(results.map((r) => [r.ok, r.expected, r.actual])).toEqual([
      [true, { atLeast: 3600n }, 3600n],
      [false, { atLeast: 3601n }, 3600n],
      [true, { atLeast: 3600n }, 3600n],
    ])
  })
})
