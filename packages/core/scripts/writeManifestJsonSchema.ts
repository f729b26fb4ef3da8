// Writes deployments/manifest.schema.json from manifestSchema.
// Run: pnpm --filter @storydao/core schema:generate
import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import {
  manifestJsonSchemaFileUrl,
  renderManifestJsonSchemaFile,
} from '../src/internal/manifestJsonSchemaFile.js'

await writeFile(manifestJsonSchemaFileUrl, renderManifestJsonSchemaFile())
console.log(`wrote ${fileURLToPath(manifestJsonSchemaFileUrl)}`)
