import { describe, expect, test } from 'vitest'
import { assertInvariants } from './assertInvariants.js'
import { isNotPaused } from './invariants/isNotPaused.js'
import { lacksRole } from './invariants/lacksRole.js'
import { supplyWithinCap } from './invariants/supplyWithinCap.js'
import {
  client,
  coin,
  emergency,
  pause,
  useInvariantStack,
} from './test/invariantStack.js'

useInvariantStack()

describe('assertInvariants', () => {
  test('default', async () => {
    const { ok } = await assertInvariants(client(), {
      invariants: [
        supplyWithinCap({ token: coin }),
        isNotPaused({ contract: coin }),
      ],
    })
    expect(ok).toBe(true)
  })

  test('error: throws InvariantViolationError with the first violation', async () => {
    await pause()
    const error = await assertInvariants(client(), {
      invariants: [
        supplyWithinCap({ token: coin }),
        isNotPaused({ contract: coin, label: 'AuthorCoin' }),
        lacksRole({ contract: coin, role: 'PAUSER_ROLE', account: emergency }),
      ],
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({
      name: 'InvariantViolationError',
      invariant: `isNotPaused(${coin})`,
      expected: false,
      actual: true,
    })
    expect(error).toMatchInlineSnapshot(`
      [InvariantViolationError: 2 invariants violated.

      - isNotPaused(0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1)
        AuthorCoin is paused, expected not paused.
        expected: false
        actual:   true
      - lacksRole(0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1,0x65d7a28e3265b37a6474929f336521b332c1681b933f6cb9f3376673440d862a,0x0Ff9b09627773c18136Bb1f46Ad639335C8B7C51)
        0x0Ff9b09627773c18136Bb1f46Ad639335C8B7C51 has PAUSER_ROLE on 0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1, expected not to have it.
        expected: false
        actual:   true

      Hint: The state read breaks a protocol invariant: investigate before going on.
      Docs: packages/invariants/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
