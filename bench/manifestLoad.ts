// Benchmark (not a test): `pnpm bench:manifest` (`-- --runs=N`, default 3;
// `-- --sizes=1000,10000` to choose sizes).
//
// Validates manifests of 1k, 10k and 100k contracts with parseManifest (the
// JSON text, as loadManifest reads it), valid and invalid, and compares each
// with a baseline measured in the same run on the same text: JSON.parse. The
// invalid manifests have one problem per contract (a lowercase address, and
// every tenth entry a beacon proxy whose beacon is not listed), so the time to
// collect, order and format the problems shows up: it must grow like the
// baseline (O(n log n)), not with the square of the number of problems.
import {
  type ContractEntry,
  type Manifest,
  ManifestError,
  parseManifest,
  toChecksummedAddress,
} from '../packages/core/src/exports/index.js'

const runs = Number(
  process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 3,
)
const sizes = (
  process.argv.find((arg) => arg.startsWith('--sizes='))?.slice(8) ??
  '1000,10000,100000'
)
  .split(',')
  .map(Number)

/** A distinct lowercase address per label number. */
function lowercase(label: number): `0x${string}` {
  return `0xfedcba${label.toString(16).padStart(34, '0')}`
}

function manifestOf(size: number, valid: boolean): Manifest {
  const address = (label: number) =>
    valid
      ? toChecksummedAddress({ address: lowercase(label) })
      : lowercase(label)
  const contracts: Record<string, ContractEntry> = {}
  for (let index = 0; index < size; index++)
    contracts[`Contract${index}`] =
      !valid && index % 10 === 0
        ? {
            address: address(index),
            kind: 'beacon-proxy',
            beacon: address(size * 2 + index),
            artifact: 'Proxy',
          }
        : { address: address(index), kind: 'plain', artifact: 'Plain' }
  return {
    $schema: './manifest.schema.json',
    schemaVersion: 1,
    network: { name: 'bench', chainId: 31337 },
    safes: {
      ops: {
        address: address(size * 4),
        threshold: 1,
        owners: [address(size * 4 + 1)],
      },
    },
    contracts,
  } as Manifest
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/** Median wall time (ms) of `runs` calls. */
function time(run: () => unknown): number {
  const samples: number[] = []
  for (let index = 0; index < runs; index++) {
    const started = performance.now()
    run()
    samples.push(performance.now() - started)
  }
  return median(samples)
}

function validate(text: string): number {
  try {
    parseManifest({ input: text, source: 'bench.json' })
    return 0
  } catch (error) {
    if (error instanceof ManifestError) return error.issues.length
    throw error
  }
}

console.log(
  `manifest load (parseManifest on JSON text), median of ${runs} runs; baseline: JSON.parse of the same text`,
)
console.log(
  [
    'contracts'.padStart(9),
    'input'.padEnd(7),
    'MB'.padStart(6),
    'problems'.padStart(8),
    'JSON.parse'.padStart(11),
    'parseManifest'.padStart(14),
    'ratio'.padStart(7),
  ].join('  '),
)
for (const size of sizes)
  for (const valid of [true, false]) {
    const text = `${JSON.stringify(manifestOf(size, valid), null, 2)}\n`
    const problems = validate(text)
    const baseline = time(() => JSON.parse(text))
    const measured = time(() => validate(text))
    console.log(
      [
        String(size).padStart(9),
        (valid ? 'valid' : 'invalid').padEnd(7),
        (text.length / 1e6).toFixed(1).padStart(6),
        String(problems).padStart(8),
        `${baseline.toFixed(1)} ms`.padStart(11),
        `${measured.toFixed(1)} ms`.padStart(14),
        `${(measured / baseline).toFixed(1)}x`.padStart(7),
      ].join('  '),
    )
  }
