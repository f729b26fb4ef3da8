import { describe, expect, test } from 'vitest'
import { checkInvariants } from '../checkInvariants.js'
import {
  client,
  coin,
  one,
  stack,
  stranger,
  useInvariantStack,
} from '../test/invariantStack.js'
import { implementationIs } from './implementationIs.js'

useInvariantStack()

describe('implementationIs', () => {
  test('default', async () => {
    const coinEntry = stack.manifest.contracts.AuthorCoin!
    if (coinEntry.kind !== 'uups-proxy') throw new Error('unexpected kind')
    const { ok, results } = await checkInvariants(client(), {
      invariants: [
        implementationIs({
          proxy: coin,
          implementation: coinEntry.implementation,
          label: 'AuthorCoin',
        }),
      ],
    })
    expect(ok).toBe(true)
    expect(results.map((result) => result.actual)).toEqual([
      coinEntry.implementation,
    ])
  })

  test('behavior: a wrong implementation fails', async () => {
    const result = await one(
      implementationIs({
        proxy: coin,
        implementation: stranger,
        label: 'AuthorCoin',
      }),
    )
    expect(result.ok).toBe(false)
    expect(result.message).toMatchInlineSnapshot(
      `"AuthorCoin points at implementation 0x0B306BF915C4d645ff596e518fAf3F9669b97016, expected 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720."`,
    )
  })
})
