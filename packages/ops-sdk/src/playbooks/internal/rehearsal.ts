import type { Manifest } from '@storydao/core'
import {
  type CheckSafePlanParameters,
  checkSafePlan,
  createFork,
  type Fork,
  type GetDefaultInvariantsParameters,
  getDefaultInvariants,
  type Invariant,
  type Report,
} from '@storydao/invariants'
import type { SafePlan } from '@storydao/safe'
import type { Address } from 'viem'

/**
 * @internal A fork that boots in the background: `fork()` waits for it (and
 * throws its start-up error), `stop()` ends it whether or not it started.
 */
export type RehearsalFork = {
  fork(): Promise<Fork>
  stop(): Promise<void>
}

/**
 * @internal Starts anvil on the network's RPC now, so it boots while the
 * caller reads owners and builds plans.
 */
export function startRehearsalFork({
  rpcUrl,
}: {
  rpcUrl: string
}): RehearsalFork {
  const forking = settleLater(createFork({ rpcUrl }))
  return {
    fork: forking,
    async stop() {
      // A fork that failed to start has nothing to stop; its error, if it
      // matters, was already thrown by the caller's fork().
      const fork = await forking().catch(() => undefined)
      await fork?.stop()
    },
  }
}

/**
 * @internal The rehearsal step shared by every Safe-transaction command: run
 * the plan through `execTransaction` on the fork (reverted afterwards, so one
 * fork serves many plans) and check the default invariants of `invariants`'s
 * action. A plan at a nonce ahead of the Safe's runs with the nonce moved
 * forward on the fork.
 */
export async function rehearseSafePlan(
  fork: Fork,
  {
    manifest,
    plan,
    invariants,
    extraInvariants = [],
    signers,
    known,
  }: {
    manifest: Manifest
    plan: SafePlan
    invariants: Omit<GetDefaultInvariantsParameters, 'manifest'>
    /** Checked on top of the action's defaults (what a release promises). */
    extraInvariants?: readonly Invariant[] | undefined
    /** Owners who sign on the fork; default the first `threshold` by address. */
    signers?: readonly Address[] | undefined
    /** Names of addresses the manifest does not have yet (a release's predicted ones). */
    known?: CheckSafePlanParameters['known']
  },
): Promise<Report> {
  return checkSafePlan(fork, {
    plan,
    manifest,
    invariants: [
      ...getDefaultInvariants({ manifest, ...invariants }),
      ...extraInvariants,
    ],
    ...(signers ? { signers } : {}),
    ...(known ? { known } : {}),
  })
}

/** @internal What went wrong in a rehearsal, one sentence each (empty when it passed). */
export function rehearsalFailures(report: Report): string[] {
  const failed = report.invariants
    .filter((result) => !result.ok)
    .map((result) => `invariant ${result.name} failed`)
  if (report.simulation.status === 'success') return failed
  const reason = report.simulation.revert?.reason
  return [
    `the Safe transaction reverted on the fork${reason ? `: ${reason}` : ''}`,
    ...failed,
  ]
}

/**
 * @internal A promise awaited later: its rejection is held (not reported as
 * unhandled) until the returned function is called.
 */
export function settleLater<value>(
  promise: Promise<value> | value,
): () => Promise<value> {
  const settled = Promise.resolve(promise).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  )
  return async () => {
    const result = await settled
    if (!result.ok) throw result.error
    return result.value
  }
}
