import { OpsError } from '@storydao/core'
import { version } from './version.js'

const docsPath = 'packages/ops-sdk/README.md#errors'

export type ReviewInputErrorType = ReviewInputError & {
  name: 'ReviewInputError'
}

/** What was handed to review is neither a safeTxHash, a readable file nor a Safe transaction. */
export class ReviewInputError extends OpsError {
  override name = 'ReviewInputError'
  constructor({ message, details }: { message: string; details: string[] }) {
    super(message, {
      code: 'REVIEW_INPUT_INVALID',
      docsPath,
      metaMessages: details,
      hint: 'Pass a safeTxHash from "storydao-ops safe queue" or a Transaction Builder file under safe-transactions/<network>/.',
      version,
    })
  }
}

export type ReviewTransactionNotFoundErrorType =
  ReviewTransactionNotFoundError & { name: 'ReviewTransactionNotFoundError' }

/** The Safe Transaction Service does not know the safeTxHash. */
export class ReviewTransactionNotFoundError extends OpsError {
  override name = 'ReviewTransactionNotFoundError'
  constructor({ safeTxHash, url }: { safeTxHash: string; url: string }) {
    super(`The Safe Transaction Service has no transaction ${safeTxHash}.`, {
      code: 'REVIEW_TX_NOT_FOUND',
      docsPath,
      metaMessages: [`Asked: GET ${url}`],
      hint: 'Check the hash and the --network: the service only knows proposed transactions of its own chain.',
      version,
    })
  }
}

export type ReviewServiceErrorType = ReviewServiceError & {
  name: 'ReviewServiceError'
}

/** The service did not answer the transaction read, or answered garbage. */
export class ReviewServiceError extends OpsError {
  override name = 'ReviewServiceError'
  constructor({
    message,
    url,
    unreachable,
    cause,
  }: {
    message: string
    url: string
    unreachable: boolean
    cause?: unknown
  }) {
    super(message, {
      code: unreachable
        ? 'REVIEW_SERVICE_UNREACHABLE'
        : 'REVIEW_SERVICE_RESPONSE',
      docsPath,
      metaMessages: [`Asked: GET ${url}`],
      hint: unreachable
        ? 'Check txServiceUrl in deployments/networks.json, or review the Transaction Builder file instead.'
        : 'Do not sign what this service shows; review the Transaction Builder file the proposer shared instead.',
      version,
      ...(cause === undefined ? {} : { cause }),
    })
  }
}
