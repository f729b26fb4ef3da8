import type { Server } from 'node:http'
import { resolve } from 'node:path'
import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import { TestkitError, type TestkitErrorType } from '../errors/testkit.js'
import type { TxServiceStateInvalidErrorType } from '../errors/txService.js'
import { version } from '../errors/version.js'
import { createChainReader } from './chain.js'
import type { ServiceContext } from './context.js'
import {
  createExclusive,
  createServiceServer,
  resolveLimits,
  type TxServiceLimits,
} from './server.js'
import { createStore } from './store.js'
import type { TxServiceState } from './storedTypes.js'

export type StartTxServiceParameters = {
  /** JSON-RPC URL of the chain the Safes live on (the local stack's anvil). */
  rpcUrl: string
  /** Loopback port; a free one when omitted. */
  port?: number | undefined
  /**
   * JSON file the queue and delegates persist to (read and checked at start,
   * rewritten atomically after every change). In memory when omitted.
   */
  statePath?: string | undefined
  /** Receives unexpected handler errors (answered with a 500). Default: stderr. */
  onError?: ((error: unknown) => void) | undefined
  /** Body size and timeouts; production-like defaults. */
  limits?: TxServiceLimits | undefined
}

/** An opaque copy of the service's state, from {@link TxService.snapshot}. */
export type TxServiceSnapshot = { readonly state: TxServiceState }

/** A running local Safe Transaction Service. */
export type TxService = {
  /** `http://127.0.0.1:<port>/api`, exactly what api-kit's `txServiceUrl` takes. */
  url: string
  port: number
  /** Closes the server (in-flight requests finish first). Safe to call twice. */
  stop(): Promise<void>
  /** Drops every transaction and delegate (the state file too). */
  reset(): Promise<void>
  /** Copies the state, for `revert` (the local stack pairs it with `evm_snapshot`). */
  snapshot(): TxServiceSnapshot
  /** Restores a snapshot taken earlier. */
  revert(snapshot: TxServiceSnapshot): Promise<void>
}

export type StartTxServiceReturnType = TxService

/** `TX_SERVICE_RPC_UNREACHABLE`, `TX_SERVICE_LISTEN_FAILED`, `TX_SERVICE_STATE_CHAIN_MISMATCH`, `TX_SERVICE_STATE_INVALID`, `PARAMETER_MISSING`. */
export type StartTxServiceErrorType =
  | TestkitErrorType
  | TxServiceStateInvalidErrorType
  | MissingParameterErrorType

/**
 * Starts a local stand-in for the Safe Transaction Service, backed by a
 * chain: it serves the endpoints api-kit v5 calls (proposals, confirmations,
 * queue and transaction reads, Safe info, service info, delegates) with the
 * real service's paths, JSON shapes, validation order, status codes and
 * messages (docs/safe-transaction-service.md). Owners, threshold, nonce and `VERSION()` are
 * read from the chain, safeTxHashes recomputed, signatures recovered
 * (EOA, eth_sign, approved hash, EIP-1271), and executions picked up from the
 * Safes' `ExecutionSuccess`/`ExecutionFailure` logs on every read (so they
 * also follow `evm_revert`).
 *
 * Where it differs from the hosted service, on purpose:
 * - a nonce below the Safe's on-chain nonce counts as executed (the service
 *   only knows what it indexed): `Tx with nonce=<n> for safe=<safe> already
 *   executed in tx-hash=<the tx that emitted the n-th execution event>`;
 * - any contract that answers like a Safe is "indexed" (Safe info, delegates);
 * - `dataDecoded` is always `null`, confirmations are not added from executed
 *   signatures, and malformed ECDSA signatures recover to the zero address
 *   (a 422) where the service may answer 500;
 * - bodies are bounded as nginx bounds them in front of the real service (413
 *   over `limits.maxBodyBytes`, 408 when an upload stalls), but the service
 *   itself caps a proposal's signature at 5000 bytes and answers
 *   out-of-range integers with a field error where the real one fails;
 * - handlers run one at a time (bodies are read before, in parallel), and the
 *   `Authorization` header is ignored.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/testkit/README.md#local-transaction-service
 *
 * @example
 * ```ts
 * import SafeApiKit from '@safe-global/api-kit'
 * import { startLocalStack, startTxService } from '@storydao/testkit'
 *
 * const stack = await startLocalStack()
 * const service = await startTxService({ rpcUrl: stack.rpcUrl })
 * const apiKit = new SafeApiKit({ chainId: 31337n, txServiceUrl: service.url })
 * await apiKit.getSafeInfo(stack.manifest.safes.ops.address)
 * await service.stop()
 * ```
 *
 * @param parameters - {@link StartTxServiceParameters}
 * @returns the running service. {@link StartTxServiceReturnType}
 */
export async function startTxService(
  parameters: StartTxServiceParameters,
): Promise<StartTxServiceReturnType> {
  assertParameters('startTxService', parameters, ['rpcUrl'], { version })
  const context = await connect(parameters)
  const exclusive = createExclusive()
  const { server, reading } = createServiceServer({
    context,
    limits: resolveLimits(parameters.limits),
    exclusive,
    onError: parameters.onError ?? writeToStderr,
  })
  const port = await listen(server, parameters.port)
  const { store } = context
  let stopped: Promise<void> | undefined
  return {
    url: `http://127.0.0.1:${port}/api`,
    port,
    stop() {
      stopped ??= new Promise<void>((resolveStop) => {
        server.close(() => resolveStop())
        server.closeIdleConnections()
        // Uploads still in progress would never be handled: cut them now.
        for (const request of reading) request.socket.destroy()
      })
      return stopped
    },
    reset: () => exclusive(async () => store.clear()),
    snapshot: () => ({ state: store.snapshot() }),
    revert: (snapshot) => exclusive(async () => store.restore(snapshot.state)),
  }
}

/** Reads the chain id and loads (and checks) the state file. */
async function connect(
  parameters: StartTxServiceParameters,
): Promise<ServiceContext> {
  const { rpcUrl } = parameters
  const statePath =
    parameters.statePath === undefined
      ? undefined
      : resolve(parameters.statePath)
  const chain = createChainReader(rpcUrl)
  const chainId = await chain.getChainId().catch((cause: unknown) => {
    throw new TestkitError('The Transaction Service cannot reach its chain.', {
      code: 'TX_SERVICE_RPC_UNREACHABLE',
      metaMessages: [`RPC URL: ${rpcUrl}`],
      hint: 'Start anvil (or the local stack) first.',
      cause,
    })
  })
  const store = createStore({ chainId, statePath })
  return { chain, store, chainId, rpcUrl }
}

function writeToStderr(error: unknown): void {
  process.stderr.write(
    `tx service: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
}

function listen(server: Server, port: number | undefined): Promise<number> {
  return new Promise<number>((resolvePort, reject) => {
    server.once('error', (cause: NodeJS.ErrnoException) =>
      reject(
        new TestkitError('The Transaction Service could not listen.', {
          code: 'TX_SERVICE_LISTEN_FAILED',
          metaMessages: [`Port: ${port ?? '(any free one)'}`],
          hint:
            cause.code === 'EADDRINUSE'
              ? 'Another process holds the port; omit `port` to get a free one.'
              : undefined,
          cause,
        }),
      ),
    )
    server.listen(port ?? 0, '127.0.0.1', () => {
      const address = server.address()
      resolvePort(typeof address === 'object' && address ? address.port : 0)
    })
  })
}
