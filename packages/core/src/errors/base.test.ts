import { BaseError } from 'viem'
import { describe, expect, test } from 'vitest'
import { setErrorConfig } from '../setErrorConfig.js'
import { OpsError } from './base.js'
import { assertParameters, MissingParameterError } from './parameters.js'

describe('OpsError', () => {
  test('default', () => {
    const error = new OpsError('Something failed.', { code: 'TEST_FAILED' })
    expect(error).toMatchInlineSnapshot(`
      [OpsError: Something failed.

      Version: @storydao/core@x.y.z]
    `)
    expect(error.name).toBe('OpsError')
    expect(error.code).toBe('TEST_FAILED')
    expect(error.shortMessage).toBe('Something failed.')
    expect(error.details).toBe('')
    expect(error.version).toBe('@storydao/core@x.y.z')
  })

  test('behavior: meta lines, hint, docs, details', () => {
    const error = new OpsError('Something failed.', {
      code: 'TEST_FAILED',
      metaMessages: ['Safe:  0xabc', 'Nonce: 3'],
      hint: 'Try again.',
      docsPath: 'docs/errors.md',
      details: 'the details',
    })
    expect(error.message).toMatchInlineSnapshot(`
      "Something failed.

      Safe:  0xabc
      Nonce: 3

      Hint: Try again.
      Docs: docs/errors.md
      Details: the details
      Version: @storydao/core@x.y.z"
    `)
  })

  test('behavior: wraps a foreign error as cause', () => {
    const cause = new TypeError('bad thing')
    const error = new OpsError('Wrapped.', { code: 'WRAPPED', cause })
    expect(error.cause).toBe(cause)
    expect(error.details).toBe('bad thing')
  })

  test('behavior: takes a viem error’s short message as details', () => {
    const cause = new BaseError('Short viem message.', { details: 'more' })
    const error = new OpsError('Wrapped.', { code: 'WRAPPED', cause })
    expect(error.details).toBe('Short viem message.')
  })

  test('behavior: inherits details and docsPath from an OpsError cause', () => {
    const inner = new OpsError('Inner.', {
      code: 'INNER',
      details: 'inner details',
      docsPath: 'docs/inner.md',
    })
    const outer = new OpsError('Outer.', { code: 'OUTER', cause: inner })
    expect(outer.details).toBe('inner details')
    expect(outer.docsPath).toBe('docs/inner.md')
  })

  test('behavior: walk', () => {
    const root = new Error('root')
    const middle = new OpsError('Middle.', { code: 'MIDDLE', cause: root })
    const top = new OpsError('Top.', { code: 'TOP', cause: middle })
    expect(top.walk()).toBe(root)
    expect(
      top.walk((error) => error instanceof OpsError && error.code === 'MIDDLE'),
    ).toBe(middle)
    expect(top.walk(() => false)).toBeNull()
  })

  test('behavior: subclasses keep their name', () => {
    class ExampleError extends OpsError {
      override name = 'ExampleError'
    }
    const error = new ExampleError('Example.', { code: 'EXAMPLE' })
    expect(error.name).toBe('ExampleError')
    expect(error).toBeInstanceOf(OpsError)
    expect(error).toBeInstanceOf(Error)
  })

  test('behavior: setErrorConfig', () => {
    setErrorConfig({
      version: 'custom@1',
      getDocsUrl: ({ docsPath }) =>
        docsPath ? `https://example.org/${docsPath}` : undefined,
    })
    try {
      const error = new OpsError('Configured.', {
        code: 'CONFIGURED',
        docsPath: 'errors',
      })
      expect(error.message).toMatchInlineSnapshot(`
        "Configured.

        Docs: https://example.org/errors
        Version: custom@1"
      `)
    } finally {
      setErrorConfig({
        getDocsUrl: ({ docsPath }) => docsPath,
        version: '@storydao/core@x.y.z',
      })
    }
  })
})

describe('error config', () => {
  test('behavior: the Version line names the raising package, Docs is absolute', () => {
    const pinned = new OpsError('x', { code: 'X' }).version
    setErrorConfig({ version: undefined })
    try {
      const error = new OpsError('Safe said no.', {
        code: 'TEST_FAILED',
        docsPath: 'packages/safe/README.md#errors',
        version: '@storydao/safe@1.2.3',
      })
      expect(error.version).toBe('@storydao/safe@1.2.3')
      expect(error.message).toMatchInlineSnapshot(`
        "Safe said no.

        Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors
        Version: @storydao/safe@1.2.3"
      `)
      expect(new OpsError('x', { code: 'X' }).version).toMatch(
        /^@storydao\/core@\d+\.\d+\.\d+$/,
      )
    } finally {
      setErrorConfig({
        getDocsUrl: ({ docsPath }) => docsPath,
        version: pinned,
      })
    }
  })
})

describe('assertParameters', () => {
  test('error: missing parameters object', () => {
    expect(() =>
      assertParameters('doThing', undefined as { a?: number } | undefined, [
        'a',
      ]),
    ).toThrowErrorMatchingInlineSnapshot(`
      [MissingParameterError: doThing: missing \`parameters\` (expected an object with \`a\`).

      Hint: Call doThing(…) with \`parameters\` set; see its doc comment for an example.
      Docs: packages/core/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
  test('error: missing key', () => {
    expect(() =>
      assertParameters('doThing', {} as { a?: number }, ['a']),
    ).toThrow(MissingParameterError)
  })
  test('default: present keys pass', () => {
    expect(() => assertParameters('doThing', { a: 0 }, ['a'])).not.toThrow()
  })
})
