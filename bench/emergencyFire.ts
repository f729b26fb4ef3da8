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
import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeManifest } from '../packages/core/src/exports/index.js'
import {
  anvilPrivateKeys,
  startLocalStack,
} from '../packages/testkit/src/exports/index.js'

const runs = Number(
  process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 9,
)
const bin = fileURLToPath(
  new URL('../packages/ops-sdk/dist/bin/storydao-ops.js', import.meta.url),
)
const baseline = fileURLToPath(
  new URL('./baselines/fireLaneWithViem.mjs', import.meta.url),
)

// CPU time (user + sys) is measured too, through /usr/bin/time when present:
// on a loaded machine it says more than wall time about what each costs.
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined

// Asynchronous on purpose: a blocking spawn would stall this process's
// event loop while the child runs.
function time(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ wall: number; cpu: number | undefined }> {
  const start = process.hrtime.bigint()
  const [program, argv] = gnuTime
    ? [gnuTime, ['-f', 'cpu %U %S', command, ...args]]
    : [command, args]
  return new Promise((resolve, reject) => {
    const child = spawn(program, argv, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.on('close', (code) => {
      clearTimeout(timer)
      const wall = Number(process.hrtime.bigint() - start) / 1e6
      const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(stderr)
      if (code === 0)
        resolve({
          wall,
          cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined,
        })
      else
        reject(
          new Error(`${command} ${args.join(' ')} exited ${code}\n${stderr}`),
        )
    })
  })
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

const stack = await startLocalStack({ txService: true })
try {
  const root = mkdtempSync(join(tmpdir(), 'storydao-bench-'))
  mkdirSync(join(root, 'deployments'))
  const networks = JSON.parse(
    readFileSync(
      new URL('../deployments/networks.json', import.meta.url),
      'utf8',
    ),
  )
  networks.networks.local.defaultRpcUrl = stack.rpcUrl
  networks.networks.local.txServiceUrl = stack.txServiceUrl
  writeFileSync(
    join(root, 'deployments/networks.json'),
    JSON.stringify(networks),
  )
  await writeManifest(join(root, 'deployments/local.json'), {
    manifest: stack.manifest,
    archive: false,
  })
  await time(process.execPath, [bin, 'emergency', 'prepare', '--depth', '1'], {
    cwd: root,
  })
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
    base.push(await time(process.execPath, [baseline], { env }))
    await fresh()
    subject.push(
      await time(process.execPath, [bin, 'emergency', 'fire', '--json'], {
        cwd: root,
      }),
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
