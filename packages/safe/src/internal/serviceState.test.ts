import { describe, expect, test } from 'vitest'
import { loadError } from './serviceState.js'

describe('loadError', () => {
  test('behavior: an ESM bundle’s dynamic require is a bundling problem, not a missing package', () => {
    const error = loadError(
      new Error('Dynamic require of "stream" is not supported'),
    )
    expect(error.code).toBe('SAFE_SERVICE_CONFIG')
    expect(error.hint).toMatch(/^A bundler inlined @safe-global\/api-kit/)
    expect(error.hint).toContain('--external:@safe-global/*')
    expect(error.hint).not.toMatch(/install/i)
  })

  test('behavior: a missing package says to install it', () => {
    const missing = Object.assign(
      new Error("Cannot find package '@safe-global/api-kit' imported from …"),
      { code: 'ERR_MODULE_NOT_FOUND' },
    )
    expect(loadError(missing).hint).toMatch(/^Install it/)
  })

  test('behavior: any other failure points at the cause', () => {
    expect(loadError(new SyntaxError('Unexpected token')).hint).toMatch(
      /failed while loading/,
    )
  })
})
