import { OpsError } from '@storydao/core'
import { version } from './version.js'

const docsPath = 'packages/ops-sdk/README.md#errors'

export type TimelockNotInManifestErrorType = TimelockNotInManifestError & {
  name: 'TimelockNotInManifestError'
}

/** The manifest names no TimelockController (no `roles.timelock`, no contract of kind `timelock`). */
export class TimelockNotInManifestError extends OpsError {
  override name = 'TimelockNotInManifestError'
  constructor({ network }: { network: string }) {
    super(`deployments/${network}.json has no timelock.`, {
      code: 'TIMELOCK_NOT_IN_MANIFEST',
      docsPath,
      hint: 'Add the TimelockController as a contract of kind "timelock" (and roles.timelock) to the manifest.',
      version,
    })
  }
}

export type TimelockNothingPendingErrorType = TimelockNothingPendingError & {
  name: 'TimelockNothingPendingError'
}

/** `timelock cancel --all` with no pending or ready operation: there is nothing to sign. */
export class TimelockNothingPendingError extends OpsError {
  override name = 'TimelockNothingPendingError'
  constructor({ timelock }: { timelock: string }) {
    super(`${timelock} has no pending or ready operation to cancel.`, {
      code: 'TIMELOCK_NOTHING_PENDING',
      docsPath,
      hint: 'Nothing to do. "storydao-ops timelock list" shows every operation and its state.',
      version,
    })
  }
}

export type TimelockOperationNotPendingErrorType =
  TimelockOperationNotPendingError & {
    name: 'TimelockOperationNotPendingError'
  }

/** An operation id given to cancel is not pending or ready on the timelock. */
export class TimelockOperationNotPendingError extends OpsError {
  override name = 'TimelockOperationNotPendingError'
  constructor({
    timelock,
    operations,
  }: {
    timelock: string
    /** Each id given that cannot be cancelled, with its state (`done`, `cancelled`, `unknown`). */
    operations: readonly { id: string; state: string }[]
  }) {
    super(
      `${operations.length === 1 ? 'This operation is' : 'These operations are'} not pending on ${timelock}.`,
      {
        code: 'TIMELOCK_OPERATION_NOT_PENDING',
        docsPath,
        metaMessages: operations.map(
          ({ id, state }) =>
            `${id}: ${state === 'unknown' ? 'never scheduled' : state}`,
        ),
        hint: 'Only pending or ready operations can be cancelled; "storydao-ops timelock list" shows their ids and states.',
        version,
      },
    )
  }
}
