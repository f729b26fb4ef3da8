import { defineConfig } from 'tsup'

export default defineConfig([
  {
    entry: { 'exports/index': 'src/exports/index.ts' },
    // CJS too, so `require('@storydao/ops-sdk')` works; tsup writes the
    // matching `.d.cts` for the `require` condition.
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { customConditions: [] } },
    tsconfig: 'tsconfig.build.json',
    // Only this build's folder: the CLI build below writes dist/bin in parallel.
    clean: ['exports'],
    // No maps: they would point at `src`, which the tarball leaves out.
    sourcemap: false,
    target: 'node20',
  },
  {
    // The CLI: ESM only. Commands are loaded with `import()` and splitting
    // keeps each in its own chunk, so `storydao-ops --help` reads only the
    // bin and the command table.
    entry: { 'storydao-ops': 'src/bin/storydao-ops.ts' },
    outDir: 'dist/bin',
    clean: true,
    format: ['esm'],
    splitting: true,
    tsconfig: 'tsconfig.build.json',
    sourcemap: false,
    target: 'node20',
  },
])
