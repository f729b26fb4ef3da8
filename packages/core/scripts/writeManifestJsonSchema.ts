// Writes packages/core/manifest.schema.json (shipped in the package) and
// deployments/manifest.schema.json (next to this repository's manifests) from
// manifestSchema. Run: pnpm --filter @storydao/core schema:generate
import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import {
  manifestJsonSchemaFileUrls,
  renderManifestJsonSchemaFile,
} from '../src/internal/manifestJsonSchemaFile.js'

for (const url of manifestJsonSchemaFileUrls) {
  await writeFile(url, renderManifestJsonSchemaFile())
  console.log(`wrote ${fileURLToPath(url)}`)
}
