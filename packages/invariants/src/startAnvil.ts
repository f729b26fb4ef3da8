import type { ForkErrorType } from './errors/fork.js'
import { spawnAnvil } from './internal/anvil/spawnAnvil.js'

export type StartAnvilParameters = {
  /** Loopback port; a free one is picked (and retried if taken) when omitted. */
  port?: number | undefined
  /** Chain id of a fresh chain (ignored when forking). Default 31337. */
  chainId?: number | undefined
  /** Number of funded dev accounts. Default anvil's (10). */
  accounts?: number | undefined
  /** JSON-RPC URL to fork from; a fresh chain when omitted. */
  forkUrl?: string | undefined
  /** Block to pin a fork at; the upstream's latest block when omitted. */
  forkBlockNumber?: bigint | undefined
  /** Extra command-line flags passed to anvil verbatim. */
  args?: readonly string[] | undefined
  /** Milliseconds to wait for the RPC to answer. Default 15000. */
  timeoutMs?: number | undefined
}

/** A running anvil process. */
export type StartAnvilReturnType = {
  /** `http://127.0.0.1:<port>` */
  rpcUrl: string
  /** Loopback port anvil listens on. */
  port: number
  /** Kills anvil and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>
}

export type StartAnvilErrorType = ForkErrorType

/**
 * Spawns anvil on a loopback port, either as a fresh chain or as a fork of
 * `forkUrl`, and resolves once its RPC answers. The process is killed when
 * the Node process exits.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#startanvil
 *
 * @example
 * ```ts
 * import { startAnvil } from '@storydao/invariants'
 *
 * const anvil = await startAnvil({ chainId: 31337 })
 * // … use anvil.rpcUrl …
 * await anvil.stop()
 *
 * const fork = await startAnvil({
 *   forkUrl: process.env.MAINNET_RPC_URL!,
 *   forkBlockNumber: 21_000_000n,
 * })
 * await fork.stop()
 * ```
 *
 * @param parameters - {@link StartAnvilParameters}
 * @returns The running anvil: {@link StartAnvilReturnType}.
 * @throws {ForkError} When anvil is missing, exits during start-up
 *   (`ANVIL_EXITED`), its port is taken (`ANVIL_PORT_IN_USE`), or it does not
 *   answer in time (`ANVIL_START_TIMEOUT`).
 */
export async function startAnvil(
  parameters: StartAnvilParameters = {},
): Promise<StartAnvilReturnType> {
  const { forkUrl, forkBlockNumber, accounts } = parameters
  return spawnAnvil({
    port: parameters.port,
    timeoutMs: parameters.timeoutMs ?? 15_000,
    args: [
      ...(accounts === undefined ? [] : ['--accounts', String(accounts)]),
      ...(forkUrl === undefined
        ? ['--chain-id', String(parameters.chainId ?? 31337)]
        : [
            '--fork-url',
            forkUrl,
            ...(forkBlockNumber === undefined
              ? []
              : ['--fork-block-number', forkBlockNumber.toString()]),
          ]),
      ...(parameters.args ?? []),
    ],
    hint:
      forkUrl === undefined
        ? 'Another process may have taken the port; retry without `port`.'
        : 'Check that the fork URL answers JSON-RPC and that the block exists.',
  })
}
