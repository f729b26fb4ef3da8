import { type ChildProcess, spawn } from 'node:child_process'
import { ForkError } from '../../errors/fork.js'
import { getFreePort } from '../../getFreePort.js'
import { resolveAnvilBinary } from './resolveAnvilBinary.js'

/** @internal A running anvil process. */
export type AnvilProcess = {
  rpcUrl: string
  port: number
  /** Operating-system process id. */
  pid: number
  /** Whether the process has exited (for any reason). */
  exited(): boolean
  /** `exit code 1`, `signal SIGKILL` or `running`. */
  exitDescription(): string
  /** The last 4000 characters anvil wrote to stdout and stderr. */
  output(): string
  /** Resolves once the process has exited, or after `timeoutMs`. */
  waitForExit(timeoutMs: number): Promise<void>
  /** Kills anvil and waits for it to exit; safe to call twice. */
  stop(): Promise<void>
}

/**
 * @internal Spawns anvil on a loopback port with `args` and resolves once its
 * RPC answers. The process is killed when the Node process exits. A port taken
 * between picking and binding is retried on another port.
 */
export async function spawnAnvil(parameters: {
  args: readonly string[]
  port?: number | undefined
  timeoutMs: number
  /** Hint on a failed start. Default: check the fork URL and block. */
  hint?: string | undefined
}): Promise<AnvilProcess> {
  const attempts = parameters.port === undefined ? 3 : 1
  let lastError: unknown
  for (let attempt = 0; attempt < attempts; attempt++) {
    const port = parameters.port ?? (await getFreePort())
    try {
      return await spawnOnPort(
        port,
        parameters.args,
        parameters.timeoutMs,
        parameters.hint ??
          'Check that the fork URL answers JSON-RPC and that the block exists.',
      )
    } catch (error) {
      lastError = error
      if (!(error instanceof ForkError) || error.code !== 'ANVIL_PORT_IN_USE')
        break
    }
  }
  throw lastError
}

async function spawnOnPort(
  port: number,
  extraArgs: readonly string[],
  timeoutMs: number,
  hint: string,
): Promise<AnvilProcess> {
  const args = ['--host', '127.0.0.1', '--port', String(port), ...extraArgs]
  const child = spawn(resolveAnvilBinary(), args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)

  const rpcUrl = `http://127.0.0.1:${port}`
  try {
    await waitForRpc(rpcUrl, child, timeoutMs)
  } catch (cause) {
    child.kill('SIGKILL')
    process.off('exit', killOnExit)
    const exited = cause instanceof ForkError && cause.code === 'ANVIL_EXITED'
    const portInUse = /address already in use/i.test(output)
    throw new ForkError(
      exited
        ? 'anvil exited during start-up.'
        : 'anvil did not answer in time.',
      {
        code: portInUse
          ? 'ANVIL_PORT_IN_USE'
          : exited
            ? 'ANVIL_EXITED'
            : 'ANVIL_START_TIMEOUT',
        details:
          output.trim() || (exited ? 'anvil printed nothing' : undefined),
        metaMessages: [`Command: anvil ${redactArgs(args).join(' ')}`],
        hint,
        // anvil's own output says why it exited; a timeout keeps its cause.
        ...(exited ? {} : { cause }),
      },
    )
  }

  let stopped: Promise<void> | undefined
  const exited = () => child.exitCode !== null || child.signalCode !== null
  return {
    rpcUrl,
    port,
    pid: child.pid ?? 0,
    exited,
    exitDescription: () =>
      child.signalCode !== null
        ? `signal ${child.signalCode}`
        : child.exitCode !== null
          ? `exit code ${child.exitCode}`
          : 'running',
    output: () => output,
    waitForExit: (waitMs) =>
      exited()
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const timer = setTimeout(done, waitMs)
            function done() {
              clearTimeout(timer)
              child.off('exit', done)
              resolve()
            }
            child.once('exit', done)
          }),
    stop() {
      stopped ??= stopProcess(child).then(() => {
        process.off('exit', killOnExit)
      })
      return stopped
    },
  }
}

/** RPC URLs often carry an API key in the path or query: show the origin only. */
function redactArgs(args: readonly string[]): string[] {
  return args.map((arg, index) => {
    if (args[index - 1] !== '--fork-url') return arg
    try {
      const url = new URL(arg)
      return url.pathname === '/' && !url.search ? arg : `${url.origin}/…`
    } catch {
      return '…'
    }
  })
}

async function waitForRpc(
  rpcUrl: string,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let exited = child.exitCode !== null
  // 'close' fires after the output streams are drained, so the error can quote them.
  child.once('close', () => {
    exited = true
  })
  while (Date.now() < deadline) {
    if (exited)
      throw new ForkError('anvil exited during start-up.', {
        code: 'ANVIL_EXITED',
      })
    try {
      const response = await fetch(rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}',
      })
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new ForkError('anvil did not answer in time.', {
    code: 'ANVIL_START_TIMEOUT',
    details: `no answer from ${rpcUrl} within ${timeoutMs} ms`,
  })
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 2_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })
}
