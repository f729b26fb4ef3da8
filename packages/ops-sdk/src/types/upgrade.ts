import type { Address, Hex } from 'viem'

/** How an upgrade goes through: a StoryDAO vote, or the ops Safe as the timelock's proposer. */
export type UpgradeRoute = 'governor' | 'timelock'

/** One check of `upgrade validate` ({@link validateUpgrade}). */
export type UpgradeCheck = {
  name:
    | 'executed'
    | 'upgraded-event'
    | 'implementation'
    | 'runtime-code'
    | 'invariants'
  ok: boolean
  /** What was found, for the upgrade log and the summary. */
  detail: string
}

/**
 * The rollback of an upgrade rehearsed on a fork when it is proposed
 * ({@link draftGovernorUpgrade}): the upgrade applied as the timelock would,
 * then the reverse upgrade, then the `upgrade` invariants for the old
 * implementation.
 */
export type RollbackRehearsal = {
  /** The reverse upgrade ran and every invariant held. */
  ok: boolean
  /** The reverse upgrade call (back to the current implementation). */
  reverse: { to: Address; data: Hex }
  /** The implementation the reverse goes back to. */
  implementation: Address
  /** How many invariants were checked after the reverse. */
  invariants: number
  /** What went wrong, one sentence each (empty when it passed). */
  failed: string[]
}
