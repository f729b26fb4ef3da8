import {
  assertParameters,
  type ChainReadErrorType,
  type Manifest,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { SafePlan } from '@storydao/safe'
import type { Abi, Address } from 'viem'
import type { ForkErrorType } from './errors/fork.js'
import type { SimulationErrorType } from './errors/simulation.js'
import { version } from './errors/version.js'
import { assertFork } from './internal/assertFork.js'
import { indexManifest } from './internal/manifestIndex.js'
import { runSafePlan } from './internal/runSafePlan.js'
import { withForkErrors } from './internal/withForkErrors.js'
import type { Fork } from './types/fork.js'
import type { SafePlanSimulation } from './types/simulation.js'

export type SimulateSafePlanParameters = {
  /** The Safe plan (`buildSafePlan` from `@storydao/safe`). */
  plan: SafePlan
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

export type SimulateSafePlanReturnType = SafePlanSimulation

export type SimulateSafePlanErrorType =
  | SimulationErrorType
  | ChainReadErrorType
  | ForkErrorType
  | MissingParameterErrorType

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
 * const simulation = await simulateSafePlan(fork, { plan, manifest })
 * if (simulation.status === 'reverted')
 *   console.error(simulation.revert?.callIndex, simulation.revert?.reason)
 * await fork.stop()
 * ```
 *
 * @param fork - The fork to run on ({@link createFork}).
 * @param parameters - {@link SimulateSafePlanParameters}
 * @returns {@link SafePlanSimulation}
 * @throws {SimulationError} When the plan cannot be run on this fork.
 * @throws {ChainReadError} When a read on the fork fails.
 * @throws {ForkError} `FORK_EXITED` when the fork's anvil dies, `FORK_UNREACHABLE` when it stops answering.
 */
export async function simulateSafePlan(
  fork: Fork,
  parameters: SimulateSafePlanParameters,
): Promise<SimulateSafePlanReturnType> {
  assertFork('simulateSafePlan', fork)
  assertParameters('simulateSafePlan', parameters, ['plan'], { version })
  const { plan, revert = true } = parameters
  const index = indexManifest(parameters.manifest, parameters.abis)
  return withForkErrors(fork, () =>
    runSafePlan(plan, { fork, index, revert, signers: parameters.signers }),
  )
}
