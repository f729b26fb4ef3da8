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
