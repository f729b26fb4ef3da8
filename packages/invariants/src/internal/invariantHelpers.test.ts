import { eip1967Slots } from '@storydao/core'
import { describe, expect, test } from 'vitest'
import { MissingBaselineError } from '../errors/invariant.js'
import '../test/helpers.js'
import {
  adminSlot,
  beaconSlot,
  implementationSlot,
  requireBefore,
  unchangedInvariant,
} from './invariantHelpers.js'

describe('requireBefore', () => {
  test('default', () => {
    expect(requireBefore({ before: { a: 1n }, after: {}, logs: [] })).toEqual({
      a: 1n,
    })
  })

  test('error: no baseline is a MissingBaselineError naming the invariant', () => {
    const invariant = unchangedInvariant({
      name: 'supplyUnchanged',
      id: 'supplyUnchanged(0x5FbDB2315678afecb367f032d93F642f64180aa3)',
      description: 'supply unchanged',
      what: 'The supply',
      read: {
        type: 'balance',
        address: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      },
    })
    expect(() =>
      invariant.evaluate({ before: undefined, after: { value: 1n }, logs: [] }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [MissingBaselineError: An invariant compares with the state before, but no baseline was given.

      - supplyUnchanged(0x5FbDB2315678afecb367f032d93F642f64180aa3)

      Hint: Pass \`before: await readInvariantState(client, { invariants })\` taken before the transaction, or use checkSafePlan, which reads it on the fork.
      Docs: packages/invariants/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    expect(() =>
      requireBefore({ before: undefined, after: {}, logs: [] }),
    ).toThrow(MissingBaselineError)
  })
})

describe('eip1967 slots', () => {
  test('behavior: the EIP-1967 slots are core’s', () => {
    expect({
      implementation: implementationSlot,
      admin: adminSlot,
      beacon: beaconSlot,
    }).toEqual(eip1967Slots)
  })
})
