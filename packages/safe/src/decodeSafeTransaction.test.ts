import fc from 'fast-check'
import { getAddress, type Hex } from 'viem'
import { describe, expect, test } from 'vitest'
import { decodeSafeTransaction } from './decodeSafeTransaction.js'
import { encodeMultiSend } from './encodeMultiSend.js'
import { multiSendCallOnly141, offlinePlan } from './test/plans.js'
import type { SafePlanCall } from './types/safe.js'

/** MultiSend v1.4.1 (not CallOnly): its entries may delegatecall. */
const multiSend141 = '0x38869bf66a61cF6bDB996A6aE40D5853Fd43B526'
const target = '0x00000000000000000000000000000000000000aa'

const call = fc.record({
  to: fc
    .uint8Array({ minLength: 20, maxLength: 20 })
    .map((bytes) => getAddress(`0x${Buffer.from(bytes).toString('hex')}`)),
  value: fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
  data: fc
    .uint8Array({ maxLength: 80 })
    .map((bytes) => `0x${Buffer.from(bytes).toString('hex')}` as Hex),
})

describe('decodeSafeTransaction', () => {
  test('default: one CALL', () => {
    expect(
      decodeSafeTransaction({
        to: target,
        value: 1n,
        data: '0xABCD',
        operation: 0,
      }),
    ).toMatchInlineSnapshot(`
      {
        "calls": [
          {
            "data": "0xabcd",
            "operation": "call",
            "to": "0x00000000000000000000000000000000000000AA",
            "value": 1n,
          },
        ],
        "kind": "call",
      }
    `)
  })

  test('behavior: plan → decodeSafeTransaction returns the calls (property)', () => {
    fc.assert(
      fc.property(fc.array(call, { minLength: 1, maxLength: 8 }), (calls) => {
        const planCalls: SafePlanCall[] = calls.map((entry, index) => ({
          ...entry,
          operation: 'call',
          label: `call ${index}`,
        }))
        const plan = offlinePlan({ calls: planCalls })
        const decoded = decodeSafeTransaction(plan.safeTx)
        expect(decoded.kind).toBe(calls.length > 1 ? 'batch' : 'call')
        expect(decoded.calls).toEqual(
          calls.map(({ to, value, data }) => ({
            to,
            value,
            data: data.toLowerCase(),
            operation: 'call',
          })),
        )
      }),
      { numRuns: 200 },
    )
  })

  test('behavior: a delegatecall to anything but MultiSendCallOnly is flagged, even with multiSend data', () => {
    const data = encodeMultiSend([
      { to: target, value: 0n, data: '0x' },
      { to: target, value: 0n, data: '0x' },
    ])
    const decoded = decodeSafeTransaction({
      to: multiSend141,
      value: 0n,
      data,
      operation: 1,
    })
    expect(decoded.kind).toBe('delegatecall')
    expect(decoded.calls).toEqual([
      { to: multiSend141, value: 0n, data, operation: 'delegatecall' },
    ])
  })

  test('behavior: MultiSendCallOnly data that is not a batch of calls is the delegatecall it is', () => {
    const nested = encodeMultiSend([
      { operation: 1, to: target, value: 0n, data: '0x' },
    ])
    for (const data of [nested, '0x12345678' as Hex, '0x' as Hex])
      expect(
        decodeSafeTransaction({
          to: multiSendCallOnly141,
          value: 0n,
          data,
          operation: 1,
        }).kind,
      ).toBe('delegatecall')
  })

  test('error: no argument', () => {
    expect(() =>
      // @ts-expect-error: plain-JavaScript caller
      decodeSafeTransaction(),
    ).toThrowErrorMatchingInlineSnapshot(`
      [MissingParameterError: decodeSafeTransaction: missing \`parameters\` (expected an object with \`to\`, \`value\`, \`data\`, \`operation\`).

      Hint: Call decodeSafeTransaction(…) with \`parameters\` set; see its doc comment for an example.
      Docs: packages/core/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: malformed operation', () => {
    expect(() =>
      decodeSafeTransaction({
        to: target,
        value: 0n,
        data: '0x',
        // @ts-expect-error: not an operation
        operation: 2,
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [SafePlanInputError: Invalid safeTx.operation: expected 0 (CALL) or 1 (DELEGATECALL), got number 2.

      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
