import {
  InvalidRpcUrlError,
  type InvalidRpcUrlErrorType,
  MissingRpcUrlError,
  type MissingRpcUrlErrorType,
} from './errors/network.js'

export type ResolveRpcUrlParameters = {
  /** The network's name (for messages). */
  name: string
  /** Environment variable holding the RPC URL. */
  rpcEnv?: string | undefined
  /** Used when the variable is unset or empty. */
  defaultRpcUrl?: string | null | undefined
}

export type ResolveRpcUrlReturnType = string

export type ResolveRpcUrlErrorType =
  | MissingRpcUrlErrorType
  | InvalidRpcUrlErrorType

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
 * const local = getNetwork(await loadNetworks(), 'local')
 * resolveRpcUrl(local) // process.env.LOCAL_RPC_URL ?? 'http://127.0.0.1:8545'
 * ```
 *
 * @param network - {@link ResolveRpcUrlParameters}
 * @param env - The environment. Default `process.env`.
 * @returns The RPC URL.
 * @throws {MissingRpcUrlError} Naming the variable to set.
 * @throws {InvalidRpcUrlError} When the value is not an http(s)/ws(s) URL.
 */
export function resolveRpcUrl(
  network: ResolveRpcUrlParameters,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ResolveRpcUrlReturnType {
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
