import type { Abi, Address } from 'viem'
import { MissingAbiError, type MissingAbiErrorType } from './errors/abi.js'
import {
  assertParameters,
  type MissingParameterErrorType,
} from './errors/parameters.js'
import { version } from './errors/version.js'
import type { Manifest } from './manifestSchema.js'

/** One contract as the frontend consumes it. */
export type FrontendArtifact = {
  /** The address to call (the proxy's, for proxies). */
  address: Address
  /** The ABI of the contract's artifact (the implementation's, for proxies). */
  abi: Abi
}

export type ToFrontendArtifactsParameters = {
  /** The manifest. */
  manifest: Manifest
  /** ABIs keyed by artifact name. */
  abis: Readonly<Record<string, Abi>>
}

export type ToFrontendArtifactsReturnType = Record<string, FrontendArtifact>

export type ToFrontendArtifactsErrorType =
  | MissingAbiErrorType
  | MissingParameterErrorType

/**
 * Builds the `{ [contractName]: { address, abi } }` JSON the frontend reads,
 * from a manifest and ABIs keyed by artifact name (a proxy entry's `artifact`
 * is its implementation's, so the frontend calls the proxy with the right
 * ABI).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#tofrontendartifacts
 *
 * @example
 * ```ts
 * import { loadManifest, toFrontendArtifacts } from '@storydao/core'
 *
 * const artifacts = toFrontendArtifacts({
 *   manifest: await loadManifest('local'),
 *   abis: { AuthorCoin: authorCoinAbi, StoryTimelock: timelockAbi },
 * })
 * await writeFile('frontend/contracts.json', JSON.stringify(artifacts, null, 2))
 * ```
 *
 * @param parameters - {@link ToFrontendArtifactsParameters}
 * @returns One `{ address, abi }` per contract, in manifest order.
 * @throws {MissingAbiError} Listing every artifact without an ABI.
 */
export function toFrontendArtifacts(
  parameters: ToFrontendArtifactsParameters,
): ToFrontendArtifactsReturnType {
  assertParameters('toFrontendArtifacts', parameters, ['manifest', 'abis'], {
    version,
  })
  const { manifest, abis } = parameters
  const missing: { contract: string; artifact: string }[] = []
  const out: ToFrontendArtifactsReturnType = {}
  for (const [name, entry] of Object.entries(manifest.contracts)) {
    const abi = Object.hasOwn(abis, entry.artifact)
      ? abis[entry.artifact]
      : undefined
    if (!abi) missing.push({ contract: name, artifact: entry.artifact })
    else out[name] = { address: entry.address, abi }
  }
  if (missing.length > 0)
    throw new MissingAbiError({ missing, available: Object.keys(abis) })
  return out
}
