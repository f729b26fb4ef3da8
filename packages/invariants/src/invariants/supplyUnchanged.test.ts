import { parseEther } from 'viem'
import { describe, expect, test } from 'vitest'
import { checkInvariants } from '../checkInvariants.js'
import { readInvariantState } from '../readInvariantState.js'
import {
  addEth,
  client,
  coin,
  treasury,
  useInvariantStack,
} from '../test/invariantStack.js'
import { supplyUnchanged } from './supplyUnchanged.js'

useInvariantStack()

describe('supplyUnchanged', () => {
  test('default', async () => {
    const invariants = [supplyUnchanged({ token: coin, label: 'AuthorCoin' })]
    const before = await readInvariantState(client(), { invariants })
    const { ok, violations } = await checkInvariants(client(), {
      invariants,
      before,
    })
    expect(violations).toEqual([])
    expect(ok).toBe(true)
  })

  test('behavior: an ETH transfer leaves the supply unchanged', async () => {
    const invariants = [supplyUnchanged({ token: coin, label: 'AuthorCoin' })]
    const before = await readInvariantState(client(), { invariants })
    await addEth(treasury, parseEther('1'))
    const { results } = await checkInvariants(client(), { invariants, before })
    expect(
      results.map(({ id, ok, expected, actual, message }) => ({
        id,
        ok,
        expected,
        actual,
        message,
      })),
    ).toMatchInlineSnapshot(`
        [
          {
            "actual": 100000000000000000000000000n,
            "expected": 100000000000000000000000000n,
            "id": "supplyUnchanged(0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1)",
            "message": "AuthorCoin total supply is unchanged (100000000000000000000000000).",
            "ok": true,
          },
        ]
      `)
  })
})
