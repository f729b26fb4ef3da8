import { describe, expect, test } from 'vitest'
import { camelizeKey, underscoreizeKey } from './casing.js'
import { validateFields } from './fields.js'
import { pyJsonDumps, pyRepr, pySetRepr } from './pythonRepr.js'

const checksummed = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

describe('validateFields', () => {
  test('default: camelCase keys in, typed values out, defaults applied', () => {
    expect(
      validateFields(
        { safeTxGas: ' 7.0 ', to: checksummed, data: '0xABC', origin: 5 },
        {
          safe_tx_gas: { kind: 'integer', minValue: 0n },
          to: { kind: 'address' },
          data: { kind: 'hex', allowBlank: true, allowNull: true },
          origin: { kind: 'char', maxLength: 3 },
          gas_token: { kind: 'address', allowNull: true, default: null },
          signature: { kind: 'hex', required: false },
        },
      ),
    ).toEqual({
      values: {
        safe_tx_gas: 7n,
        to: checksummed,
        // HexBytes left-pads odd lengths.
        data: '0x0abc',
        origin: '5',
        gas_token: null,
      },
    })
  })

  test('error: DRF and safe-eth-py messages', () => {
    expect(
      validateFields(
        {
          a: checksummed.toLowerCase(),
          b: null,
          c: true,
          d: '   ',
          e: 'x'.repeat(4),
          f: '0x00',
          g: 'tomorrow',
          h: 12,
        },
        {
          a: { kind: 'address' },
          b: { kind: 'hex' },
          c: { kind: 'integer' },
          d: { kind: 'char' },
          e: { kind: 'char', maxLength: 3 },
          f: { kind: 'hex', minLength: 2 },
          g: { kind: 'datetime' },
          h: { kind: 'hex' },
          missing: { kind: 'integer' },
        },
      ).errors,
    ).toMatchInlineSnapshot(`
      {
        "a": [
          "Address 0x70997970c51812dc3a010c7d01b50e0d17dc79c8 is not checksumed",
        ],
        "b": [
          "This field may not be null.",
        ],
        "c": [
          "A valid integer is required.",
        ],
        "d": [
          "This field may not be blank.",
        ],
        "e": [
          "Ensure this field has no more than 3 characters.",
        ],
        "f": [
          "Ensure this field has at least 2 hexadecimal chars (not counting 0x).",
        ],
        "g": [
          "Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].",
        ],
        "h": [
          "12 is not a hexadecimal value.",
        ],
        "missing": [
          "This field is required.",
        ],
      }
    `)
    expect(validateFields([1], {}).errors).toMatchInlineSnapshot(`
      {
        "non_field_errors": [
          "Invalid data. Expected a dictionary, but got list.",
        ],
      }
    `)
  })
})

describe('casing', () => {
  test('default: service keys and filter keys as djangorestframework-camel-case renders them', () => {
    expect(
      [
        'safe_tx_gas',
        'contract_transaction_hash',
        'non_field_errors',
        'nonce__gte',
      ].map(camelizeKey),
    ).toEqual([
      'safeTxGas',
      'contractTransactionHash',
      'nonFieldErrors',
      'nonce_Gte',
    ])
    expect(
      ['safeTxGas', 'refundReceiver', 'nonce', 'gas_token'].map(
        underscoreizeKey,
      ),
    ).toEqual(['safe_tx_gas', 'refund_receiver', 'nonce', 'gas_token'])
  })
})

describe('pythonRepr', () => {
  test('default: repr, set repr and json.dumps as Python prints them', () => {
    expect(pyRepr(['0xA', "it's"])).toBe(`['0xA', 'it\\'s']`)
    expect(pyRepr({ a: true, b: null })).toBe(`{'a': True, 'b': None}`)
    expect(pySetRepr([])).toBe('set()')
    expect(pySetRepr(['0xB', '0xA'])).toBe(`{'0xA', '0xB'}`)
    expect(pyJsonDumps({ url: 'https://x', n: [1, 'é'] })).toBe(
      '{"url": "https://x", "n": [1, "\\u00e9"]}',
    )
  })
})
