import { OpsError } from '@storydao/core'
import { version } from './version.js'

const docsPath = 'packages/ops-sdk/README.md#errors'

export type StateDumpInvalidErrorType = StateDumpInvalidError & {
  name: 'StateDumpInvalidError'
}

/** A file given to `diff-state` cannot be read or is not a `dump-state` file. */
export class StateDumpInvalidError extends OpsError {
  override name = 'StateDumpInvalidError'
  constructor({
    path,
    reason,
    cause,
  }: {
    path: string
    reason: string
    cause?: unknown
  }) {
    super(`${path} is not a state dump: ${reason}`, {
      code: 'STATE_DUMP_INVALID',
      docsPath,
      cause,
      hint: 'Pass two files written by "storydao-ops dump-state" (docs/operations/state/ by default).',
      version,
    })
  }
}

export type StateDumpChainMismatchErrorType = StateDumpChainMismatchError & {
  name: 'StateDumpChainMismatchError'
}

/** The two dumps given to `diff-state` are of different chains. */
export class StateDumpChainMismatchError extends OpsError {
  override name = 'StateDumpChainMismatchError'
  constructor({
    before,
    after,
  }: {
    before: { path: string; chainId: number }
    after: { path: string; chainId: number }
  }) {
    super('The two state dumps are of different chains.', {
      code: 'STATE_DUMP_CHAIN_MISMATCH',
      docsPath,
      metaMessages: [
        `${before.path}: chain ${before.chainId}`,
        `${after.path}: chain ${after.chainId}`,
      ],
      hint: 'Compare two dumps of the same network.',
      version,
    })
  }
}
