// Benchmark (not a test): `pnpm bench:emergency` (`-- --runs=N`, default 9).
// Needs `pnpm build` first: it runs the built bin, as users do.
//
// `storydao-ops emergency fire` on the local stack, whole process from start
// to mined pause (lane read and verified offline, one batched read, one raw
// transaction, receipt, paused() checked), against a bare viem script that
// sends the same pre-signed execTransaction (bench/baselines/
// fireLaneWithViem.mjs). Every run starts from the same chain state: the
// lanes are prepared once, then the chain is snapshotted and reverted before
// each run. Targets: ≤ 1.2× the baseline and ≤ 0.5 s. Prints medians and the
// ratio; asserts nothing.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  anvilPrivateKeys,
  startLocalStack,
} from '../packages/testkit/src/exports/index.js'
import { median, timeProcess, writeBenchRepository } from './wholeProcess.js'

const runs = Number(
  process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 9,
)
const bin = fileURLToPath(
  new URL('../packages/ops-sdk/dist/bin/storydao-ops.js', import.meta.url),
)
const baseline = fileURLToPath(
  new URL('./baselines/fireLaneWithViem.mjs', import.meta.url),
)

const stack = await startLocalStack({ txService: true })
try {
  const root = await writeBenchRepository(stack)
  await timeProcess(
    process.execPath,
    [bin, 'emergency', 'prepare', '--depth', '1'],
    {
      cwd: root,
    },
  )
  const lanes = join(root, 'safe-transactions/local/emergency-lanes.json')
  const env = {
    BENCH_RPC_URL: stack.rpcUrl,
    BENCH_LANES: lanes,
    BENCH_LANE: JSON.parse(readFileSync(lanes, 'utf8')).lanes[0].id,
    // anvil dev account 0, the key `emergency fire` uses on the local chain.
    BENCH_SENDER_KEY: anvilPrivateKeys[0]!,
  }
  const rpc = (method: string, params: unknown[] = []) =>
    stack.client.request({ method: method as never, params: params as never })
  let snapshot = (await rpc('evm_snapshot')) as string
  const fresh = async () => {
    // anvil drops a snapshot once reverted to: take a new one each time.
    await rpc('evm_revert', [snapshot])
    snapshot = (await rpc('evm_snapshot')) as string
  }
  const subject: { wall: number; cpu: number | undefined }[] = []
  const base: { wall: number; cpu: number | undefined }[] = []
  // Interleaved so both see the same machine load.
  for (let i = 0; i < runs; i++) {
    await fresh()
    base.push(await timeProcess(process.execPath, [baseline], { env }))
    await fresh()
    subject.push(
      await timeProcess(
        process.execPath,
        [bin, 'emergency', 'fire', '--json'],
        {
          cwd: root,
        },
      ),
    )
  }
  const wall = (runs: typeof subject) => median(runs.map((run) => run.wall))
  const cpu = (runs: typeof subject) =>
    runs.every((run) => run.cpu !== undefined)
      ? median(runs.map((run) => run.cpu!))
      : undefined
  console.log(
    `storydao-ops emergency fire, median of ${runs} runs, whole processes, start to mined pause`,
  )
  console.log(
    `${'wall'.padEnd(6)} fire ${wall(subject).toFixed(0).padStart(6)} ms   viem baseline ${wall(base).toFixed(0).padStart(6)} ms   ratio ${(wall(subject) / wall(base)).toFixed(2)}×   (target ≤ 1.2×, ≤ 500 ms)`,
  )
  const [subjectCpu, baseCpu] = [cpu(subject), cpu(base)]
  if (subjectCpu !== undefined && baseCpu !== undefined)
    console.log(
      `${'cpu'.padEnd(6)} fire ${subjectCpu.toFixed(0).padStart(6)} ms   viem baseline ${baseCpu.toFixed(0).padStart(6)} ms   ratio ${(subjectCpu / baseCpu).toFixed(2)}×   (user + sys)`,
    )
  console.log(
    `wall runs (ms): fire ${subject.map((run) => run.wall.toFixed(0)).join(' ')} | viem ${base.map((run) => run.wall.toFixed(0)).join(' ')}`,
  )
} finally {
  await stack.stop()
}
