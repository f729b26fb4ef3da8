import type { OptionalDependencyMissingErrorType } from '@storydao/core'
import type { ForkErrorType } from './errors/fork.js'
import { spawnAnvil } from './internal/anvil/spawnAnvil.js'
import { toSpawnParameters } from './internal/anvil/toSpawnParameters.js'
import type { StartAnvilParameters } from './types/anvil.js'

/** A running anvil process. */
export type StartAnvilReturnType = {
  /** `http://127.0.0.1:<port>` */
  rpcUrl: string
  /** Loopback port anvil listens on. */
  port: number
  /** Kills anvil and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>
}

export type StartAnvilErrorType =
  | ForkErrorType
  | OptionalDependencyMissingErrorType

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
  return spawnAnvil(toSpawnParameters(parameters))
}
