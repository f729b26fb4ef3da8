// What the whole-process benches share: timing a spawned command (wall and,
// through /usr/bin/time when present, CPU), the median, and a repository root
// whose `local` network is a running local stack.
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
import { writeManifest } from '../packages/core/src/exports/index.js'
import type { LocalStack } from '../packages/testkit/src/exports/index.js'

// On a loaded machine CPU time says more than wall time about what each costs.
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined

/**
 * Runs a command to its end and times it. Asynchronous on purpose: the local
 * Transaction Service runs in the bench's process, and a blocking spawn would
 * leave the child's requests unanswered.
 */
export function timeProcess(
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

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/** A temp repository root: deployments/networks.json pointing at the stack, and its manifest. */
export async function writeBenchRepository(
  stack: LocalStack<true>,
): Promise<string> {
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
  return root
}
