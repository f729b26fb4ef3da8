import {
  UnknownNetworkError,
  type UnknownNetworkErrorType,
} from './errors/network.js'
import {
  assertParameters,
  type MissingParameterErrorType,
} from './errors/parameters.js'
import { version } from './errors/version.js'
import type { Network, Networks } from './networksSchema.js'

export type GetNetworkParameters = {
  /** The networks, from {@link loadNetworks}. */
  networks: Networks
  /** A network name, or a chain id (a number or a string of digits). */
  network: string | number
}

export type GetNetworkReturnType = Network

export type GetNetworkErrorType =
  | UnknownNetworkErrorType
  | MissingParameterErrorType

/**
 * Finds a network by name, or by chain id (a number, or a string of digits
 * as typed on a command line).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#networks
 *
 * @example
 * ```ts
 * import { getNetwork, loadNetworks } from '@storydao/core'
 *
 * const networks = await loadNetworks({ path: 'deployments/networks.json' })
 * getNetwork({ networks, network: 'sepolia' }).chainId // 11155111
 * getNetwork({ networks, network: 31337 }).name // 'local'
 * ```
 *
 * @param parameters - {@link GetNetworkParameters}
 * @returns The network with its name.
 * @throws {UnknownNetworkError} Listing the known networks.
 */
export function getNetwork(
  parameters: GetNetworkParameters,
): GetNetworkReturnType {
  assertParameters('getNetwork', parameters, ['networks', 'network'], {
    version,
  })
  const { networks, network: nameOrChainId } = parameters
  const entries = Object.entries(networks.networks)
  const chainId =
    typeof nameOrChainId === 'number'
      ? nameOrChainId
      : /^[0-9]+$/.test(nameOrChainId)
        ? Number(nameOrChainId)
        : undefined
  const found =
    chainId === undefined
      ? entries.find(([name]) => name === nameOrChainId)
      : entries.find(([, network]) => network.chainId === chainId)
  if (!found)
    throw new UnknownNetworkError({
      network: chainId ?? nameOrChainId,
      known: entries.map(([name, network]) => ({
        name,
        chainId: network.chainId,
      })),
    })
  return { name: found[0], ...found[1] }
}
