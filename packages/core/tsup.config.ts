import { defineConfig } from 'tsup'

export default defineConfig({
  // Named so the output lands where package.json `exports` points.
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
