import { OpsError } from '@storydao/core'
import { version } from './version.js'

const docsPath = 'packages/safe/README.md#transaction-builder-files'

/** One problem found while reading a Transaction Builder file. */
export type TransactionBuilderIssue = {
  /** JSON path of the offending value (`transactions[1].value`, `(root)`). */
  path: string
  /** What is wrong. */
  message: string
}

export type TransactionBuilderParseErrorType = TransactionBuilderParseError & {
  name: 'TransactionBuilderParseError'
}

/**
 * A Transaction Builder file is not valid JSON or does not follow the batch
 * format; each issue names its JSON path.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#transaction-builder-files
 *
 * @example
 * ```ts
 * import { TransactionBuilderParseError, parseTransactionBuilderBatch } from '@storydao/safe'
 *
 * try {
 *   parseTransactionBuilderBatch({ json: '{"version":"1.0"}' })
 * } catch (error) {
 *   if (error instanceof TransactionBuilderParseError) console.error(error.issues)
 * }
 * ```
 */
export class TransactionBuilderParseError extends OpsError {
  override name = 'TransactionBuilderParseError'
  /** Every problem found. */
  issues: readonly TransactionBuilderIssue[]

  constructor({
    issues,
    cause,
  }: {
    issues: readonly TransactionBuilderIssue[]
    cause?: unknown
  }) {
    super(
      `Invalid Transaction Builder file: ${issues.length} problem${issues.length === 1 ? '' : 's'}.`,
      {
        code: 'TX_BUILDER_INVALID',
        docsPath,
        version,
        cause,
        metaMessages: issues.map(
          ({ path, message }) => `- ${path}: ${message}`,
        ),
        hint: 'Export the batch again (Safe{Wallet} Transaction Builder or toTransactionBuilderBatch); values must be decimal strings, addresses checksummed.',
      },
    )
    this.issues = issues
  }
}

export type TransactionBuilderChecksumErrorType =
  TransactionBuilderChecksumError & { name: 'TransactionBuilderChecksumError' }

/**
 * `meta.checksum` is missing or does not match the file's content: the file
 * was modified after it was exported.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#transaction-builder-files
 *
 * @example
 * ```ts
 * import { TransactionBuilderChecksumError, parseTransactionBuilderBatch } from '@storydao/safe'
 *
 * try {
 *   parseTransactionBuilderBatch({ json: text })
 * } catch (error) {
 *   if (error instanceof TransactionBuilderChecksumError) console.error(error.computed)
 * }
 * ```
 */
export class TransactionBuilderChecksumError extends OpsError {
  override name = 'TransactionBuilderChecksumError'
  /** The checksum stored in the file (`undefined` when absent). */
  stored: string | undefined
  /** The checksum of the file's content. */
  computed: string

  constructor({
    stored,
    computed,
  }: {
    stored: string | undefined
    computed: string
  }) {
    super(
      stored === undefined
        ? 'Transaction Builder file has no meta.checksum; its integrity cannot be verified.'
        : 'Transaction Builder file was modified after it was exported: meta.checksum does not match its content.',
      {
        code: 'TX_BUILDER_CHECKSUM',
        docsPath,
        version,
        metaMessages: [
          `Stored:   ${stored ?? '(none)'}`,
          `Computed: ${computed}`,
        ],
        hint: 'Do not import or sign it. Ask the author for the original export and compare the transactions (to, value, data) one by one.',
      },
    )
    this.stored = stored
    this.computed = computed
  }
}

export type TransactionBuilderChainMismatchErrorType =
  TransactionBuilderChainMismatchError & {
    name: 'TransactionBuilderChainMismatchError'
  }

/**
 * The file's `chainId` is not the expected chain.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#transaction-builder-files
 *
 * @example
 * ```ts
 * import { TransactionBuilderChainMismatchError, parseTransactionBuilderBatch } from '@storydao/safe'
 *
 * try {
 *   parseTransactionBuilderBatch({ json: text, chainId: 1 })
 * } catch (error) {
 *   if (error instanceof TransactionBuilderChainMismatchError) console.error(error.actual)
 * }
 * ```
 */
export class TransactionBuilderChainMismatchError extends OpsError {
  override name = 'TransactionBuilderChainMismatchError'
  /** The chain id expected. */
  expected: number
  /** The file's `chainId`. */
  actual: string

  constructor({ expected, actual }: { expected: number; actual: string }) {
    super(
      `Transaction Builder file is for chain ${actual}, expected ${expected}.`,
      {
        code: 'TX_BUILDER_CHAIN_MISMATCH',
        docsPath,
        version,
        hint: 'The same addresses on another chain can be other contracts. Export the batch again for the right network.',
      },
    )
    this.expected = expected
    this.actual = actual
  }
}

export type TransactionBuilderSafeMismatchErrorType =
  TransactionBuilderSafeMismatchError & {
    name: 'TransactionBuilderSafeMismatchError'
  }

/**
 * The file's `meta.createdFromSafeAddress` is not the expected Safe.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#transaction-builder-files
 *
 * @example
 * ```ts
 * import { TransactionBuilderSafeMismatchError, parseTransactionBuilderBatch } from '@storydao/safe'
 *
 * try {
 *   parseTransactionBuilderBatch({ json: text, safe })
 * } catch (error) {
 *   if (error instanceof TransactionBuilderSafeMismatchError) console.error(error.actual)
 * }
 * ```
 */
export class TransactionBuilderSafeMismatchError extends OpsError {
  override name = 'TransactionBuilderSafeMismatchError'
  /** The Safe expected. */
  expected: string
  /** The file's `meta.createdFromSafeAddress` (`undefined` when absent). */
  actual: string | undefined

  constructor({
    expected,
    actual,
  }: {
    expected: string
    actual: string | undefined
  }) {
    super(
      actual === undefined
        ? `Transaction Builder file does not say which Safe it was made for (expected ${expected}).`
        : `Transaction Builder file was made for Safe ${actual}, expected ${expected}.`,
      {
        code: 'TX_BUILDER_SAFE_MISMATCH',
        docsPath,
        version,
        hint: 'Check that the batch is meant for this Safe before importing it.',
      },
    )
    this.expected = expected
    this.actual = actual
  }
}

export type TransactionBuilderUnsupportedErrorType =
  TransactionBuilderUnsupportedError & {
    name: 'TransactionBuilderUnsupportedError'
  }

/**
 * The plan cannot be expressed as a Transaction Builder file (Transaction
 * Builder transactions are always plain calls).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#transaction-builder-files
 *
 * @example
 * ```ts
 * import { TransactionBuilderUnsupportedError, toTransactionBuilderBatch } from '@storydao/safe'
 *
 * try {
 *   toTransactionBuilderBatch({ plan: delegateCallPlan, name: 'x' })
 * } catch (error) {
 *   if (error instanceof TransactionBuilderUnsupportedError) console.error(error.hint)
 * }
 * ```
 */
export class TransactionBuilderUnsupportedError extends OpsError {
  override name = 'TransactionBuilderUnsupportedError'

  constructor({ message }: { message: string }) {
    super(message, {
      code: 'TX_BUILDER_UNSUPPORTED',
      docsPath,
      version,
      hint: 'Propose the plan through the Transaction Service instead (proposeSafePlan).',
    })
  }
}
