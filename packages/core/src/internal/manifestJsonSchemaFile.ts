import { manifestJsonSchema } from '../manifestJsonSchema.js'

/** @internal The committed schema file, relative to this module. */
export const manifestJsonSchemaFileUrl = new URL(
  '../../../../deployments/manifest.schema.json',
  import.meta.url,
)

/** @internal The exact text of `deployments/manifest.schema.json`. */
export function renderManifestJsonSchemaFile(): string {
  return `${JSON.stringify(manifestJsonSchema, null, 2)}\n`
}
