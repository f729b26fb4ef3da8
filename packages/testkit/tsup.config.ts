import { defineConfig } from 'tsup'

export default defineConfig({
  entry: {
    'exports/index': 'src/exports/index.ts',
    'bin/storydao-local': 'src/bin/storydao-local.ts',
  },
  format: ['esm'],
  dts: {
    entry: { 'exports/index': 'src/exports/index.ts' },
    compilerOptions: { customConditions: [] },
  },
  tsconfig: 'tsconfig.build.json',
  clean: true,
  target: 'node20',
})
