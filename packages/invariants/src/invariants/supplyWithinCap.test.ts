import { describe, expect, test } from 'vitest'
import { coin, one, useInvariantStack } from '../test/invariantStack.js'
import { supplyWithinCap } from './supplyWithinCap.js'

useInvariantStack()

describe('supplyWithinCap', () => {
  test('default', async () => {
    const result = await one(
      supplyWithinCap({ token: coin, label: 'AuthorCoin' }),
    )
    expect(result).toMatchInlineSnapshot(`
      {
        "actual": 100000000000000000000000000n,
        "after": {
          "cap": 1000000000000000000000000000n,
          "totalSupply": 100000000000000000000000000n,
        },
        "description": "AuthorCoin: totalSupply() ≤ cap()",
        "expected": {
          "atMost": 1000000000000000000000000000n,
        },
        "id": "supplyWithinCap(0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1)",
        "message": "AuthorCoin total supply 100000000000000000000000000 is within its cap 1000000000000000000000000000.",
        "name": "supplyWithinCap",
        "ok": true,
      }
    `)
  })
})
