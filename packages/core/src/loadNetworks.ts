import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import {
  InvalidNetworksError,
  type InvalidNetworksErrorType,
} from './errors/network.js'
import {
  MissingParameterError,
  type MissingParameterErrorType,
} from './errors/parameters.js'
import { version } from './errors/version.js'
import { displayPath } from './internal/fileSystem.js'
import { finalizeIssues, fromZodIssues } from './internal/manifestIssues.js'
import { parseJsonText } from './internal/parseJsonText.js'
import {
  type Networks,
  networkConfigSchema,
  networksSchema,
} from './networksSchema.js'

/**
 * Which `networks.json` to read: an explicit file, or the one in a
 * manifest's folder. Never the current directory by accident.
 */
export type LoadNetworksParameters =
  | {
      /** The networks file. Relative paths resolve from the current directory. */
      path: string
      manifestPath?: undefined
    }
  | {
      /** A manifest: `networks.json` is read from its folder. */
      manifestPath: string
      path?: undefined
    }

export type LoadNetworksReturnType = Networks

export type LoadNetworksErrorType =
  | InvalidNetworksErrorType
  | MissingParameterErrorType

/** The networks file the parameters name, absolute. */
function networksPath(parameters: LoadNetworksParameters | undefined): string {
  if (typeof parameters?.path === 'string') return resolve(parameters.path)
  if (typeof parameters?.manifestPath === 'string')
    return join(dirname(resolve(parameters.manifestPath)), 'networks.json')
  throw new MissingParameterError({
    functionName: 'loadNetworks',
    parameter: 'path',
    expected:
      '`path` (the networks.json file) or `manifestPath` (networks.json is read from its folder)',
    version,
  })
}

/**
 * Reads and validates `networks.json` (see {@link networksSchema}), given its
 * path or a manifest whose folder holds it. There is no default location, so
 * the file never depends on the current directory by accident.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#networks
 *
 * @example
 * ```ts
 * import { getNetwork, loadNetworks, resolveRpcUrl } from '@storydao/core'
 *
 * const networks = await loadNetworks({ manifestPath: 'deployments/local.json' })
 * const rpcUrl = resolveRpcUrl({ network: getNetwork({ networks, network: 'local' }) })
 * ```
 *
 * @param parameters - {@link LoadNetworksParameters}
 * @returns The validated networks.
 * @throws {InvalidNetworksError} Missing, not JSON, or invalid.
 */
export async function loadNetworks(
  parameters: LoadNetworksParameters,
): Promise<LoadNetworksReturnType> {
  const absolute = networksPath(parameters)
  const source = displayPath(absolute)
  let text: string
  try {
    text = await readFile(absolute, 'utf8')
  } catch (error) {
    throw new InvalidNetworksError({
      source,
      reason: 'the file cannot be read',
      cause: error,
    })
  }
  const parsed = parseJsonText(text)
  if (!parsed.ok)
    throw new InvalidNetworksError({
      source,
      reason: `not valid JSON at line ${parsed.error.line}, column ${parsed.error.column} (${parsed.error.reason})`,
    })
  const result = networksSchema.safeParse(parsed.value)
  const drafts = [
    ...parsed.duplicateKeys.map((path) => ({
      code: 'duplicate_key',
      path,
      message: `Duplicate key ${JSON.stringify(path.at(-1))}: JSON keeps only the last one.`,
    })),
    ...(result.success
      ? []
      : fromZodIssues(result.error.issues, parsed.value, (_, at) =>
          at.length === 0
            ? ['$schema', 'networks']
            : at.length === 2 && at[0] === 'networks'
              ? Object.keys(networkConfigSchema.shape)
              : undefined,
        )),
  ]
  if (drafts.length > 0 || !result.success)
    throw new InvalidNetworksError({
      source,
      issues: finalizeIssues(drafts, parsed.value),
    })
  return result.data
}
