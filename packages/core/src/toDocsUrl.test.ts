import { describe, expect, test } from 'vitest'
import { toDocsUrl } from './toDocsUrl.js'

describe('toDocsUrl', () => {
  test('default', () => {
    expect(toDocsUrl('packages/safe/README.md#errors')).toBe(
      'https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors',
    )
    expect(toDocsUrl('/packages/core/README.md#errors')).toBe(
      'https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors',
    )
  })

  test('error: no path', () => {
    // @ts-expect-error plain-JavaScript caller without an argument
    expect(() => toDocsUrl()).toThrow(
      expect.objectContaining({
        code: 'PARAMETER_MISSING',
        parameter: 'docsPath',
      }),
    )
  })
})
