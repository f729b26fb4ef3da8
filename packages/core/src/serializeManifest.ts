import {
  assertParameters,
  type MissingParameterErrorType,
} from './errors/parameters.js'
import { version } from './errors/version.js'
import {
  contractKeyOrder,
  deploymentSchema,
  manifestStructureSchema,
  networkSchema,
  rolesSchema,
  safeSchema,
  safesSchema,
  upgradeSchema,
} from './internal/manifestStructure.js'
import { manifestSchemaRef } from './manifestConstants.js'
import type { Manifest } from './manifestSchema.js'

export type SerializeManifestReturnType = string

export type SerializeManifestErrorType = MissingParameterErrorType

type Json = Record<string, unknown>

function pick(value: object, keys: readonly string[]): Json {
  const out: Json = {}
  for (const key of keys) {
    const item = (value as Json)[key]
    if (item !== undefined) out[key] = item
  }
  return out
}

const keys = {
  top: Object.keys(manifestStructureSchema.shape),
  network: Object.keys(networkSchema.shape),
  safes: Object.keys(safesSchema.shape),
  safe: Object.keys(safeSchema.shape),
  roles: Object.keys(rolesSchema.shape),
  deployment: Object.keys(deploymentSchema.shape),
  upgrade: Object.keys(upgradeSchema.shape),
}

/**
 * The exact text {@link writeManifest} writes: JSON with a 2-space indent and
 * a trailing newline, `$schema` first (added as `./manifest.schema.json` when
 * absent), then every object's keys in schema order. Contract names keep their
 * order, so rewriting a file never reshuffles it and diffs stay small.
 *
 * It does not validate: `writeManifest` validates first, and
 * `parseManifest({ input: JSON.parse(serializeManifest(m)) })` deep-equals a valid `m`
 * that has a `$schema`.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#serializemanifest
 *
 * @example
 * ```ts
 * import { loadManifest, serializeManifest } from '@storydao/core'
 *
 * const text = serializeManifest(await loadManifest('local'))
 * ```
 *
 * @param manifest - A manifest (validated by the caller).
 * @returns The canonical JSON text.
 */
export function serializeManifest(
  manifest: Manifest,
): SerializeManifestReturnType {
  assertParameters('serializeManifest', { manifest }, ['manifest'], {
    version,
  })
  const canonical: Json = {
    ...pick(manifest, keys.top),
    $schema: manifest.$schema ?? manifestSchemaRef,
    network: pick(manifest.network, keys.network),
    safes: Object.fromEntries(
      Object.entries(pick(manifest.safes, keys.safes)).map(([name, safe]) => [
        name,
        pick(safe as object, keys.safe),
      ]),
    ),
    contracts: Object.fromEntries(
      Object.entries(manifest.contracts).map(([name, entry]) => {
        const out = pick(entry, contractKeyOrder)
        if (entry.deployment)
          out.deployment = pick(entry.deployment, keys.deployment)
        return [name, out]
      }),
    ),
  }
  if (manifest.roles) canonical.roles = pick(manifest.roles, keys.roles)
  if (manifest.upgrades)
    canonical.upgrades = manifest.upgrades.map((upgrade) =>
      pick(upgrade, keys.upgrade),
    )
  return `${JSON.stringify(pick(canonical, keys.top), null, 2)}\n`
}
