import { describe, expect, test } from 'vitest'
import { checkInvariants } from '../checkInvariants.js'
import {
  client,
  coin,
  emergency,
  one,
  ops,
  stranger,
  timelock,
  useInvariantStack,
} from '../test/invariantStack.js'
import { hasRole } from './hasRole.js'

useInvariantStack()

describe('hasRole', () => {
  test('default', async () => {
    const { ok, results } = await checkInvariants(client(), {
      invariants: [
        hasRole({
          contract: coin,
          role: 'PAUSER_ROLE',
          account: emergency,
          label: 'AuthorCoin',
          accountLabel: 'emergency Safe',
        }),
        hasRole({
          contract: coin,
          role: 'DEFAULT_ADMIN_ROLE',
          account: timelock,
        }),
        hasRole({ contract: timelock, role: 'PROPOSER_ROLE', account: ops }),
      ],
    })
    expect(results.filter((result) => !result.ok)).toEqual([])
    expect(ok).toBe(true)
  })

  test('behavior: a missing role fails with a readable message', async () => {
    const result = await one(
      hasRole({
        contract: coin,
        role: 'MINTER_ROLE',
        account: stranger,
        label: 'AuthorCoin',
        accountLabel: 'stranger',
      }),
    )
    expect(result.ok).toBe(false)
    expect(result.message).toMatchInlineSnapshot(
      `"stranger does not have MINTER_ROLE on AuthorCoin, expected to have it."`,
    )
  })
})
