import { describe, expect, test } from 'vitest'
import { checkInvariants } from '../checkInvariants.js'
import { readInvariantState } from '../readInvariantState.js'
import {
  client,
  coin,
  pause,
  useInvariantStack,
} from '../test/invariantStack.js'
import { isNotPaused } from './isNotPaused.js'

useInvariantStack()

describe('isNotPaused', () => {
  test('default', async () => {
    const invariants = [isNotPaused({ contract: coin, label: 'AuthorCoin' })]
    const before = await readInvariantState(client(), { invariants })
    expect(
      (await checkInvariants(client(), { invariants, before })).results.map(
        (r) => r.ok,
      ),
    ).toEqual([true])
    await pause()
    const after = await checkInvariants(client(), { invariants, before })
    expect(after.results.map((r) => r.ok)).toEqual([false])
  })
})
