import { z } from 'zod'
import { patterns } from './internal/manifestStructure.js'

const urlSchema = z.url({
  protocol: /^(?:https?|wss?)$/,
  error: 'Expected an http(s) or ws(s) URL.',
})

/** @internal The schema of one `networks.json` entry. */
export const networkConfigSchema = z.strictObject({
  chainId: z.number().int().positive(),
  rpcEnv: z.string().regex(patterns.envName, {
    error:
      'Invalid environment variable name: uppercase letters, digits and "_".',
  }),
  defaultRpcUrl: urlSchema.nullable(),
  txServiceUrl: urlSchema.nullable(),
  explorer: urlSchema.nullable(),
  /**
   * EIP-3770 short name Safe{Wallet} uses in its links (`eth`, `sep`,
   * `base`); absent or `null` where Safe{Wallet} does not serve the chain.
   */
  shortName: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,15}$/, {
      error: 'Invalid EIP-3770 short name: lowercase letters, digits and "-".',
    })
    .nullable()
    .exactOptional(),
})

/**
 * The zod schema of `deployments/networks.json`: per network name, its chain
 * id, the environment variable holding its RPC URL, an optional default RPC
 * URL, the Safe Transaction Service URL (`null`: api-kit's default for the
 * chain, which needs `SAFE_API_KEY`) and the block explorer (`null`: none).
 * Chain ids must be unique.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#networks
 *
 * @example
 * ```ts
 * import { networksSchema } from '@storydao/core'
 *
 * const networks = networksSchema.parse(JSON.parse(text))
 * ```
 */
export const networksSchema = z
  .strictObject({
    $schema: z.string().exactOptional(),
    networks: z.record(
      z.string().regex(patterns.networkName, {
        error:
          'Invalid network name: letters, digits, "_" or "-", starting with a letter or digit.',
      }),
      networkConfigSchema,
    ),
  })
  .superRefine((value, context) => {
    const seen = new Map<number, string>()
    for (const [name, network] of Object.entries(value.networks)) {
      const first = seen.get(network.chainId)
      if (first === undefined) seen.set(network.chainId, name)
      else
        context.addIssue({
          code: 'custom',
          path: ['networks', name, 'chainId'],
          message: `Chain id ${network.chainId} is already used by network "${first}".`,
          params: {
            code: 'duplicate_chain_id',
            hint: 'Each chain id belongs to one network name.',
          },
        })
    }
  })

/** The parsed `networks.json`. */
export type Networks = z.output<typeof networksSchema>

/** One network's settings, as stored in `networks.json`. */
export type NetworkConfig = z.output<typeof networkConfigSchema>

/**
 * One network with its name (what {@link getNetwork} returns).
 *
 * @example
 * ```ts
 * import { getNetwork, loadNetworks, type Network } from '@storydao/core'
 *
 * const networks = await loadNetworks({ path: 'deployments/networks.json' })
 * const local: Network = getNetwork({ networks, network: 'local' })
 * ```
 */
export type Network = NetworkConfig & {
  /** The network's key in `networks.json`. */
  name: string
}
