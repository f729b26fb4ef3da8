import { OpsError } from '@storydao/core'
import { version } from './version.js'

const docsPath = 'packages/ops-sdk/README.md#errors'

export type NotPausedErrorType = NotPausedError & {
  name: 'NotPausedError'
}

/** No target is paused: there is nothing to unpause. */
export class NotPausedError extends OpsError {
  override name = 'NotPausedError'
  constructor({ names }: { names: readonly string[] }) {
    super(
      `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} not paused.`,
      {
        code: 'NOT_PAUSED',
        docsPath,
        hint: 'Nothing to unpause. Check with "storydao-ops dump-state".',
        version,
      },
    )
  }
}

export type UnpauseNotReadyErrorType = UnpauseNotReadyError & {
  name: 'UnpauseNotReadyError'
}

/** `unpause --execute` found no scheduled unpause, or its delay has not passed. */
export class UnpauseNotReadyError extends OpsError {
  override name = 'UnpauseNotReadyError'
  constructor({
    names,
    reason,
    details,
    hint,
  }: {
    names: readonly string[]
    reason: string
    details?: readonly string[] | undefined
    hint: string
  }) {
    super(`The unpause of ${names.join(', ')} cannot be executed: ${reason}`, {
      code: 'UNPAUSE_NOT_READY',
      docsPath,
      metaMessages: details && details.length > 0 ? [...details] : undefined,
      hint,
      version,
    })
  }
}
