import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { 'exports/index': 'src/exports/index.ts' },
  format: ['esm'],
  dts: { compilerOptions: { customConditions: [] } },
  tsconfig: 'tsconfig.build.json',
  clean: true,
  sourcemap: true,
  // 20.11 (the engines floor) keeps `with { type: 'json' }` on the
  // safe-deployments asset imports; a `node20` target strips it, and Node then
  // refuses the JSON import.
  target: 'node20.11',
})
