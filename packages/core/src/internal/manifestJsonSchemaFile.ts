import { manifestJsonSchema } from '../manifestJsonSchema.js'

/**
 * @internal The committed copies of the schema, relative to this module:
 * the one @storydao/core ships (`@storydao/core/manifest.schema.json`) and the
 * one next to this repository's own manifests in `deployments/`.
 */
export const manifestJsonSchemaFileUrls = [
  new URL('../../manifest.schema.json', import.meta.url),
  new URL('../../../../deployments/manifest.schema.json', import.meta.url),
] as const

/** @internal The exact text of every committed schema copy. */
export function renderManifestJsonSchemaFile(): string {
  return `${JSON.stringify(manifestJsonSchema, null, 2)}\n`
}
