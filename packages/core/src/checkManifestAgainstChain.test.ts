import { type LocalStack, startLocalStack } from '@storydao/testkit'
import { createPublicClient, http } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { checkManifestAgainstChain } from './checkManifestAgainstChain.js'
import { ChainReadError } from './errors/chain.js'
import type { Manifest } from './manifestSchema.js'
import { parseManifest } from './parseManifest.js'
import { address } from './test/manifests.js'

let stack: LocalStack
let requests = 0

beforeAll(async () => {
  stack = await startLocalStack()
})
afterAll(async () => {
  await stack?.stop()
})

function client() {
  return createPublicClient({
    transport: http(stack.rpcUrl, {
      batch: true,
      onFetchRequest: () => {
        requests++
      },
    }),
  })
}

/** A deep copy of the stack's manifest to break. */
function manifest(): Manifest {
  return structuredClone(stack.manifest)
}

describe('checkManifestAgainstChain', () => {
  test('default: the local stack’s manifest matches its chain', async () => {
    // The testkit's manifest is itself a valid manifest.
    expect(parseManifest({ input: stack.manifest })).toEqual(stack.manifest)
    requests = 0
    const result = await checkManifestAgainstChain(client(), {
      manifest: manifest(),
    })
    expect(result).toEqual({ ok: true, findings: [] })
    // Every read goes out in one JSON-RPC batch.
    expect(requests).toBe(1)
  })

  test('behavior: wrong implementation address', async () => {
    const wrong = manifest()
    const coin = wrong.contracts.AuthorCoin!
    const beacon = wrong.contracts.TreasuryBeacon!
    if (coin.kind !== 'uups-proxy' || beacon.kind !== 'beacon')
      throw new Error('unexpected local manifest')
    const actual = coin.implementation
    // Another contract's implementation: it has code, so only the slot differs.
    coin.implementation = beacon.implementation
    const result = await checkManifestAgainstChain(client(), {
      manifest: wrong,
    })
    expect(result.ok).toBe(false)
    expect(result.findings).toEqual([
      {
        severity: 'error',
        code: 'implementation_mismatch',
        path: 'contracts.AuthorCoin.implementation',
        message: `The EIP-1967 implementation slot of AuthorCoin holds ${actual}, the manifest says ${beacon.implementation}.`,
        expected: beacon.implementation,
        actual,
      },
    ])
  })

  test('behavior: wrong beacon implementation and beacon', async () => {
    const wrong = manifest()
    const beacon = wrong.contracts.TreasuryBeacon!
    const treasury = wrong.contracts.Treasury!
    const coin = wrong.contracts.AuthorCoin!
    if (
      beacon.kind !== 'beacon' ||
      treasury.kind !== 'beacon-proxy' ||
      coin.kind !== 'uups-proxy'
    )
      throw new Error('unexpected local manifest')
    beacon.implementation = coin.implementation
    treasury.beacon = coin.address
    const { findings } = await checkManifestAgainstChain(client(), {
      manifest: wrong,
    })
    expect(findings.map(({ code, path }) => `${code} ${path}`)).toEqual([
      'implementation_mismatch contracts.TreasuryBeacon.implementation',
      'beacon_mismatch contracts.Treasury.beacon',
    ])
  })

  test('behavior: wrong chain id', async () => {
    const wrong = manifest()
    wrong.network.chainId = 1
    expect(
      await checkManifestAgainstChain(client(), { manifest: wrong }),
    ).toEqual({
      ok: false,
      findings: [
        {
          severity: 'error',
          code: 'chain_id_mismatch',
          path: 'network.chainId',
          message: `The RPC serves chain ${stack.chainId}, the manifest describes chain 1 (local). Other checks were skipped.`,
          expected: 1,
          actual: stack.chainId,
        },
      ],
    })
  })

  test('behavior: an address without code', async () => {
    const wrong = manifest()
    const empty = address('nothing deployed here')
    wrong.contracts.StoryDAO!.address = empty
    const { ok, findings } = await checkManifestAgainstChain(client(), {
      manifest: wrong,
    })
    expect(ok).toBe(false)
    expect(findings).toEqual([
      {
        severity: 'error',
        code: 'no_code',
        path: 'contracts.StoryDAO.address',
        message: `No contract code at ${empty} (StoryDAO).`,
      },
    ])
  })

  test('behavior: wrong threshold and owners', async () => {
    const wrong = manifest()
    wrong.safes.ops.threshold = 3
    const stranger = address('stranger')
    const replaced = wrong.safes.emergency!.owners[0]!
    wrong.safes.emergency!.owners[0] = stranger
    const { ok, findings } = await checkManifestAgainstChain(client(), {
      manifest: wrong,
    })
    expect(ok).toBe(false)
    expect(findings).toEqual([
      {
        severity: 'error',
        code: 'threshold_mismatch',
        path: 'safes.ops.threshold',
        message: "The ops Safe's threshold is 2 on chain, the manifest says 3.",
        expected: 3,
        actual: 2,
      },
      expect.objectContaining({
        severity: 'error',
        code: 'owners_mismatch',
        path: 'safes.emergency.owners',
        message: `The emergency Safe's owners differ from the manifest; not owners on chain: ${stranger}; owners missing from the manifest: ${replaced}.`,
      }),
    ])
  })

  test('behavior: a Safe address that is not a Safe', async () => {
    const wrong = manifest()
    wrong.safes.ops.address = wrong.contracts.StoryTimelock!.address
    const { findings } = await checkManifestAgainstChain(client(), {
      manifest: wrong,
    })
    expect(findings.map(({ code, path }) => `${code} ${path}`)).toEqual([
      'read_failed safes.ops.owners',
      'read_failed safes.ops.threshold',
    ])
  })

  test('error: missing client or manifest', async () => {
    await expect(
      // @ts-expect-error plain-JavaScript caller without a manifest
      checkManifestAgainstChain(client(), {}),
    ).rejects.toMatchObject({
      name: 'MissingParameterError',
      code: 'PARAMETER_MISSING',
      parameter: 'manifest',
    })
    await expect(
      // @ts-expect-error plain-JavaScript caller without a client
      checkManifestAgainstChain(undefined, { manifest: manifest() }),
    ).rejects.toMatchObject({ code: 'PARAMETER_MISSING', parameter: 'client' })
  })

  test('error: unreachable RPC', async () => {
    const unreachable = createPublicClient({
      transport: http('http://127.0.0.1:9/', { retryCount: 0, timeout: 2_000 }),
    })
    await expect(
      checkManifestAgainstChain(unreachable, { manifest: manifest() }),
    ).rejects.toBeInstanceOf(ChainReadError)
  })
})
