import { describe, expect, test } from 'vitest'
import { checkInvariants } from '../checkInvariants.js'
import { readInvariantState } from '../readInvariantState.js'
import { client, coin, useInvariantStack } from '../test/invariantStack.js'
import { capUnchanged } from './capUnchanged.js'

useInvariantStack()

describe('capUnchanged', () => {
  test('default', async () => {
    const invariants = [capUnchanged({ token: coin, label: 'AuthorCoin' })]
    const before = await readInvariantState(client(), { invariants })
    const { ok, violations } = await checkInvariants(client(), {
      invariants,
      before,
    })
    expect(violations).toEqual([])
    expect(ok).toBe(true)
  })
})
