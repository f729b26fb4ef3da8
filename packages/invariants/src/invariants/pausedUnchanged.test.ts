import { describe, expect, test } from 'vitest'
import { checkInvariants } from '../checkInvariants.js'
import { readInvariantState } from '../readInvariantState.js'
import {
  client,
  coin,
  pause,
  useInvariantStack,
} from '../test/invariantStack.js'
import { pausedUnchanged } from './pausedUnchanged.js'

useInvariantStack()

describe('pausedUnchanged', () => {
  test('default', async () => {
    const invariants = [pausedUnchanged({ contract: coin })]
    const before = await readInvariantState(client(), { invariants })
    expect(
      (await checkInvariants(client(), { invariants, before })).results.map(
        (r) => r.ok,
      ),
    ).toEqual([true])
    await pause()
    const after = await checkInvariants(client(), { invariants, before })
    expect(after.results.map((r) => r.ok)).toEqual([false])
    expect(after.results[0]!.message).toMatchInlineSnapshot(
      `"0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1 paused flag changed from false to true."`,
    )
  })
})
