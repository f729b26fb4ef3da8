import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const packages = ['core', 'governance', 'safe', 'invariants', 'ops-sdk', 'testkit']

/**
 * Shared vitest settings. Workspace packages resolve to their `src`, so tests
 * never need a build.
 */
export function defineProject(name: string) {
  return defineConfig({
    resolve: {
      alias: Object.fromEntries(
        packages.map((pkg) => [
          `@storydao/${pkg}`,
          fileURLToPath(
            new URL(`./packages/${pkg}/src/exports/index.ts`, import.meta.url),
          ),
        ]),
      ),
    },
    test: {
      name,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 60_000,
      hookTimeout: 120_000,
      pool: 'forks',
      // CI totals every suite from this file (scripts/testReports.mjs).
      reporters: ['default', 'json'],
      outputFile: { json: '.test-results/vitest.json' },
    },
  })
}
