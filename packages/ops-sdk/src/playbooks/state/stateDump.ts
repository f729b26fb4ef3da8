import type { StateSnapshot } from '@storydao/invariants'

/** @internal The `format` line of a `dump-state` file, checked when it is read back. */
export const stateDumpFormat = 'storydao-state-dump/1'

/** @internal A `dump-state` file. */
export type StateDump = {
  format: typeof stateDumpFormat
  /** The network name it was taken on. */
  network: string
  /** When it was taken (ISO 8601). */
  takenAt: string
  snapshot: StateSnapshot
}
