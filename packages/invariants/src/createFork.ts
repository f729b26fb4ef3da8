import {
  assertParameters,
  type MissingParameterErrorType,
  type OptionalDependencyMissingErrorType,
} from '@storydao/core'
import {
  createTestClient,
  defineChain,
  type Hex,
  http,
  publicActions,
  type Transport,
} from 'viem'
import { ForkError, type ForkErrorType } from './errors/fork.js'
import { version } from './errors/version.js'
import { spawnAnvil } from './internal/anvil/spawnAnvil.js'
import { toSpawnParameters } from './internal/anvil/toSpawnParameters.js'
import { registerForkProcess } from './internal/forkProcess.js'
import { rpc } from './internal/rpc.js'
import { withForkErrors } from './internal/withForkErrors.js'
import type { Fork, ForkClient } from './types/fork.js'

export type CreateForkParameters = {
  /** JSON-RPC URL of the chain to fork (any network; the local stack in tests). */
  rpcUrl: string
  /** Block to pin the fork at; the upstream's latest block when omitted. */
  blockNumber?: bigint | undefined
  /** Loopback port for anvil; a free one when omitted. */
  port?: number | undefined
  /** Milliseconds to wait for anvil to answer. Default 30000. */
  timeoutMs?: number | undefined
  /**
   * Builds the fork client's transport from the fork's URL. Default
   * `http(url)`; pass a wrapper to count or log requests.
   */
  transport?: ((rpcUrl: string) => Transport) | undefined
}

export type CreateForkReturnType = Fork

export type CreateForkErrorType =
  | ForkErrorType
  | OptionalDependencyMissingErrorType
  | MissingParameterErrorType

/**
 * Starts a disposable anvil fork of `rpcUrl` on a free loopback port.
 *
 * The fork runs with a zero base fee and auto-impersonation, so simulations
 * can send as any owner without funding or unlocking it, and fork state never
 * leaks upstream. Take a `snapshot()` before a simulation and `revert()`
 * after to reuse one fork for several simulations; `stop()` (or `await using`)
 * kills the process, which is also killed when Node exits.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#createfork
 *
 * @example
 * ```ts
 * import { createFork } from '@storydao/invariants'
 *
 * const fork = await createFork({ rpcUrl: process.env.MAINNET_RPC_URL!, blockNumber: 21_000_000n })
 * const id = await fork.snapshot()
 * // … simulate …
 * await fork.revert(id)
 * await fork.stop()
 * ```
 *
 * @param parameters - {@link CreateForkParameters}
 * @returns The running {@link Fork}.
 * @throws {ForkError} When anvil is missing, cannot fork `rpcUrl`, or does not answer.
 */
export async function createFork(
  parameters: CreateForkParameters,
): Promise<CreateForkReturnType> {
  assertParameters('createFork', parameters, ['rpcUrl'], { version })
  const { rpcUrl, blockNumber } = parameters
  let url: URL
  try {
    url = new URL(rpcUrl)
  } catch (cause) {
    throw new ForkError('The fork URL is not a URL.', {
      code: 'FORK_URL_INVALID',
      hint: 'Pass an http(s) or ws(s) JSON-RPC URL, e.g. http://127.0.0.1:8545.',
      cause,
    })
  }
  if (!/^(https?|wss?):$/.test(url.protocol))
    throw new ForkError(`Cannot fork a ${url.protocol} URL.`, {
      code: 'FORK_URL_INVALID',
      hint: 'Pass an http(s) or ws(s) JSON-RPC URL, e.g. http://127.0.0.1:8545.',
    })

  const anvil = await spawnAnvil(
    toSpawnParameters({
      forkUrl: rpcUrl,
      forkBlockNumber: blockNumber,
      port: parameters.port,
      timeoutMs: parameters.timeoutMs ?? 30_000,
      // Impersonated owners need no ETH for gas, so simulations do not move
      // anyone's balance but the transaction's own transfers.
      args: ['--base-fee', '0', '--auto-impersonate', '--silent'],
    }),
  )

  try {
    const transport = (parameters.transport ?? ((rpc: string) => http(rpc)))(
      anvil.rpcUrl,
    )
    const probe = createTestClient({ mode: 'anvil', transport })
    const [chainId, forkBlock] = await Promise.all([
      rpc<Hex>(probe, 'eth_chainId'),
      rpc<Hex>(probe, 'eth_blockNumber'),
    ])
    const chain = defineChain({
      id: Number(chainId),
      name: `fork of chain ${Number(chainId)}`,
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [anvil.rpcUrl] } },
    })
    const client = createTestClient({
      mode: 'anvil',
      chain,
      transport,
      pollingInterval: 10,
      cacheTime: 0,
    }).extend(publicActions) as ForkClient

    const fork: Fork = {
      rpcUrl: anvil.rpcUrl,
      chainId: chain.id,
      blockNumber: BigInt(forkBlock),
      client,
      snapshot: () => withForkErrors(fork, () => client.snapshot()),
      revert: (id) => withForkErrors(fork, () => client.revert({ id })),
      stop: () => anvil.stop(),
      [Symbol.asyncDispose]: () => anvil.stop(),
    }
    registerForkProcess(fork, anvil)
    return fork
  } catch (cause) {
    await anvil.stop()
    throw new ForkError('The fork started but does not answer JSON-RPC.', {
      code: 'FORK_UNRESPONSIVE',
      cause,
    })
  }
}
