import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

test('exports', async () => {
  expect(Object.keys(await import('./index.js'))).toMatchInlineSnapshot(`
    [
      "buildRejection",
      "buildSafePlan",
      "computeTransactionBuilderChecksum",
      "confirmSafePlan",
      "createSafeService",
      "decodeMultiSend",
      "decodeSafeRevert",
      "decodeSafeTransaction",
      "encodeMultiSend",
      "encodeSafeSignatures",
      "SafeExecutionFailedError",
      "SafeWalletChainMismatchError",
      "MultiSendDecodeError",
      "MultiSendUnavailableError",
      "SafeDelegateCallError",
      "SafeNonceConflictError",
      "SafeNonceTooLowError",
      "SafePlanInputError",
      "SafePlanIntegrityError",
      "NotASafeError",
      "SafeChainMismatchError",
      "SafeNotDeployedError",
      "SafeVersionMismatchError",
      "UnsupportedSafeVersionError",
      "SafeServiceConfigError",
      "SafeServiceError",
      "SafeServiceResponseError",
      "SafeServiceTimeoutError",
      "SafeServiceUnreachableError",
      "SafeSignatureError",
      "TransactionBuilderChainMismatchError",
      "TransactionBuilderChecksumError",
      "TransactionBuilderParseError",
      "TransactionBuilderSafeMismatchError",
      "TransactionBuilderUnsupportedError",
      "executeSafePlan",
      "canonicalContracts",
      "getCanonicalContract",
      "getQueuedSafePlans",
      "getSafeServiceTransaction",
      "hashSafeTransaction",
      "isMultiSendCallOnly",
      "parseTransactionBuilderBatch",
      "proposeSafePlan",
      "signSafePlan",
      "toExecTransactionArgs",
      "toTransactionBuilderBatch",
    ]
  `)
})

test('behavior: no @safe-global package is imported but three small safe-deployments assets', () => {
  // protocol-kit and api-kit cost ~0.6 s and ~75 MiB to load: the service
  // client talks to the Transaction Service with fetch, and the pure
  // functions (hashing, MultiSend, Transaction Builder files) use viem only.
  // The only eager @safe-global imports are three small safe-deployments
  // assets (its index loads every asset of every release).
  const src = fileURLToPath(new URL('..', import.meta.url))
  const files = (readdirSync(src, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .filter((file) => !file.startsWith('test/') && !file.startsWith(`test\\`))
  const eager: string[] = []
  const lazy: string[] = []
  for (const file of files) {
    const text = readFileSync(join(src, file), 'utf8')
    for (const match of text.matchAll(
      /^\s*import\s+(type\s+)?[^'"]*?from\s+'(@safe-global\/[^']+)'/gm,
    ))
      if (!match[1]) eager.push(`${file}: ${match[2]}`)
    for (const match of text.matchAll(
      /import\('(@safe-global\/[^']+)'(?: as string)?\)/g,
    ))
      if (
        !/typeof import\(/.test(
          text.slice(Math.max(0, match.index - 7), match.index + 7),
        )
      )
        lazy.push(`${file}: ${match[1]}`)
  }
  expect(eager.sort()).toEqual(
    ['1.3.0', '1.4.1', '1.5.0'].map(
      (version) =>
        `internal/multiSendDeployments.ts: @safe-global/safe-deployments/dist/assets/v${version}/multi_send_call_only.json`,
    ),
  )
  expect(lazy).toEqual([])
})

test('every function called with nothing throws a typed error', async () => {
  const { OpsError } = await import('@storydao/core')
  const exports = (await import('./index.js')) as Record<string, unknown>
  const outcomes: Record<string, string> = {}
  for (const [name, value] of Object.entries(exports)) {
    if (typeof value !== 'function' || /^[A-Z]/.test(name)) continue
    try {
      await (value as () => unknown)()
      outcomes[name] = 'returned'
    } catch (error) {
      outcomes[name] =
        error instanceof OpsError ? error.code : `untyped ${String(error)}`
    }
  }
  expect(outcomes).toMatchInlineSnapshot(`
    {
      "buildRejection": "PARAMETER_MISSING",
      "buildSafePlan": "PARAMETER_MISSING",
      "computeTransactionBuilderChecksum": "PARAMETER_MISSING",
      "confirmSafePlan": "PARAMETER_MISSING",
      "createSafeService": "PARAMETER_MISSING",
      "decodeMultiSend": "PARAMETER_MISSING",
      "decodeSafeRevert": "returned",
      "decodeSafeTransaction": "PARAMETER_MISSING",
      "encodeMultiSend": "PARAMETER_MISSING",
      "encodeSafeSignatures": "PARAMETER_MISSING",
      "executeSafePlan": "PARAMETER_MISSING",
      "getCanonicalContract": "PARAMETER_MISSING",
      "getQueuedSafePlans": "PARAMETER_MISSING",
      "getSafeServiceTransaction": "PARAMETER_MISSING",
      "hashSafeTransaction": "PARAMETER_MISSING",
      "isMultiSendCallOnly": "PARAMETER_MISSING",
      "parseTransactionBuilderBatch": "PARAMETER_MISSING",
      "proposeSafePlan": "PARAMETER_MISSING",
      "signSafePlan": "PARAMETER_MISSING",
      "toExecTransactionArgs": "PARAMETER_MISSING",
      "toTransactionBuilderBatch": "PARAMETER_MISSING",
    }
  `)
})
