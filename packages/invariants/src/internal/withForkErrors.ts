import {
  HttpRequestError,
  SocketClosedError,
  TimeoutError,
  WebSocketRequestError,
} from 'viem'
import { ForkError } from '../errors/fork.js'
import type { Fork } from '../types/fork.js'
import { getForkProcess } from './forkProcess.js'

// A killed anvil closes its socket before Node sees the child's exit, so an
// unreachable fork waits this long for the exit before calling it unreachable.
const exitGraceMs = 500

/**
 * @internal Runs `step` against a fork and turns any failure caused by the
 * fork itself (its anvil exited, or its RPC stopped answering) into a
 * {@link ForkError} that carries anvil's last output; other errors pass
 * through unchanged.
 */
export async function withForkErrors<result>(
  fork: Fork,
  step: () => Promise<result>,
): Promise<result> {
  try {
    return await step()
  } catch (error) {
    throw await toForkError(fork, error)
  }
}

/** @internal See {@link withForkErrors}. */
export async function toForkError(fork: Fork, error: unknown) {
  if (error instanceof ForkError) return error
  const anvil = getForkProcess(fork)
  const unreachable = isUnreachable(error)
  if (anvil && (unreachable || anvil.exited()))
    await anvil.waitForExit(unreachable ? exitGraceMs : 0)
  const output = lastLines(anvil?.output() ?? '')
  if (anvil?.exited())
    return new ForkError('The fork exited while it was in use.', {
      code: 'FORK_EXITED',
      cause: error,
      metaMessages: [
        `Fork: ${fork.rpcUrl}`,
        `Exit: ${anvil.exitDescription()}`,
        ...output,
      ],
      hint: 'Something stopped anvil (a signal, out of memory, or fork.stop() while a simulation ran). Create a new fork and run again.',
    })
  if (unreachable)
    return new ForkError('The fork does not answer.', {
      code: 'FORK_UNREACHABLE',
      cause: error,
      metaMessages: [`Fork: ${fork.rpcUrl}`, ...output],
      hint: 'Check that the fork is still running (createFork starts it on a loopback port) and not overloaded; create a new one if needed.',
    })
  return error
}

function lastLines(output: string): string[] {
  const lines = output.trim().split('\n').filter(Boolean).slice(-10)
  return lines.length === 0
    ? ['anvil output: (nothing)']
    : ['anvil output (last lines):', ...lines.map((line) => `  ${line}`)]
}

function isUnreachable(error: unknown): boolean {
  for (
    let current: unknown = error, depth = 0;
    current && depth < 20;
    current = (current as { cause?: unknown }).cause, depth++
  ) {
    if (
      current instanceof HttpRequestError ||
      current instanceof TimeoutError ||
      current instanceof SocketClosedError ||
      current instanceof WebSocketRequestError
    )
      return true
    const code = (current as { code?: unknown }).code
    if (
      typeof code === 'string' &&
      /^(ECONNREFUSED|ECONNRESET|EPIPE|UND_ERR_SOCKET)$/.test(code)
    )
      return true
  }
  return false
}
