import { describe, expect, test } from 'vitest'
import { checkInvariants } from '../checkInvariants.js'
import {
  beacon,
  client,
  stack,
  useInvariantStack,
} from '../test/invariantStack.js'
import { beaconImplementationIs } from './beaconImplementationIs.js'

useInvariantStack()

describe('beaconImplementationIs', () => {
  test('default', async () => {
    const beaconEntry = stack.manifest.contracts.TreasuryBeacon!
    if (beaconEntry.kind !== 'beacon') throw new Error('unexpected kind')
    const { ok, results } = await checkInvariants(client(), {
      invariants: [
        beaconImplementationIs({
          beacon,
          implementation: beaconEntry.implementation,
          label: 'TreasuryBeacon',
        }),
      ],
    })
    expect(ok).toBe(true)
    expect(results.map((result) => result.actual)).toEqual([
      beaconEntry.implementation,
    ])
  })
})
