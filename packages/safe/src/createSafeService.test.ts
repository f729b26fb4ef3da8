import { startLocalStack } from '@storydao/testkit'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { confirmSafePlan } from './confirmSafePlan.js'
import { createSafeService } from './createSafeService.js'
import { getQueuedSafePlans } from './getQueuedSafePlans.js'
import { signSafePlan } from './signSafePlan.js'
import { startHostedProxy } from './test/hostedProxy.js'
import { startRecordingServer } from './test/recordingServer.js'
import { proposePause, serviceError } from './test/service.js'

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
      timeout: 30_000,
      retryCount: 2,
      retryDelay: 500,
    })
  })

  test('behavior: hosted service with SAFE_API_KEY from the environment; the key is never exposed', () => {
    vi.stubEnv('SAFE_API_KEY', 'sk-secret-from-env')
    const service = createSafeService({ chainId: 1 })
    expect(service).toEqual({
      chainId: 1,
      txServiceUrl: undefined,
      hasApiKey: true,
      timeout: 30_000,
      retryCount: 2,
      retryDelay: 500,
    })
    expect(JSON.stringify(service)).not.toContain('sk-secret')
    expect(String(Object.values(service))).not.toContain('sk-secret')
    expect(Object.isFrozen(service)).toBe(true)
  })

  test('behavior: SAFE_API_KEY is not sent to a custom URL; an explicit apiKey is', async () => {
    const envKey = 'sk-env-key-for-the-hosted-service'
    const explicitKey = 'sk-explicit-key-for-this-service'
    vi.stubEnv('SAFE_API_KEY', envKey)
    const recorder = await startRecordingServer()
    try {
      const custom = createSafeService({
        chainId: 31337,
        txServiceUrl: recorder.url,
      })
      expect(custom.hasApiKey).toBe(false)
      expect(await getQueuedSafePlans(custom, { safe })).toEqual([])

      const keyed = createSafeService({
        chainId: 31337,
        txServiceUrl: recorder.url,
        apiKey: explicitKey,
      })
      expect(keyed.hasApiKey).toBe(true)
      expect(await getQueuedSafePlans(keyed, { safe })).toEqual([])

      // getSafeInfo, then the queue, for each service.
      expect(recorder.requests.map((r) => r.url.split('?')[0])).toEqual([
        `/api/v1/safes/${safe}/`,
        `/api/v2/safes/${safe}/multisig-transactions/`,
        `/api/v1/safes/${safe}/`,
        `/api/v2/safes/${safe}/multisig-transactions/`,
      ])
      // Booleans only: a failing assertion must not print a key.
      const sent = (header: string | undefined) => ({
        hasAuthorization: header !== undefined,
        isEnvKey: header?.includes(envKey) ?? false,
        isExplicitBearer: header === `Bearer ${explicitKey}`,
      })
      expect(
        recorder.requests.map((r) => sent(r.headers.authorization)),
      ).toEqual([
        ...Array(2).fill({
          hasAuthorization: false,
          isEnvKey: false,
          isExplicitBearer: false,
        }),
        ...Array(2).fill({
          hasAuthorization: true,
          isEnvKey: false,
          isExplicitBearer: true,
        }),
      ])
      expect(JSON.stringify(recorder.requests)).not.toContain(envKey)
    } finally {
      await recorder.stop()
    }
  })

  test('behavior: SAFE_API_KEY applies to api.safe.global and api.5afe.dev only', () => {
    vi.stubEnv('SAFE_API_KEY', 'sk-secret-from-env')
    const hasApiKey = (txServiceUrl: string) =>
      createSafeService({ chainId: 1, txServiceUrl }).hasApiKey
    expect(hasApiKey('https://api.safe.global/tx-service/eth/api')).toBe(true)
    expect(hasApiKey('https://api.5afe.dev/tx-service/eth/api')).toBe(true)
    expect(hasApiKey('https://safe-tx.example.org/api')).toBe(false)
    expect(hasApiKey('http://127.0.0.1:8000/api')).toBe(false)
    // Look-alikes never get the environment's key (api-kit wants one: error).
    for (const lookAlike of [
      'https://api.safe.global.example.org/api',
      'https://api.safe.global@example.org/api',
      'https://example.org/api.5afe.dev/api',
    ])
      expect(() => hasApiKey(lookAlike)).toThrow(/is not on that host/)
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

  test('error: a look-alike of a hosted URL needs an explicit apiKey (SAFE_API_KEY does not apply)', () => {
    vi.stubEnv('SAFE_API_KEY', 'sk-secret-from-env')
    expect(() =>
      createSafeService({
        chainId: 1,
        txServiceUrl: 'https://api.safe.global.example.org/tx-service/eth/api',
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [SafeServiceConfigError: txServiceUrl mentions api.safe.global but is not on that host, and no apiKey was passed.

      Hint: api-kit requires an API key for such URLs. SAFE_API_KEY is only sent to api.safe.global / api.5afe.dev: pass \`apiKey\` explicitly, or use the service's own URL.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    expect(
      createSafeService({
        chainId: 1,
        txServiceUrl: 'https://api.safe.global.example.org/tx-service/eth/api',
        apiKey: 'sk-for-this-proxy',
      }).hasApiKey,
    ).toBe(true)
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
    const error = await getQueuedSafePlans(service, { safe }).catch(
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

  test('behavior: the hosted service gets `Authorization: Bearer <key>` on its chain’s path (STORYDAO_HOSTED_TX_SERVICE as its root)', async () => {
    const apiKey = 'sk-hosted-key-for-this-test'
    // The local service behind a proxy that checks the key, standing in for
    // https://api.safe.global/tx-service; chain 1 is `eth` in api-kit's table.
    const stack = await startLocalStack({ txService: true })
    const proxy = await startHostedProxy({
      forwardTo: stack.txServiceUrl,
      apiKey,
      shortName: 'eth',
    })
    try {
      vi.stubEnv('STORYDAO_HOSTED_TX_SERVICE', proxy.root)
      vi.stubEnv('SAFE_API_KEY', apiKey)
      const hosted = createSafeService({ chainId: 1 })
      expect(hosted.txServiceUrl).toBeUndefined()
      const ops = stack.manifest.safes.ops.address
      expect(await getQueuedSafePlans(hosted, { safe: ops })).toEqual([])

      // A confirmation is checked by the service against its own record (no
      // local chain check), so one travels through the hosted path too.
      const local = createSafeService({
        chainId: stack.chainId,
        txServiceUrl: stack.txServiceUrl,
      })
      const plan = await proposePause(stack, local)
      const second = stack.accounts.emergencyOwners[1]
      const signature = await signSafePlan({
        plan,
        account: second.privateKey,
      })
      await confirmSafePlan(hosted, { safeTxHash: plan.safeTxHash, signature })
      const [queued] = await getQueuedSafePlans(local, {
        safe: plan.safe,
      })
      expect(queued?.confirmations.map((c) => c.signer)).toContain(
        second.address,
      )

      vi.stubEnv('SAFE_API_KEY', 'sk-wrong-key')
      const wrongKey = await serviceError(
        getQueuedSafePlans(createSafeService({ chainId: 1 }), { safe: ops }),
      )
      expect({
        status: wrongKey.status,
        reason: wrongKey.reason,
        printsKey: wrongKey.message.includes('sk-wrong-key'),
      }).toEqual({ status: 401, reason: 'unauthorized', printsKey: false })

      const hash = plan.safeTxHash.toLowerCase()
      expect(proxy.requests).toEqual([
        {
          method: 'GET',
          url: `/tx-service/eth/api/v1/safes/${ops}/`,
          authorized: true,
        },
        {
          method: 'GET',
          url: `/tx-service/eth/api/v2/safes/${ops}/multisig-transactions/?executed=false&ordering=-nonce&limit=100&offset=0&nonce__gte=0`,
          authorized: true,
        },
        {
          method: 'POST',
          url: `/tx-service/eth/api/v1/multisig-transactions/${hash}/confirmations/`,
          authorized: true,
        },
        {
          method: 'GET',
          url: `/tx-service/eth/api/v1/safes/${ops}/`,
          authorized: false,
        },
      ])
    } finally {
      await proxy.stop()
      await stack.stop()
    }
  })

  test('error: STORYDAO_HOSTED_TX_SERVICE that is not an http(s) URL', () => {
    vi.stubEnv('STORYDAO_HOSTED_TX_SERVICE', 'api.safe.global/tx-service')
    expect(() => createSafeService({ chainId: 1, apiKey: 'sk-key' })).toThrow(
      /STORYDAO_HOSTED_TX_SERVICE is not an absolute http\(s\) URL/,
    )
  })
})
