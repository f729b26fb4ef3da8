import { parseEther } from 'viem'
import { describe, expect, test } from 'vitest'
import { checkInvariants } from '../checkInvariants.js'
import { readInvariantState } from '../readInvariantState.js'
import {
  addEth,
  client,
  coin,
  stranger,
  treasury,
  useInvariantStack,
} from '../test/invariantStack.js'
import { balanceChangedBy } from './balanceChangedBy.js'

useInvariantStack()

describe('balanceChangedBy', () => {
  test('default', async () => {
    const invariants = [
      balanceChangedBy({
        asset: 'ETH',
        holder: treasury,
        expected: 0n,
        holderLabel: 'Treasury',
      }),
    ]
    const before = await readInvariantState(client(), { invariants })
    const { ok, violations } = await checkInvariants(client(), {
      invariants,
      before,
    })
    expect(violations).toEqual([])
    expect(ok).toBe(true)
  })

  test('behavior: measures deltas', async () => {
    const invariants = [
      balanceChangedBy({
        asset: 'ETH',
        holder: treasury,
        expected: parseEther('1'),
        holderLabel: 'Treasury',
      }),
      balanceChangedBy({
        asset: coin,
        holder: stranger,
        expected: -5n,
        label: 'AuthorCoin',
        holderLabel: 'stranger',
      }),
    ]
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
            "actual": 1000000000000000000n,
            "expected": 1000000000000000000n,
            "id": "balanceChangedBy(ETH,0x9A676e781A523b5d0C0e43731313A708CB607508,1000000000000000000)",
            "message": "Treasury's ETH balance changed by +1000000000000000000 as expected.",
            "ok": true,
          },
          {
            "actual": 0n,
            "expected": -5n,
            "id": "balanceChangedBy(0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1,0xa0Ee7A142d267C1f36714E4a8F75612F20a79720,-5)",
            "message": "stranger's AuthorCoin balance changed by 0, expected -5.",
            "ok": false,
          },
        ]
      `)
  })
})
