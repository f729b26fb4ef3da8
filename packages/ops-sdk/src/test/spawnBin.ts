import { type ChildProcess, spawn } from 'node:child_process'
import { binPath } from './runBin.js'

/** A long-running `storydao-ops` process (`watch`), read line by line while it runs. */
export type RunningBin = {
  child: ChildProcess
  /** stdout lines parsed as JSON, in order. */
  events: Record<string, unknown>[]
  stderr(): string
  /** Resolves with the first stdout event (already seen or to come) that matches. */
  waitForEvent(
    match: (event: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>
  /** Resolves with the first match of `pattern` in stderr. */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>
  /** Resolves when the process exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** Spawns the built bin and keeps it running; the caller ends it (SIGTERM, or `child.kill`). */
export function spawnBin(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): RunningBin {
  const child = spawn(process.execPath, [binPath, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const events: Record<string, unknown>[] = []
  let stdout = ''
  let stderr = ''
  const listeners = new Set<() => void>()
  const notify = () => {
    for (const listener of listeners) listener()
  }
  child.stdout!.on('data', (chunk) => {
    stdout += chunk
    const lines = stdout.split('\n')
    stdout = lines.pop() ?? ''
    for (const line of lines) if (line.trim()) events.push(JSON.parse(line))
    notify()
  })
  child.stderr!.on('data', (chunk) => {
    stderr += chunk
    notify()
  })
  const exited = new Promise<{
    code: number | null
    signal: NodeJS.Signals | null
  }>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve({ code, signal })
      notify()
    })
  })
  const waitUntil = <value>(
    find: () => value | undefined,
    what: string,
    timeoutMs: number,
  ): Promise<value> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = find()
        if (found === undefined) {
          if (child.exitCode !== null)
            finish(() => reject(new Error(`exited before ${what}\n${stderr}`)))
          return
        }
        finish(() => resolve(found))
      }
      const timer = setTimeout(
        () =>
          finish(() =>
            reject(new Error(`no ${what} within ${timeoutMs} ms\n${stderr}`)),
          ),
        timeoutMs,
      )
      const finish = (settle: () => void) => {
        clearTimeout(timer)
        listeners.delete(check)
        settle()
      }
      listeners.add(check)
      check()
    })
  return {
    child,
    events,
    stderr: () => stderr,
    waitForEvent: (match, timeoutMs = 60_000) =>
      waitUntil(() => events.find(match), 'matching event', timeoutMs),
    waitForStderr: (pattern, timeoutMs = 60_000) =>
      waitUntil(
        () => stderr.match(pattern) ?? undefined,
        `stderr matching ${pattern}`,
        timeoutMs,
      ),
    exited,
  }
}
