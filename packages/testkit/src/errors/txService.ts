import { TestkitError } from './testkit.js'

export type TxServiceStateInvalidErrorType = TxServiceStateInvalidError & {
  name: 'TxServiceStateInvalidError'
}

/**
 * The local Transaction Service's state file cannot be used: it is not JSON,
 * or some entry (at any depth) does not have the shape the service writes.
 * Raised at start, so a bad file never turns into 500s on every endpoint.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/testkit/README.md#state-file
 *
 * @example
 * ```ts
 * import { startTxService } from '@storydao/testkit'
 *
 * await startTxService({ rpcUrl, statePath: 'queue.json' }).catch((error) => {
 *   if (error.code === 'TX_SERVICE_STATE_INVALID') console.error(error.problems)
 * })
 * ```
 */
export class TxServiceStateInvalidError extends TestkitError {
  override name = 'TxServiceStateInvalidError'
  /** The state file. */
  path: string
  /** Every problem found, as `<json path>: <what is wrong>`. */
  problems: string[]

  constructor({
    path,
    problems,
    cause,
  }: {
    path: string
    problems: string[]
    cause?: unknown
  }) {
    const shown = problems.slice(0, 5)
    super(
      cause === undefined
        ? 'The Transaction Service state file has entries the service cannot use.'
        : 'Cannot read the Transaction Service state file.',
      {
        code: 'TX_SERVICE_STATE_INVALID',
        docsPath: 'packages/testkit/README.md#state-file',
        metaMessages: [
          `File: ${path}`,
          ...shown,
          ...(problems.length > shown.length
            ? [`… and ${problems.length - shown.length} more`]
            : []),
        ],
        hint: 'Fix the listed entries, or delete the file to start with an empty queue.',
        cause,
      },
    )
    this.path = path
    this.problems = problems
  }
}
