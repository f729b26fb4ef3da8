import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { 'exports/index': 'src/exports/index.ts' },
  // CJS too, so `require('@storydao/ops-sdk')` works; tsup writes the
  // matching `.d.cts` for the `require` condition.
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { customConditions: [] } },
  tsconfig: 'tsconfig.build.json',
  clean: true,
  // No maps: they would point at `src`, which the tarball leaves out.
  sourcemap: false,
  // 20.11 (the engines floor) keeps `with { type: 'json' }` on the
  // safe-deployments asset imports; a `node20` target strips it, and Node then
  // refuses the JSON import.
  target: 'node20.11',
})
