import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const packages = [
  'core',
  'governance',
  'safe',
  'invariants',
  'ops-sdk',
  'testkit',
]

/**
 * Shared vitest settings. Workspace packages resolve to their `src`, so tests
 * never need a build.
 */
export function defineProject(
  name: string,
  options: { include?: string[]; testTimeout?: number } = {},
) {
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
      include: options.include ?? ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: options.testTimeout ?? 60_000,
      hookTimeout: 120_000,
      pool: 'forks',
      // CI totals every suite from this file (scripts/runTests.mjs).
      reporters: ['default', 'json'],
      outputFile: { json: '.test-results/vitest.json' },
    },
  })
}
