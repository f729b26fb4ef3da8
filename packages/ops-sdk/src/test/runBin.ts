import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The built bin, as users run it (tests never run the TypeScript sources). */
export const binPath = fileURLToPath(
  new URL('../../dist/bin/storydao-ops.js', import.meta.url),
)

export type BinResult = {
  code: number | null
  stdout: string
  stderr: string
  /** `stdout` parsed, when it is one JSON value. */
  json: unknown
}

/** Spawns `node dist/bin/storydao-ops.js …args`, with a hard time limit. */
export function runBin(
  args: readonly string[],
  options: {
    cwd?: string
    env?: Record<string, string | undefined>
    timeoutMs?: number
  } = {},
): Promise<BinResult> {
  if (!existsSync(binPath))
    throw new Error(`${binPath} is missing: build @storydao/ops-sdk first`)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: { PATH: process.env.PATH, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(
        new Error(
          `storydao-ops ${args.join(' ')} did not exit within ${options.timeoutMs ?? 60_000} ms\n${stderr}`,
        ),
      )
    }, options.timeoutMs ?? 60_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      let json: unknown
      try {
        json = JSON.parse(stdout)
      } catch {
        json = undefined
      }
      resolve({ code, stdout, stderr, json })
    })
  })
}

/** Content hashes of every file under `dirs` (relative to `root`), to prove a command changed nothing. */
export function fingerprint(
  root: string,
  dirs: readonly string[] = ['deployments', 'docs'],
): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (dir: string) => {
    if (!existsSync(dir)) return
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry)
      if (statSync(path).isDirectory()) walk(path)
      else
        files[relative(root, path)] = createHash('sha256')
          .update(readFileSync(path))
          .digest('hex')
    }
  }
  for (const dir of dirs) walk(join(root, dir))
  return files
}
