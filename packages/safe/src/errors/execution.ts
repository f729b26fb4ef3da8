import { OpsError } from '@storydao/core'
import type { Hex } from 'viem'
import { version } from './version.js'

export type SafeExecutionFailedErrorType = SafeExecutionFailedError & {
  name: 'SafeExecutionFailedError'
}

/**
 * `execTransaction` reverted, or it was mined but the Safe emitted
 * `ExecutionFailure` (the inner call failed), or it could not be sent at all.
 * `reason` carries the revert reason when one could be recovered.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors
 *
 * @example
 * ```ts
 * import { SafeExecutionFailedError, executeSafePlan } from '@storydao/safe'
 *
 * try {
 *   await executeSafePlan(wallet, { plan, signatures })
 * } catch (error) {
 *   if (error instanceof SafeExecutionFailedError) console.error(error.reason)
 * }
 * ```
 */
export class SafeExecutionFailedError extends OpsError {
  override name = 'SafeExecutionFailedError'
  /** The Safe transaction that failed. */
  safeTxHash: Hex
  /** The Ethereum transaction, when one was mined (`ExecutionFailure`). */
  transactionHash?: Hex | undefined
  /**
   * `'revert'` (refused by simulation, or the transaction reverted),
   * `'execution-failure'` (the inner call failed: `ExecutionFailure`, or its
   * simulation) or `'not-sent'` (the RPC or wallet failed; nothing happened).
   */
  kind: 'revert' | 'execution-failure' | 'not-sent'
  /** The decoded revert reason (`GS026: …`, `EnforcedPause()`…), if known. */
  reason?: string | undefined
  /** Revert reason of the inner call(s), when the Safe itself reverted with GS013. */
  innerReason?: string | undefined

  constructor({
    safeTxHash,
    transactionHash,
    kind,
    reason,
    innerReason,
    metaMessages,
    hint,
    cause,
  }: {
    safeTxHash: Hex
    transactionHash?: Hex | undefined
    kind: 'revert' | 'execution-failure' | 'not-sent'
    reason?: string | undefined
    innerReason?: string | undefined
    metaMessages?: string[] | undefined
    hint?: string | undefined
    cause?: unknown
  }) {
    const because = innerReason ?? reason
    super(
      kind === 'not-sent'
        ? `Safe transaction ${safeTxHash} could not be sent.`
        : kind === 'revert'
          ? `Safe transaction ${safeTxHash} reverted${because ? `: ${because}` : '.'}`
          : `Safe transaction ${safeTxHash} failed (ExecutionFailure)${because ? `: ${because}` : '.'}`,
      {
        code: 'SAFE_EXECUTION_FAILED',
        docsPath: 'packages/safe/README.md#errors',
        version,
        cause,
        metaMessages: [
          ...(reason ? [`Safe:       ${reason}`] : []),
          ...(innerReason ? [`Inner call: ${innerReason}`] : []),
          ...(transactionHash ? [`Transaction: ${transactionHash}`] : []),
          ...(metaMessages ?? []),
        ],
        hint,
      },
    )
    this.safeTxHash = safeTxHash
    this.transactionHash = transactionHash
    this.kind = kind
    this.reason = reason
    this.innerReason = innerReason
  }
}

export type SafeWalletChainMismatchErrorType = SafeWalletChainMismatchError & {
  name: 'SafeWalletChainMismatchError'
}

/**
 * The wallet client is configured for one chain (`chain`) while its RPC
 * answers for another: viem would refuse to send, so nothing is sent.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors
 *
 * @example
 * ```ts
 * import { SafeWalletChainMismatchError, executeSafePlan } from '@storydao/safe'
 *
 * try {
 *   await executeSafePlan(wallet, { plan, signatures })
 * } catch (error) {
 *   if (error instanceof SafeWalletChainMismatchError) console.error(error.rpcChainId)
 * }
 * ```
 */
export class SafeWalletChainMismatchError extends OpsError {
  override name = 'SafeWalletChainMismatchError'
  /** The wallet client's `chain.id`. */
  walletChainId: number
  /** The chain id its RPC reports (`eth_chainId`). */
  rpcChainId: number

  constructor({
    walletChainId,
    rpcChainId,
  }: {
    walletChainId: number
    rpcChainId: number
  }) {
    super(
      `The wallet client is set to chain ${walletChainId}, but its RPC is on chain ${rpcChainId}.`,
      {
        code: 'SAFE_WALLET_CHAIN_MISMATCH',
        docsPath: 'packages/safe/README.md#errors',
        version,
        metaMessages: [
          `Wallet client chain: ${walletChainId} (createWalletClient({ chain }))`,
          `RPC chain:           ${rpcChainId} (eth_chainId)`,
        ],
        hint: 'Create the wallet client with the chain its transport’s RPC serves (or point the transport at that chain’s RPC). Nothing was sent.',
      },
    )
    this.walletChainId = walletChainId
    this.rpcChainId = rpcChainId
  }
}
