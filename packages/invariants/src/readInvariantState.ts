import type { ChainReadErrorType } from '@storydao/core'
import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { Chain, Client, Transport } from 'viem'
import { version } from './errors/version.js'
import { readState } from './internal/readState.js'
import type { Invariant, InvariantState } from './types.js'

export type ReadInvariantStateParameters = {
  /** The invariants whose reads to take. */
  invariants: readonly Invariant[]
  /** Block to read at; the latest when omitted. */
  blockNumber?: bigint | undefined
}

export type ReadInvariantStateReturnType = InvariantState

export type ReadInvariantStateErrorType =
  | ChainReadErrorType
  | MissingParameterErrorType

/**
 * Reads the state a set of invariants needs, in one batch: at most two
 * `eth_call`s (one Multicall3 `aggregate3` for calls and ETH balances, one
 * more when raw storage slots are needed), however many invariants there
 * are. Use the result as the `before` baseline of {@link checkInvariants}.
 *
 * Multicall3 is passed as a state override, so it need not be deployed; the
 * RPC must support `eth_call` state overrides (anvil, geth, reth, most
 * providers do).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#readinvariantstate
 *
 * @example
 * ```ts
 * import { readInvariantState, supplyUnchanged } from '@storydao/invariants'
 *
 * const invariants = [supplyUnchanged({ token })]
 * const before = await readInvariantState(client, { invariants })
 * ```
 *
 * @param client - A viem client for the chain (or fork).
 * @param parameters - {@link ReadInvariantStateParameters}
 * @returns The values read, keyed by read.
 * @throws {ChainReadError} When the RPC cannot be reached or rejects the call.
 */
export async function readInvariantState(
  client: Client<Transport, Chain | undefined>,
  parameters: ReadInvariantStateParameters,
): Promise<ReadInvariantStateReturnType> {
  assertParameters('readInvariantState', { client }, ['client'], { version })
  assertParameters('readInvariantState', parameters, ['invariants'], {
    version,
  })
  const { invariants, blockNumber } = parameters
  const values = await readState(
    client,
    invariants.flatMap((invariant) => Object.values(invariant.reads)),
    { blockNumber },
  )
  return { blockNumber, values }
}
