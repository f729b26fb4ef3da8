import { parseEther } from 'viem'
import { describe, expect, test } from 'vitest'
import { checkInvariants } from '../checkInvariants.js'
import { readInvariantState } from '../readInvariantState.js'
import {
  client,
  coin,
  stack,
  treasury,
  useInvariantStack,
} from '../test/invariantStack.js'
import { balanceUnchanged } from './balanceUnchanged.js'

useInvariantStack()

describe('balanceUnchanged', () => {
  test('default', async () => {
    const invariants = [
      balanceUnchanged({
        asset: 'ETH',
        holder: treasury,
        holderLabel: 'Treasury',
      }),
      balanceUnchanged({
        asset: coin,
        holder: treasury,
        label: 'AuthorCoin',
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

  test('behavior: detects a change', async () => {
    const invariants = [
      balanceUnchanged({
        asset: 'ETH',
        holder: treasury,
        holderLabel: 'Treasury',
      }),
    ]
    const before = await readInvariantState(client(), { invariants })
    // Set directly (and mine) rather than send: a transaction from the
    // deployer can sit unmined after a snapshot revert when its nonce was
    // cached before the revert.
    const current = await stack.client.getBalance({ address: treasury })
    await stack.client.request({
      method: 'anvil_setBalance' as never,
      params: [
        treasury,
        `0x${(current + parseEther('1')).toString(16)}`,
      ] as never,
    })
    await stack.client.request({
      method: 'evm_mine' as never,
      params: [] as never,
    })
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
            "actual": 101000000000000000000n,
            "expected": 100000000000000000000n,
            "id": "balanceUnchanged(ETH,0x9A676e781A523b5d0C0e43731313A708CB607508)",
            "message": "Treasury's ETH balance changed from 100000000000000000000 to 101000000000000000000 (+1000000000000000000).",
            "ok": false,
          },
        ]
      `)
  })
})
