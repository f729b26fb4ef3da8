import type { Hex } from 'viem'

/** Why an operation is expected: a manifest upgrade, or a Safe proposal in a queue. */
export type TimelockOperationOrigin =
  | {
      kind: 'upgrade'
      /** The manifest `upgrades[]` entry's id. */
      id: string
    }
  | {
      kind: 'safe-proposal'
      /** The manifest Safe whose queue holds the schedule (`ops`). */
      safe: string
      /** The queued Safe transaction that schedules it. */
      safeTxHash: Hex
    }

/** A timelock schedule seen waiting in a manifest Safe's queue, by the operation id it creates. */
export type QueuedSchedule = { id: Hex; origin: TimelockOperationOrigin }
