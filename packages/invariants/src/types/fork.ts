import type { Chain, Hex, PublicActions, TestClient, Transport } from 'viem'

/** A viem client for a fork: anvil test actions plus public actions. */
export type ForkClient = TestClient<'anvil', Transport, Chain, undefined> &
  PublicActions<Transport, Chain>

/** A disposable anvil fork, reusable across simulations. */
export type Fork = {
  /** `http://127.0.0.1:<port>` of the fork. */
  rpcUrl: string
  /** Chain id (the upstream's). */
  chainId: number
  /** Block the fork was taken at. */
  blockNumber: bigint
  /** A client for the fork (test + public actions). */
  client: ForkClient
  /** `evm_snapshot`: returns an id for {@link Fork.revert}. */
  snapshot(): Promise<Hex>
  /** `evm_revert` to a snapshot (anvil discards the snapshot). */
  revert(id: Hex): Promise<void>
  /** Kills anvil and waits for it to exit; safe to call twice. */
  stop(): Promise<void>
  /** Same as `stop`, for `await using fork = await createFork(…)`. */
  [Symbol.asyncDispose](): Promise<void>
}
