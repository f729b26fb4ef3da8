import { authorCoinAbi, treasuryAbi } from '@storydao/core'
import { describe, expect, test } from 'vitest'
import { checkInvariants } from '../checkInvariants.js'
import { readInvariantState } from '../readInvariantState.js'
import {
  client,
  coin,
  stranger,
  treasury,
  useInvariantStack,
} from '../test/invariantStack.js'
import { customInvariant } from './customInvariant.js'

useInvariantStack()

describe('customInvariant', () => {
  test('default', async () => {
    const invariant = customInvariant({
      name: 'treasuryWithdrawalCountUnchanged',
      read: {
        count: {
          type: 'call',
          address: treasury,
          abi: treasuryAbi,
          functionName: 'withdrawalCount',
        },
        eth: { type: 'balance', address: treasury },
      },
      needsBefore: true,
      check: ({ before, after }) => ({
        ok: before?.count === after.count,
        expected: before?.count as bigint,
        actual: after.count as bigint,
      }),
    })
    const before = await readInvariantState(client(), {
      invariants: [invariant],
    })
    const result = (
      await checkInvariants(client(), { invariants: [invariant], before })
    ).results[0]!
    expect(result).toMatchInlineSnapshot(`
      {
        "actual": 0n,
        "after": {
          "count": 0n,
          "eth": 100000000000000000000n,
        },
        "before": {
          "count": 0n,
          "eth": 100000000000000000000n,
        },
        "description": "treasuryWithdrawalCountUnchanged",
        "expected": 0n,
        "id": "treasuryWithdrawalCountUnchanged",
        "message": "treasuryWithdrawalCountUnchanged holds.",
        "name": "treasuryWithdrawalCountUnchanged",
        "ok": true,
      }
    `)
  })

  test('behavior: a read that reverts fails the invariant, naming the read', async () => {
    const invariant = customInvariant({
      name: 'strangerIsPausable',
      read: {
        paused: {
          type: 'call',
          address: stranger,
          abi: authorCoinAbi,
          functionName: 'paused',
        },
      },
      check: () => true,
    })
    const result = (
      await checkInvariants(client(), { invariants: [invariant] })
    ).results[0]!
    expect([result.ok, result.message]).toMatchInlineSnapshot(`
      [
        false,
        "Could not read the state this invariant needs (paused: paused() returned no data (no contract at 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720?)).",
      ]
    `)
  })

  test('error: arguments that do not encode are refused at once', () => {
    expect(() =>
      customInvariant({
        name: 'bad',
        read: {
          x: {
            type: 'call',
            address: coin,
            abi: authorCoinAbi,
            functionName: 'balanceOf',
            args: ['nope'],
          },
        },
        check: () => true,
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidStateReadError: Read "x" of invariant bad does not encode.

      Hint: Check the function name and the arguments against the ABI given with the read.
      Docs: packages/invariants/README.md#errors
      Details: Address "nope" is invalid.
      Version: @storydao/core@x.y.z]
    `)
  })
})
