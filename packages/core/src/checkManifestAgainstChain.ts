import type { Chain, Client, Transport } from 'viem'
import type {
  ChainReadErrorType,
  InvalidSlotValueErrorType,
} from './errors/chain.js'
import {
  assertParameters,
  type MissingParameterErrorType,
} from './errors/parameters.js'
import { version } from './errors/version.js'
import { createChainReads } from './internal/chainReads.js'
import {
  chainIdMismatch,
  contractChecks,
  safeChecks,
  settled,
  throwOnTransportError,
} from './internal/manifestChainChecks.js'
import type { Manifest } from './manifestSchema.js'
import type { ManifestFinding } from './types/manifestFinding.js'

export type CheckManifestAgainstChainParameters = {
  /** The manifest to check (validated, e.g. by `loadManifest`). */
  manifest: Manifest
}

export type CheckManifestAgainstChainReturnType = {
  /** `true` when there is no error-severity finding. */
  ok: boolean
  /** Every finding, in manifest order. */
  findings: ManifestFinding[]
}

export type CheckManifestAgainstChainErrorType =
  | ChainReadErrorType
  | InvalidSlotValueErrorType
  | MissingParameterErrorType

/**
 * Checks a manifest against the chain it describes: the RPC's chain id, code
 * at every listed address (contracts, implementations, Safes), proxies'
 * EIP-1967 implementation/admin/beacon slots, beacons' `implementation()`,
 * and Safes' owners and threshold.
 *
 * All reads are started at once, so with a JSON-RPC batching transport
 * (`http(url, { batch: true })`) the whole check is one round trip;
 * Multicall3 is not needed. A read that reverts is a finding; an unreachable
 * RPC throws {@link ChainReadError}. On a chain id mismatch only that finding
 * is returned (every other comparison would be noise).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#checkmanifestagainstchain
 *
 * @example
 * ```ts
 * import { createPublicClient, http } from 'viem'
 * import { checkManifestAgainstChain, loadManifest } from '@storydao/core'
 *
 * const manifest = await loadManifest('deployments/local.json')
 * const client = createPublicClient({ transport: http('http://127.0.0.1:8545', { batch: true }) })
 * const { ok, findings } = await checkManifestAgainstChain(client, { manifest })
 * ```
 *
 * @param client - A viem client connected to the manifest's network.
 * @param parameters - {@link CheckManifestAgainstChainParameters}
 * @returns `{ ok, findings }`.
 * @throws {ChainReadError} When the RPC cannot be reached.
 */
export async function checkManifestAgainstChain(
  client: Client<Transport, Chain | undefined>,
  parameters: CheckManifestAgainstChainParameters,
): Promise<CheckManifestAgainstChainReturnType> {
  assertParameters('checkManifestAgainstChain', { client }, ['client'], {
    version,
  })
  assertParameters('checkManifestAgainstChain', parameters, ['manifest'], {
    version,
  })
  const { manifest } = parameters
  const reads = createChainReads(client)
  const chainIdKey = reads.chainId()
  const checks = [
    ...Object.entries(manifest.contracts).flatMap(([name, entry]) =>
      contractChecks(reads, name, entry),
    ),
    ...safeChecks(reads, manifest),
  ]
  const results = await reads.settle()
  throwOnTransportError(results)
  const mismatch = chainIdMismatch(settled(results, chainIdKey), manifest)
  if (mismatch) return { ok: false, findings: [mismatch] }
  const findings = checks.flatMap((check) => check(results))
  return {
    ok: findings.every((finding) => finding.severity !== 'error'),
    findings,
  }
}
