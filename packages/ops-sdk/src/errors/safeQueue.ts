import { OpsError } from '@storydao/core'
import { version } from './version.js'

const docsPath = 'packages/ops-sdk/README.md#errors'

export type SafeTransactionNotQueuedErrorType =
  SafeTransactionNotQueuedError & {
    name: 'SafeTransactionNotQueuedError'
  }

/** The safeTxHash is not waiting in the queue of any manifest Safe. */
export class SafeTransactionNotQueuedError extends OpsError {
  override name = 'SafeTransactionNotQueuedError'
  constructor({
    safeTxHash,
    safes,
    queued,
  }: {
    safeTxHash: string
    safes: readonly string[]
    queued: readonly string[]
  }) {
    super(`No queued Safe transaction has safeTxHash ${safeTxHash}.`, {
      code: 'SAFE_TX_NOT_QUEUED',
      docsPath,
      metaMessages: [
        `Looked in: ${safes.join(', ')}`,
        `Queued:    ${queued.length > 0 ? queued.join(', ') : '(nothing)'}`,
      ],
      hint: 'Copy the safeTxHash from "storydao-ops safe queue" (an executed or replaced transaction is no longer queued).',
      version,
    })
  }
}

export type SafeThresholdNotMetErrorType = SafeThresholdNotMetError & {
  name: 'SafeThresholdNotMetError'
}

/** Fewer owners confirmed the transaction than the Safe's threshold. */
export class SafeThresholdNotMetError extends OpsError {
  override name = 'SafeThresholdNotMetError'
  constructor({
    safeTxHash,
    confirmed,
    required,
    signers,
  }: {
    safeTxHash: string
    confirmed: number
    required: number
    signers: readonly string[]
  }) {
    const missing = required - confirmed
    super(
      `Safe transaction ${safeTxHash} has ${confirmed} of ${required} signatures: ${missing} missing.`,
      {
        code: 'SAFE_THRESHOLD_NOT_MET',
        docsPath,
        metaMessages: [
          `Confirmed by: ${signers.length > 0 ? signers.join(', ') : '(nobody)'}`,
        ],
        hint: `Ask ${missing} more owner${missing === 1 ? '' : 's'} to sign (Safe{Wallet}, or storydao-ops safe confirm ${safeTxHash} --signer-env <VAR>), then execute again.`,
        version,
      },
    )
  }
}

export type SafeTransactionConfirmedErrorType =
  SafeTransactionConfirmedError & {
    name: 'SafeTransactionConfirmedError'
  }

/** Every available owner key has already confirmed the transaction. */
export class SafeTransactionConfirmedError extends OpsError {
  override name = 'SafeTransactionConfirmedError'
  constructor({
    safeTxHash,
    signers,
  }: {
    safeTxHash: string
    signers: readonly string[]
  }) {
    super(`${signers.join(', ')} already confirmed ${safeTxHash}.`, {
      code: 'SAFE_TX_ALREADY_CONFIRMED',
      docsPath,
      hint: 'Another owner must sign: pass --signer-env with that owner’s key.',
      version,
    })
  }
}

export type ExecutorMissingErrorType = ExecutorMissingError & {
  name: 'ExecutorMissingError'
}

/** Executing needs an account to send (and pay for) the transaction. */
export class ExecutorMissingError extends OpsError {
  override name = 'ExecutorMissingError'
  constructor({ network }: { network: string }) {
    super(`No account to send the execution from on "${network}".`, {
      code: 'EXECUTOR_MISSING',
      docsPath,
      hint: 'Pass --signer-env <VAR> naming a variable with the key of any funded account (it need not be an owner).',
      version,
    })
  }
}
