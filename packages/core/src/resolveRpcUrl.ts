import {
  InvalidRpcUrlError,
  type InvalidRpcUrlErrorType,
  MissingRpcUrlError,
  type MissingRpcUrlErrorType,
} from './errors/network.js'
import {
  assertParameters,
  type MissingParameterErrorType,
} from './errors/parameters.js'
import { version } from './errors/version.js'

/** Where a network's RPC URL comes from: a networks.json entry or a manifest's `network`. */
export type RpcUrlSource = {
  /** The network's name (for messages). */
  name: string
  /** Environment variable holding the RPC URL. */
  rpcEnv?: string | undefined
  /** Used when the variable is unset or empty. */
  defaultRpcUrl?: string | null | undefined
}

export type ResolveRpcUrlParameters = {
  /** The network: from {@link getNetwork}, or a manifest's `network`. */
  network: RpcUrlSource
  /** The environment. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>> | undefined
}

export type ResolveRpcUrlReturnType = string

export type ResolveRpcUrlErrorType =
  | MissingRpcUrlErrorType
  | InvalidRpcUrlErrorType
  | MissingParameterErrorType

function isRpcUrl(value: string): boolean {
  try {
    return ['http:', 'https:', 'ws:', 'wss:'].includes(new URL(value).protocol)
  } catch {
    return false
  }
}

/**
 * Picks a network's RPC URL: the environment variable named by `rpcEnv` when
 * set and non-empty, else `defaultRpcUrl`.
 *
 * Takes a network from {@link getNetwork} or a manifest's `network`.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#networks
 *
 * @example
 * ```ts
 * import { getNetwork, loadNetworks, resolveRpcUrl } from '@storydao/core'
 *
 * const networks = await loadNetworks({ path: 'deployments/networks.json' })
 * const network = getNetwork({ networks, network: 'local' })
 * resolveRpcUrl({ network }) // process.env.LOCAL_RPC_URL ?? 'http://127.0.0.1:8545'
 * ```
 *
 * @param parameters - {@link ResolveRpcUrlParameters}
 * @returns The RPC URL.
 * @throws {MissingRpcUrlError} Naming the variable to set.
 * @throws {InvalidRpcUrlError} When the value is not an http(s)/ws(s) URL.
 */
export function resolveRpcUrl(
  parameters: ResolveRpcUrlParameters,
): ResolveRpcUrlReturnType {
  assertParameters('resolveRpcUrl', parameters, ['network'], { version })
  const { network, env = process.env } = parameters
  const fromEnv = network.rpcEnv ? env[network.rpcEnv]?.trim() : undefined
  if (fromEnv) {
    if (!isRpcUrl(fromEnv))
      throw new InvalidRpcUrlError({
        network: network.name,
        source: network.rpcEnv!,
        value: fromEnv,
      })
    return fromEnv
  }
  if (network.defaultRpcUrl) {
    if (!isRpcUrl(network.defaultRpcUrl))
      throw new InvalidRpcUrlError({
        network: network.name,
        source: 'defaultRpcUrl',
        value: network.defaultRpcUrl,
      })
    return network.defaultRpcUrl
  }
  throw new MissingRpcUrlError({
    network: network.name,
    rpcEnv: network.rpcEnv,
  })
}
