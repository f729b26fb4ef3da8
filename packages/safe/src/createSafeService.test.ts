import { afterEach, describe, expect, test, vi } from 'vitest'
import { createSafeService } from './createSafeService.js'
import { getQueuedSafePlans } from './getQueuedSafePlans.js'

const safe = '0x2B0b9cBDA3D7b0F760187c52A8FFB18C48E5d96A'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('createSafeService', () => {
  test('default: custom URL (trailing slash removed), no key needed', () => {
    vi.stubEnv('SAFE_API_KEY', '')
    expect(
      createSafeService({
        chainId: 31337,
        txServiceUrl: 'http://127.0.0.1:8000/api/',
      }),
    ).toEqual({
      chainId: 31337,
      txServiceUrl: 'http://127.0.0.1:8000/api',
      hasApiKey: false,
    })
  })

  test('behavior: hosted service with SAFE_API_KEY from the environment; the key is never exposed', () => {
    vi.stubEnv('SAFE_API_KEY', 'sk-secret-from-env')
    const service = createSafeService({ chainId: 1 })
    expect(service).toEqual({
      chainId: 1,
      txServiceUrl: undefined,
      hasApiKey: true,
    })
    expect(JSON.stringify(service)).not.toContain('sk-secret')
    expect(String(Object.values(service))).not.toContain('sk-secret')
    expect(Object.isFrozen(service)).toBe(true)
  })

  test('error: hosted service without an API key', () => {
    vi.stubEnv('SAFE_API_KEY', '')
    expect(() =>
      createSafeService({ chainId: 1 }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [SafeServiceConfigError: The hosted Safe Transaction Service (chain 1) needs an API key.

      Hint: Set SAFE_API_KEY (from https://developer.safe.global) or pass \`apiKey\`; or pass \`txServiceUrl\` for a self-hosted or local service.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    expect(() =>
      createSafeService({
        chainId: 1,
        txServiceUrl: 'https://api.safe.global/tx-service/eth/api',
      }),
    ).toThrow(/needs an API key/)
  })

  test('error: malformed URL or chain id (credentials never printed)', () => {
    expect(() =>
      createSafeService({
        chainId: 1,
        txServiceUrl: 'ftp://user:pw@example.com/api',
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [SafeServiceConfigError: txServiceUrl must be http(s), got ftp:.

      Hint: Pass an absolute http(s) URL ending in /api, e.g. http://127.0.0.1:8000/api.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    expect(() =>
      createSafeService({ chainId: 1, txServiceUrl: 'not a url' }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [SafeServiceConfigError: txServiceUrl is not a valid URL.

      Hint: Pass an absolute http(s) URL ending in /api, e.g. http://127.0.0.1:8000/api.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    expect(() =>
      createSafeService({ chainId: 0, txServiceUrl: 'http://127.0.0.1/api' }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [SafeServiceConfigError: Invalid chainId 0 for the Safe Transaction Service.

      Hint: Pass the numeric chain id of the Safe, e.g. 1 or 31337.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: a chain the hosted service does not cover (at first use; key redacted)', async () => {
    const service = createSafeService({
      chainId: 31337,
      apiKey: 'sk-do-not-print',
    })
    const error = await getQueuedSafePlans(service, safe).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchInlineSnapshot(`
      [SafeServiceConfigError: The Safe Transaction Service for chain 31337 cannot be selected.

      Hint: The hosted service only covers the chains api-kit knows; for other chains (and the local stack) pass \`txServiceUrl\` (ending in /api).
      Docs: packages/safe/README.md#errors
      Details: Network with chainId 31337 not found
      Version: @storydao/core@x.y.z]
    `)
    expect(String((error as Error).message)).not.toContain('sk-do-not-print')
  })
})
