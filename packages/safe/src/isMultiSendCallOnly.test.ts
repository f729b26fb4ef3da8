import { describe, expect, test } from 'vitest'
import { isMultiSendCallOnly } from './isMultiSendCallOnly.js'

const v130 = '0x40A2aCCbd92BCA938b02010E17A5b8929b49130D'
const v130eip155 = '0xA1dabEF33b3B82c7814B6D82A79e50F4AC44102B'
const v141 = '0x9641d764fc13c8B624c04430C7356C1C7C8102e2'
const v150 = '0xA83c336B20401Af773B6219BA5027174338D1836'
/** MultiSend v1.4.1 (not CallOnly): it can delegatecall, so it does not count. */
const multiSend141 = '0x38869bf66a61cF6bDB996A6aE40D5853Fd43B526'

describe('isMultiSendCallOnly', () => {
  test('default', () => {
    expect(
      ([v130, v130eip155, v141, v150, multiSend141] as const).map((address) =>
        isMultiSendCallOnly({ address }),
      ),
    ).toEqual([true, true, true, true, false])
  })

  test('behavior: case-insensitive', () => {
    expect(
      isMultiSendCallOnly({ address: v141.toLowerCase() as typeof v141 }),
    ).toBe(true)
  })

  test('behavior: a malformed address is not MultiSendCallOnly', () => {
    expect(isMultiSendCallOnly({ address: '0x1234' })).toBe(false)
  })

  test('error: no parameters', () => {
    expect(() =>
      // @ts-expect-error: plain-JavaScript caller
      isMultiSendCallOnly(),
    ).toThrowErrorMatchingInlineSnapshot(`
      [MissingParameterError: isMultiSendCallOnly: missing \`parameters\` (expected an object with \`address\`).

      Hint: Call isMultiSendCallOnly(…) with \`parameters\` set; see its doc comment for an example.
      Docs: packages/core/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('behavior: version restricts to that release', () => {
    expect(isMultiSendCallOnly({ address: v141, version: '1.4.1' })).toBe(true)
    expect(isMultiSendCallOnly({ address: v141, version: '1.5.0' })).toBe(false)
    expect(isMultiSendCallOnly({ address: v130eip155, version: '1.3.0' })).toBe(
      true,
    )
  })
})
