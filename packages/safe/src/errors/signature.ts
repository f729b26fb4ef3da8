import { OpsError } from '@storydao/core'
import type { Address } from 'viem'
import { version } from './version.js'

export type SafeSignatureErrorType = SafeSignatureError & {
  name: 'SafeSignatureError'
}

/**
 * A Safe signature is malformed, does not recover to the signer it claims,
 * duplicates another signer, or is of a kind this package cannot encode.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors
 *
 * @example
 * ```ts
 * import { SafeSignatureError, executeSafePlan } from '@storydao/safe'
 *
 * try {
 *   await executeSafePlan(wallet, { plan, signatures: [signature, signature] })
 * } catch (error) {
 *   if (error instanceof SafeSignatureError) console.error(error.signer)
 * }
 * ```
 */
export class SafeSignatureError extends OpsError {
  override name = 'SafeSignatureError'
  /** The signer concerned, when known. */
  signer?: Address | undefined

  constructor({
    message,
    signer,
    hint,
    metaMessages,
    cause,
  }: {
    message: string
    signer?: Address | undefined
    hint?: string | undefined
    metaMessages?: string[] | undefined
    cause?: unknown
  }) {
    super(message, {
      code: 'SAFE_SIGNATURE_INVALID',
      docsPath: 'packages/safe/README.md#errors',
      version,
      cause,
      metaMessages,
      hint:
        hint ??
        'Sign the plan with signSafePlan (EIP-712, v 27/28) using an owner’s key, once per owner.',
    })
    this.signer = signer
  }
}
