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
  target: 'node20',
})
