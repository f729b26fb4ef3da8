// Benchmark (not a test): `pnpm bench:cli` (`-- --runs=N`, default 7). Needs
// `pnpm build` first: it runs the built bin, as users do.
//
// 1. `storydao-ops --help`, whole process, cold, against `node -e 0` in the
//    same run (target: ≤ 150 ms and ≤ 2.5×).
// 2. `storydao-ops pause --propose` on the local stack (plan, fork rehearsal
//    with the pause invariants, Transaction Builder file, proposal), whole
//    process, against a bare protocol-kit + api-kit script that proposes the
//    same pause with no rehearsal (target ≤ 1.0×).
// Prints medians and ratios; asserts nothing.
//
// Measured 2026-12-05, `nice -n 5 pnpm bench:cli -- --runs=5`, twice each,
// on 2 cores shared with other jobs (load average 10–16; `node -e 0` took
// 135–290 ms), so the ratios matter more than the milliseconds:
//   before (api-kit in the safe package, dev accounts derived every run):
//     pause --propose 2335 ms vs 1852 ms = 1.26×; 2601 vs 1976 = 1.32×
//   Transaction Service over fetch, dev accounts from a table, signing
//   while anvil boots:
//     pause --propose 1563 ms vs 1904 ms = 0.82×; 1954 vs 2199 = 0.89×
//   and the bin bundled (SDK, viem and zod inlined: ~570 ES modules fewer):
//     pause --propose 1584 ms vs 2466 ms = 0.64×; 1208 vs 1844 = 0.65×
//     --help 148 ms = 0.92× and 164 ms = 1.10× node -e 0
import { fileURLToPath } from 'node:url'
import {
  anvilPrivateKeys,
  startLocalStack,
} from '../packages/testkit/src/exports/index.js'
import { median, timeProcess, writeBenchRepository } from './wholeProcess.js'

const runs = Number(
  process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 7,
)
const bin = fileURLToPath(
  new URL('../packages/ops-sdk/dist/bin/storydao-ops.js', import.meta.url),
)
const baseline = fileURLToPath(
  new URL('./baselines/proposePauseWithSafeKits.mjs', import.meta.url),
)

async function pair(
  label: string,
  subject: () => Promise<{ wall: number }>,
  base: () => Promise<{ wall: number }>,
  target: string,
) {
  const a: number[] = []
  const b: number[] = []
  // Interleaved so both see the same machine load.
  for (let i = 0; i < runs; i++) {
    b.push((await base()).wall)
    a.push((await subject()).wall)
  }
  const ratio = median(a) / median(b)
  console.log(
    `${label.padEnd(34)} ${median(a).toFixed(0).padStart(6)} ms   baseline ${median(b).toFixed(0).padStart(6)} ms   ratio ${ratio.toFixed(2)}×   (target ${target})`,
  )
}

console.log(`storydao-ops bench, median of ${runs} runs, whole processes`)
await pair(
  'storydao-ops --help',
  () => timeProcess(process.execPath, [bin, '--help']),
  () => timeProcess(process.execPath, ['-e', '0']),
  '≤ 150 ms, ≤ 2.5×',
)

const stack = await startLocalStack({ txService: true })
try {
  const root = await writeBenchRepository(stack)
  const emergency = stack.manifest.safes.emergency!.address
  const env = {
    BENCH_RPC_URL: stack.rpcUrl,
    BENCH_TX_SERVICE_URL: stack.txServiceUrl,
    BENCH_SAFE: emergency,
    BENCH_TARGET: stack.manifest.contracts.AuthorCoin!.address,
    BENCH_OWNER_KEY: anvilPrivateKeys[4]!,
    BENCH_CONTRACT_NETWORKS: JSON.stringify(stack.contractNetworks),
  }
  await pair(
    'storydao-ops pause --propose',
    () =>
      timeProcess(process.execPath, [bin, 'pause', '--propose', '--json'], {
        cwd: root,
      }),
    () => timeProcess(process.execPath, [baseline], { env }),
    '≤ 1.0×, with rehearsal and invariants',
  )
} finally {
  await stack.stop()
}
