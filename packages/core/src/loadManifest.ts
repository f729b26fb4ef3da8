import { resolve } from 'node:path'
import type {
  ManifestErrorType,
  ManifestFileErrorType,
  ManifestNotFoundErrorType,
  ManifestParseErrorType,
} from './errors/manifest.js'
import { ManifestError } from './errors/manifest.js'
import {
  assertParameters,
  type MissingParameterErrorType,
} from './errors/parameters.js'
import { version } from './errors/version.js'
import { displayPath } from './internal/fileSystem.js'
import { patterns } from './internal/manifestStructure.js'
import { readManifestFile } from './internal/readManifestFile.js'
import type { Manifest } from './manifestSchema.js'

export type LoadManifestParameters = {
  /**
   * Directory holding `<network>.json` when a network name is given, relative
   * to the current directory. Default `'deployments'`.
   */
  deploymentsDir?: string | undefined
}

export type LoadManifestReturnType = Manifest

export type LoadManifestErrorType =
  | ManifestErrorType
  | ManifestParseErrorType
  | ManifestNotFoundErrorType
  | ManifestFileErrorType
  | MissingParameterErrorType

function isNetworkName(value: string): boolean {
  return patterns.networkName.test(value) && !value.endsWith('.json')
}

/**
 * Reads and validates the manifest at `path`. A bare network name (no `/`,
 * `\` or `.json`) is short for `<deploymentsDir>/<name>.json`.
 *
 * Validation is {@link parseManifest}'s, on the file's text: syntax errors
 * name the line and column, and duplicate keys are errors. When loaded by
 * network name, the manifest's `network.name` must match.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#loadmanifest
 *
 * @example
 * ```ts
 * import { loadManifest } from '@storydao/core'
 *
 * const local = await loadManifest('local') // deployments/local.json
 * const other = await loadManifest('./fixtures/sepolia.json')
 * ```
 *
 * @param path - A file path (anything with a `/`, `\` or `.json`), or a network name as a shorthand.
 * @param parameters - {@link LoadManifestParameters}
 * @returns The validated manifest.
 * @throws {ManifestNotFoundError} No such file (lists the manifests that exist).
 * @throws {ManifestParseError} Not JSON.
 * @throws {ManifestError} Invalid manifest.
 */
export async function loadManifest(
  path: string,
  parameters: LoadManifestParameters = {},
): Promise<LoadManifestReturnType> {
  assertParameters('loadManifest', { path }, ['path'], { version })
  const byName = isNetworkName(path)
  const file = byName
    ? resolve(parameters.deploymentsDir ?? 'deployments', `${path}.json`)
    : resolve(path)
  const manifest = await readManifestFile(file)
  if (byName && manifest.network.name !== path)
    throw new ManifestError({
      source: displayPath(file),
      issues: [
        {
          code: 'network_name_mismatch',
          path: 'network.name',
          message: `Loaded as network "${path}", but the manifest describes network "${manifest.network.name}".`,
          hint: `Rename the file to ${manifest.network.name}.json, or fix network.name.`,
        },
      ],
    })
  return manifest
}
