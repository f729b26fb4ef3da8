#!/usr/bin/env node
// `pnpm test`: typecheck, lint, forge tests and every package's vitest suite
// (through turbo), the API reference build (typedoc, warnings are errors), and
// the consumer test (packed tarballs installed with npm into a temp app), then
// one plain line totalling every suite, e.g.
//   tests: 412 passed, 0 failed
// Exits non-zero if anything failed, a suite left no report, or typecheck/lint failed.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const suites = [
  {
    name: 'contracts (forge)',
    dir: join(root, 'contracts'),
    report: 'forge.json',
    kind: 'forge',
  },
  ...readdirSync(join(root, 'packages'))
    .filter((pkg) =>
      existsSync(join(root, 'packages', pkg, 'vitest.config.ts')),
    )
    .map((pkg) => ({
      name: `@storydao/${pkg}`,
      dir: join(root, 'packages', pkg),
      report: 'vitest.json',
      kind: 'vitest',
    })),
  {
    name: 'examples',
    dir: join(root, 'examples'),
    report: 'vitest.json',
    kind: 'vitest',
  },
  {
    name: 'consumer (packed tarballs, npm)',
    dir: join(root, 'consumer'),
    report: 'vitest.json',
    kind: 'vitest',
  },
]
for (const suite of suites)
  rmSync(join(suite.dir, '.test-results'), { recursive: true, force: true })

const sh = (command, args) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status === 0

// Two at a time: this is sized for a 2-core CI box, where running every suite
// at once only makes them time out.
const turbo = sh('npx', [
  'turbo',
  'run',
  'typecheck',
  'test',
  '--continue',
  '--concurrency=2',
  '--output-logs=new-only',
])
const lint = sh('npx', ['biome', 'ci', '.'])
const docs = sh('npx', ['typedoc'])
// After turbo, not inside it: it packs and installs every package, which
// needs the builds and the CPU to itself.
sh('npx', ['vitest', 'run', '--root', 'consumer'])

let passed = 0
let failed = 0
let skipped = 0
const problems = []
for (const suite of suites) {
  const path = join(suite.dir, '.test-results', suite.report)
  if (!existsSync(path)) {
    problems.push(`${suite.name}: no report (the suite did not run to the end)`)
    failed += 1
    continue
  }
  const report = JSON.parse(readFileSync(path, 'utf8'))
  if (suite.kind === 'forge') {
    passed += report.passed
    failed += report.failed
    skipped += report.skipped
  } else {
    passed += report.numPassedTests
    failed += report.numFailedTests
    skipped += report.numPendingTests + report.numTodoTests
    // A file that fails to import has no tests but is a failure.
    const brokenFiles = report.testResults.filter(
      (file) => file.status === 'failed' && file.assertionResults.length === 0,
    )
    failed += brokenFiles.length
    for (const file of brokenFiles)
      problems.push(`${suite.name}: ${file.name} failed to load`)
  }
}
if (!turbo) problems.push('turbo: typecheck or a test task failed')
if (!lint)
  problems.push('biome: lint/format check failed (run `npx -y pnpm@10 format`)')
if (!docs) problems.push('typedoc: the API reference has warnings or errors')
for (const problem of problems) console.error(`✗ ${problem}`)
console.log(
  `tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
)
process.exit(failed > 0 || !turbo || !lint || !docs ? 1 : 0)
