import { describe, expect, test } from 'vitest'
import { createSafeService } from '../createSafeService.js'
import { SafeServiceConfigError } from '../errors/service.js'
import { callService } from './callService.js'

describe('callService', () => {
  test('behavior: api-kit inlined into an ESM bundle fails on its first request with the bundling hint, not as a bad service answer', async () => {
    const service = createSafeService({
      chainId: 31337,
      txServiceUrl: 'http://127.0.0.1:9/api',
    })
    // esbuild's ESM shim throws this when node-fetch, inlined, requires
    // `stream` at the first request (the consumer test bundles it for real).
    const error = await callService(
      service,
      { operation: 'read Safe 0x…', method: 'GET', path: '/v1/safes/0x…/' },
      async () => {
        throw new Error('Dynamic require of "stream" is not supported')
      },
    ).catch((error: unknown) => error)
    expect(error).toBeInstanceOf(SafeServiceConfigError)
    expect((error as SafeServiceConfigError).message).toMatchInlineSnapshot(`
      "The Safe Transaction Service client (@safe-global/api-kit) cannot run inside this ESM bundle.

      Hint: A bundler inlined @safe-global/api-kit (or node-fetch) into an ESM bundle, where its CommonJS require() calls cannot run. Mark @safe-global/* as external (esbuild \`--external:@safe-global/*\`, tsup \`external: [/^@safe-global\\//]\`) so it is loaded from node_modules at run time.
      Docs: packages/safe/README.md#errors
      Details: Dynamic require of "stream" is not supported
      Version: @storydao/core@x.y.z"
    `)
  })
})
