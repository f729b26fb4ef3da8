import { type ChildProcess, spawn } from 'node:child_process'
import { TestkitError } from '../errors.js'
import { getFreePort } from './getFreePort.js'
import { resolveAnvilBinary } from './resolveAnvilBinary.js'

export type StartAnvilParameters = {
  /** Loopback port; a free one is picked when omitted. */
  port?: number
  /** Chain id of a fresh chain (ignored when forking). Default 31337. */
  chainId?: number
  /** RPC URL to fork from. */
  forkUrl?: string
  /** Block to pin a fork at. */
  forkBlockNumber?: bigint
  /** Number of funded dev accounts. Default 10. */
  accounts?: number
  /** Extra command-line flags passed to anvil verbatim. */
  args?: readonly string[]
  /** Milliseconds to wait for the RPC to answer. Default 15000. */
  timeoutMs?: number
}

export type Anvil = {
  /** `http://127.0.0.1:<port>` */
  rpcUrl: string
  port: number
  /** Kills anvil and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>
}

/**
 * Spawns anvil on a loopback port and resolves once its RPC answers.
 * The process is killed when the Node process exits.
 *
 * @example
 * const anvil = await startAnvil()
 * // … use anvil.rpcUrl …
 * await anvil.stop()
 */
export async function startAnvil(
  parameters: StartAnvilParameters = {},
): Promise<Anvil> {
  const port = parameters.port ?? (await getFreePort())
  const args = [
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--accounts',
    String(parameters.accounts ?? 10),
    ...(parameters.forkUrl
      ? [
          '--fork-url',
          parameters.forkUrl,
          ...(parameters.forkBlockNumber !== undefined
            ? ['--fork-block-number', String(parameters.forkBlockNumber)]
            : []),
        ]
      : ['--chain-id', String(parameters.chainId ?? 31337)]),
    ...(parameters.args ?? []),
  ]
  const child = spawn(resolveAnvilBinary(), args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const collect = (chunk: Buffer) => {
    // Keep only the tail: anvil logs every request.
    output = (output + chunk.toString()).slice(-4000)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)

  const rpcUrl = `http://127.0.0.1:${port}`
  try {
    await waitForRpc(rpcUrl, child, parameters.timeoutMs ?? 15_000)
  } catch (cause) {
    child.kill('SIGKILL')
    process.off('exit', killOnExit)
    throw new TestkitError('anvil did not start.', {
      code: 'ANVIL_START_FAILED',
      details: output.trim() || undefined,
      metaMessages: [`Command: anvil ${args.join(' ')}`],
      hint: parameters.forkUrl
        ? 'Check that the fork URL answers JSON-RPC.'
        : 'Another process may have taken the port; retry without `port`.',
      cause,
    })
  }

  let stopped: Promise<void> | undefined
  return {
    rpcUrl,
    port,
    stop() {
      stopped ??= stopProcess(child).then(() => {
        process.off('exit', killOnExit)
      })
      return stopped
    },
  }
}

async function waitForRpc(
  rpcUrl: string,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let exited = false
  child.once('exit', () => {
    exited = true
  })
  while (Date.now() < deadline) {
    if (exited)
      throw new TestkitError('anvil exited during start-up.', {
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
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new TestkitError(`No answer from ${rpcUrl} within ${timeoutMs} ms.`, {
    code: 'ANVIL_TIMEOUT',
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
