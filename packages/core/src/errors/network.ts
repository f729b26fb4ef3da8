import { OpsError } from './base.js'
import type { ManifestIssue } from './manifest.js'

export type UnknownNetworkErrorType = UnknownNetworkError & {
  name: 'UnknownNetworkError'
}

/**
 * No network with that name or chain id in `networks.json`.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors
 *
 * @example
 * ```ts
 * import { UnknownNetworkError, getNetwork, loadNetworks } from '@storydao/core'
 *
 * try {
 *   getNetwork({
 *     networks: await loadNetworks({ path: 'deployments/networks.json' }),
 *     network: 'holesky',
 *   })
 * } catch (error) {
 *   if (error instanceof UnknownNetworkError) console.error(error.known)
 * }
 * ```
 */
export class UnknownNetworkError extends OpsError {
  override name = 'UnknownNetworkError'
  /** The name or chain id asked for. */
  network: string | number
  /** The networks that exist. */
  known: readonly { name: string; chainId: number }[]

  constructor({
    network,
    known,
  }: {
    network: string | number
    known: readonly { name: string; chainId: number }[]
  }) {
    super(
      typeof network === 'number'
        ? `Unknown network: no network with chain id ${network}.`
        : `Unknown network "${network}".`,
      {
        code: 'NETWORK_UNKNOWN',
        metaMessages: [
          `Known networks: ${known.map(({ name, chainId }) => `${name} (${chainId})`).join(', ') || '(none)'}`,
        ],
        hint: 'Use one of the known names or chain ids, or add the network to deployments/networks.json.',
      },
    )
    this.network = network
    this.known = known
  }
}

export type InvalidNetworksErrorType = InvalidNetworksError & {
  name: 'InvalidNetworksError'
}

/**
 * `networks.json` is missing, not JSON, or does not match the schema.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors
 *
 * @example
 * ```ts
 * import { InvalidNetworksError, loadNetworks } from '@storydao/core'
 *
 * try {
 *   await loadNetworks({ path: 'deployments/networks.json' })
 * } catch (error) {
 *   if (error instanceof InvalidNetworksError) console.error(error.issues)
 * }
 * ```
 */
export class InvalidNetworksError extends OpsError {
  override name = 'InvalidNetworksError'
  /** The file (or label) that was read. */
  source: string
  /** Schema problems (empty when the file could not be read or parsed). */
  issues: readonly ManifestIssue[]

  constructor({
    source,
    issues = [],
    reason,
    cause,
  }: {
    source: string
    issues?: readonly ManifestIssue[] | undefined
    reason?: string | undefined
    cause?: unknown
  }) {
    super(
      reason
        ? `Invalid networks file ${source}: ${reason}.`
        : `Invalid networks file ${source}: ${issues.length === 1 ? '1 problem' : `${issues.length} problems`}.`,
      {
        code: 'NETWORKS_INVALID',
        cause,
        metaMessages:
          issues.length > 0
            ? issues.flatMap((issue) => [
                `- ${issue.path}: ${issue.message}`,
                ...(issue.hint ? [`  Hint: ${issue.hint}`] : []),
              ])
            : undefined,
        hint: 'The file looks like { "networks": { "<name>": { "chainId", "rpcEnv", "defaultRpcUrl", "txServiceUrl", "explorer" } } }.',
      },
    )
    this.source = source
    this.issues = issues
  }
}

export type MissingRpcUrlErrorType = MissingRpcUrlError & {
  name: 'MissingRpcUrlError'
}

/**
 * A network's RPC URL environment variable is unset (or empty) and the network
 * has no default RPC URL.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors
 *
 * @example
 * ```ts
 * import { MissingRpcUrlError, resolveRpcUrl } from '@storydao/core'
 *
 * try {
 *   resolveRpcUrl({ name: 'mainnet', rpcEnv: 'MAINNET_RPC_URL' }, {})
 * } catch (error) {
 *   if (error instanceof MissingRpcUrlError) console.error(error.rpcEnv)
 * }
 * ```
 */
export class MissingRpcUrlError extends OpsError {
  override name = 'MissingRpcUrlError'
  /** The network. */
  network: string
  /** The environment variable that should hold the URL, if the network names one. */
  rpcEnv?: string | undefined

  constructor({
    network,
    rpcEnv,
  }: {
    network: string
    rpcEnv?: string | undefined
  }) {
    super(
      rpcEnv
        ? `No RPC URL for network "${network}": ${rpcEnv} is not set.`
        : `No RPC URL for network "${network}".`,
      {
        code: 'RPC_URL_MISSING',
        hint: rpcEnv
          ? `Set ${rpcEnv} to the network's JSON-RPC URL, e.g. \`export ${rpcEnv}=https://…\`.`
          : 'Give the network an `rpcEnv` (and set that variable) or a `defaultRpcUrl`.',
      },
    )
    this.network = network
    this.rpcEnv = rpcEnv
  }
}

export type InvalidRpcUrlErrorType = InvalidRpcUrlError & {
  name: 'InvalidRpcUrlError'
}

/**
 * The RPC URL found for a network is not an http(s) or ws(s) URL.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#errors
 *
 * @example
 * ```ts
 * import { InvalidRpcUrlError, resolveRpcUrl } from '@storydao/core'
 *
 * try {
 *   resolveRpcUrl({ name: 'local', rpcEnv: 'LOCAL_RPC_URL' }, { LOCAL_RPC_URL: '8545' })
 * } catch (error) {
 *   if (error instanceof InvalidRpcUrlError) console.error(error.source)
 * }
 * ```
 */
export class InvalidRpcUrlError extends OpsError {
  override name = 'InvalidRpcUrlError'
  /** The network. */
  network: string
  /** Where the value came from: the environment variable, or `defaultRpcUrl`. */
  source: string

  constructor({
    network,
    source,
    value,
  }: {
    network: string
    source: string
    value: string
  }) {
    super(`Invalid RPC URL for network "${network}" (from ${source}).`, {
      code: 'RPC_URL_INVALID',
      // The value itself is not printed: RPC URLs often embed an API key.
      metaMessages: [`Value: ${value.length} characters, not a URL`],
      hint: 'Use a full URL with an http://, https://, ws:// or wss:// scheme, e.g. http://127.0.0.1:8545.',
    })
    this.network = network
    this.source = source
  }
}
