import type { ChainReadErrorType, Manifest } from '@storydao/core'
import type { Abi, Address, Hex } from 'viem'
import type { Fork } from './createFork.js'
import type { SimulationErrorType } from './errors/simulation.js'
import type { DecodedRevert } from './internal/decode.js'
import { indexManifest } from './internal/manifestIndex.js'
import { runSafePlan } from './internal/runSafePlan.js'
import type { SafePlan } from './internal/safePlan.js'
import type { DecodedLog, ReportedCall } from './types.js'

export type SimulateSafePlanParameters = {
  /** The fork to run on ({@link createFork}). */
  fork: Fork
  /** Manifest whose ABIs and names decode calls, logs and reverts. */
  manifest?: Manifest | undefined
  /** Extra ABIs by artifact name (for artifacts `@storydao/core` does not ship). */
  abis?: { readonly [artifact: string]: Abi } | undefined
  /**
   * Owners who sign (at least the threshold). Default: the first `threshold`
   * owners in ascending address order.
   */
  signers?: readonly Address[] | undefined
  /** Revert the fork to its state before the simulation. Default `true`. */
  revert?: boolean | undefined
}

/** An ETH balance change (from the prestate trace) or a token balance change (from `Transfer` logs). */
export type BalanceChange = {
  /** Whose balance. */
  holder: Address
  /** Manifest name of the holder, if listed. */
  holderName?: string | undefined
  /** `'ETH'` or the token. */
  asset: Address | 'ETH'
  /** Manifest name of the token, if listed. */
  assetName?: string | undefined
  /** Balance before (ETH only). */
  before?: bigint | undefined
  /** Balance after (ETH only). */
  after?: bigint | undefined
  /** Signed change. */
  delta: bigint
}

/** A storage slot the transaction changed. */
export type StorageChange = {
  /** Contract. */
  address: Address
  /** Manifest name, if listed. */
  contract?: string | undefined
  /** Slot. */
  slot: Hex
  /** Value before. */
  before: Hex
  /** Value after. */
  after: Hex
}

/** Why the Safe transaction failed. */
export type SimulationRevert = DecodedRevert & {
  /** Index of the failing call in the batch (0 for a single call), when one failed. */
  callIndex?: number | undefined
  /** The failing call, decoded. */
  call?: ReportedCall | undefined
  /** The Safe's own revert (e.g. `GS013: …`), when it differs from the call's. */
  safeReason?: string | undefined
}

/** The outcome of running a Safe plan through `execTransaction` on a fork. */
export type SafePlanSimulation = {
  /** `success`: mined and the Safe emitted `ExecutionSuccess`. */
  status: 'success' | 'reverted'
  /** Fork transaction that ran `execTransaction`. */
  transactionHash: Hex
  /** Fork block it was mined in. */
  blockNumber: bigint
  /** Gas used by `execTransaction`. */
  gasUsed: bigint
  /** The safeTxHash the Safe computed on the fork (equals the plan's). */
  safeTxHash: Hex
  /** Owner that sent `execTransaction` (its own approval counts as `msg.sender`). */
  executor: Address
  /** Owners that called `approveHash` first. */
  approvers: Address[]
  /** Inner calls decoded from the Safe transaction itself (not from the plan's `calls`). */
  calls: ReportedCall[]
  /** Logs, decoded with the manifest's ABIs. */
  logs: DecodedLog[]
  /** ETH and token balance changes. */
  balanceChanges: BalanceChange[]
  /** Storage changes, by contract then slot. */
  storageChanges: StorageChange[]
  /** Set when the transaction failed. */
  revert?: SimulationRevert | undefined
  /** Things the simulation had to adjust (e.g. a queued nonce). */
  notes: string[]
}

export type SimulateSafePlanReturnType = SafePlanSimulation

export type SimulateSafePlanErrorType = SimulationErrorType | ChainReadErrorType

/**
 * Rehearses a Safe plan on a fork exactly as the owners would execute it:
 * `approveHash` from all signers but one, then `execTransaction` from the last
 * with pre-validated (`v = 1`) signatures sorted by owner, so the Safe's own
 * code path (signature checks, guard, nonce, MultiSendCallOnly) runs.
 *
 * Returns success or revert (with the decoded reason and, for a batch, the
 * index of the failing call, found with `debug_traceTransaction`'s
 * callTracer), gas used, decoded logs, and balance and storage changes (the
 * prestateTracer in diff mode). A plan whose nonce is ahead of the Safe's is
 * run by moving the fork's nonce forward (noted in `notes`).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#simulatesafeplan
 *
 * @example
 * ```ts
 * import { createFork, simulateSafePlan } from '@storydao/invariants'
 *
 * const fork = await createFork({ rpcUrl })
 * const simulation = await simulateSafePlan(plan, { fork, manifest })
 * if (simulation.status === 'reverted')
 *   console.error(simulation.revert?.callIndex, simulation.revert?.reason)
 * await fork.stop()
 * ```
 *
 * @param plan - The Safe plan (`buildSafePlan` from `@storydao/safe`).
 * @param parameters - {@link SimulateSafePlanParameters}
 * @returns {@link SafePlanSimulation}
 * @throws {SimulationError} When the plan cannot be run on this fork.
 * @throws {ChainReadError} When the fork does not answer.
 */
export async function simulateSafePlan(
  plan: SafePlan,
  parameters: SimulateSafePlanParameters,
): Promise<SimulateSafePlanReturnType> {
  const { fork, revert = true } = parameters
  const index = indexManifest(parameters.manifest, parameters.abis)
  return runSafePlan(plan, { fork, index, revert, signers: parameters.signers })
}
