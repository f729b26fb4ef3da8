import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import {
  InvalidNetworksError,
  type InvalidNetworksErrorType,
} from './errors/network.js'
import { displayPath } from './internal/fileSystem.js'
import { finalizeIssues, fromZodIssues } from './internal/manifestIssues.js'
import { parseJsonText } from './internal/parseJsonText.js'
import {
  type Networks,
  networkConfigSchema,
  networksSchema,
} from './networksSchema.js'

export type LoadNetworksReturnType = Networks

export type LoadNetworksErrorType = InvalidNetworksErrorType

/**
 * Reads and validates `networks.json` (see {@link networksSchema}).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#networks
 *
 * @example
 * ```ts
 * import { getNetwork, loadNetworks, resolveRpcUrl } from '@storydao/core'
 *
 * const networks = await loadNetworks()
 * const rpcUrl = resolveRpcUrl(getNetwork(networks, 'local'))
 * ```
 *
 * @param path - The file. Default `deployments/networks.json`, relative to the current directory.
 * @returns The validated networks.
 * @throws {InvalidNetworksError} Missing, not JSON, or invalid.
 */
export async function loadNetworks(
  path = 'deployments/networks.json',
): Promise<LoadNetworksReturnType> {
  const absolute = resolve(path)
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
