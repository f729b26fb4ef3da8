import { defineConfig } from 'tsup'

export default defineConfig({
  entry: {
    'exports/index': 'src/exports/index.ts',
    'bin/storydao-ops': 'src/bin/storydao-ops.ts',
  },
  format: ['esm'],
  // Commands are loaded with `import()`; splitting keeps each in its own chunk
  // so `storydao-ops --help` reads only the bin and the command table.
  splitting: true,
  dts: {
    entry: { 'exports/index': 'src/exports/index.ts' },
    compilerOptions: { customConditions: [] },
  },
  tsconfig: 'tsconfig.build.json',
  clean: true,
  sourcemap: true,
  target: 'node20',
})
