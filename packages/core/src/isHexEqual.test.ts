import { describe, expect, test } from 'vitest'
import { isHexEqual } from './isHexEqual.js'

describe('isHexEqual', () => {
  test('default', () => {
    expect(isHexEqual('0xABcd', '0xabCD')).toBe(true)
  })
  test('behavior: different bytes or lengths differ', () => {
    expect(isHexEqual('0xabcd', '0xabce')).toBe(false)
    expect(isHexEqual('0xabcd', '0xabcd00')).toBe(false)
  })
  test('error: a missing operand', () => {
    // @ts-expect-error plain-JavaScript caller with one argument
    expect(() => isHexEqual('0xab')).toThrow(
      expect.objectContaining({ code: 'PARAMETER_MISSING', parameter: 'b' }),
    )
  })
})
