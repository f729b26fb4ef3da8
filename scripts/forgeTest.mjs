#!/usr/bin/env node
// contracts' `test` task: build, check that the generated TypeScript artifacts
// match this build, run `forge test`, and leave a machine-readable count in
// contracts/.test-results/forge.json for scripts/runTests.mjs.
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const contracts = join(root, 'contracts')
const resultsDir = join(contracts, '.test-results')
mkdirSync(resultsDir, { recursive: true })
const record = (result) =>
  writeFileSync(join(resultsDir, 'forge.json'), `${JSON.stringify(result)}\n`)

const run = (command, args) =>
  spawnSync(command, args, {
    cwd: contracts,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })

const build = run('npx', ['forge', 'build'])
process.stdout.write(build.stdout ?? '')
if (build.status !== 0) {
  record({ passed: 0, failed: 1, skipped: 0, error: 'forge build failed' })
  process.exit(1)
}
const check = spawnSync(
  'node',
  [join(root, 'scripts/generateArtifacts.mjs'), '--check'],
  {
    stdio: 'inherit',
  },
)
const fmt = run('npx', ['forge', 'fmt', '--check'])
process.stdout.write(fmt.stdout ?? '')

const test = run('npx', ['forge', 'test'])
process.stdout.write(test.stdout ?? '')
// "Ran 7 test suites in 1.23s (4.56s CPU time): 42 tests passed, 0 failed, 0 skipped (42 total tests)"
const summary = /(\d+) tests passed, (\d+) failed, (\d+) skipped/.exec(
  test.stdout ?? '',
)
const result = summary
  ? {
      passed: Number(summary[1]),
      failed: Number(summary[2]),
      skipped: Number(summary[3]),
    }
  : { passed: 0, failed: 1, skipped: 0, error: 'no forge summary line' }
// A stale generated artifact or unformatted Solidity fails the suite as one test each.
if (check.status !== 0) result.failed += 1
if (fmt.status !== 0) {
  console.error('forge fmt --check failed: run `npx forge fmt` in contracts/')
  result.failed += 1
}
record(result)
process.exit(result.failed > 0 || test.status !== 0 ? 1 : 0)
