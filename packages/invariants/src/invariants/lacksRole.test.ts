import { describe, expect, test } from 'vitest'
import { checkInvariants } from '../checkInvariants.js'
import {
  client,
  coin,
  ops,
  stranger,
  useInvariantStack,
} from '../test/invariantStack.js'
import { lacksRole } from './lacksRole.js'

useInvariantStack()

describe('lacksRole', () => {
  test('default', async () => {
    const { ok, results } = await checkInvariants(client(), {
      invariants: [
        lacksRole({ contract: coin, role: 'MINTER_ROLE', account: stranger }),
        lacksRole({ contract: coin, role: 'PAUSER_ROLE', account: ops }),
      ],
    })
    expect(results.filter((result) => !result.ok)).toEqual([])
    expect(ok).toBe(true)
  })
})
