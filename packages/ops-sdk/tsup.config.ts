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
    // The SDK, viem and zod are inlined: loading them as ~570 separate ES
    // modules cost ~0.2–0.3 s of every command (bench/cli.ts). The bin is its
    // own program, so its viem need not be the app's. The optional peers
    // (anvil, solc, upgrades-core) stay in node_modules, looked up from here
    // when a command needs them (hence ops-sdk's optional peers).
    noExternal: [/^@storydao\//, /^viem(\/|$)/],
    // Inlined CommonJS (ws, under viem's WebSocket transport) calls
    // require(), which an ES module only has through createRequire.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'\nconst require = __createRequire(import.meta.url)",
    },
    tsconfig: 'tsconfig.build.json',
    sourcemap: false,
    target: 'node20',
  },
])
