import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import { type Hex, isAddressEqual, type LocalAccount } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import type {
  SafePlanInputErrorType,
  SafePlanIntegrityErrorType,
} from './errors/plan.js'
import {
  SafeSignatureError,
  type SafeSignatureErrorType,
} from './errors/signature.js'
import { version } from './errors/version.js'
import { assertPlanIntegrity } from './internal/assertPlanIntegrity.js'
import { recoverSafeSigner } from './internal/recoverSafeSigner.js'
import { getSafeTxTypedData } from './internal/typedData.js'
import type { SafePlan, SafeSignature } from './types/safe.js'

/** A private key (hex) or any viem local account (`privateKeyToAccount`, `mnemonicToAccount`, `toAccount`…). */
export type SignSafePlanAccount = Hex | LocalAccount

export type SignSafePlanParameters = {
  /** The plan to sign (from buildSafePlan / buildRejection / getQueuedSafePlans). */
  plan: SafePlan
  /** A private key or a viem local account. */
  account: SignSafePlanAccount
}

export type SignSafePlanReturnType = SafeSignature & { type: 'EOA' }

export type SignSafePlanErrorType =
  | MissingParameterErrorType
  | SafePlanInputErrorType
  | SafePlanIntegrityErrorType
  | SafeSignatureErrorType

/**
 * Signs a plan's Safe transaction as EIP-712 typed data (what Safe{Wallet} and
 * protocol-kit's `signTransaction` produce): an `EOA` signature with v 27/28.
 * The plan's hashes are re-checked first, and the signature is checked to
 * recover to the account.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#signsafeplan
 *
 * @example
 * ```ts
 * import { buildSafePlan, signSafePlan } from '@storydao/safe'
 *
 * const plan = await buildSafePlan(client, { safe, calls })
 * const { signer, signature } = await signSafePlan({
 *   plan,
 *   account: process.env.OWNER_KEY as `0x${string}`,
 * })
 * ```
 *
 * @param parameters - {@link SignSafePlanParameters}
 * @returns `{ signer, signature, type: 'EOA' }`.
 * @throws {SafePlanIntegrityError} When the plan's hashes do not match its fields.
 * @throws {SafeSignatureError} When the account cannot sign typed data or signs something else.
 */
export async function signSafePlan(
  parameters: SignSafePlanParameters,
): Promise<SignSafePlanReturnType> {
  assertParameters('signSafePlan', parameters, ['plan', 'account'], { version })
  const { plan, account } = parameters
  assertPlanIntegrity(plan)
  const signer = toLocalAccount(account)
  if (typeof signer.signTypedData !== 'function')
    throw new SafeSignatureError({
      message: `Account ${signer.address} cannot sign EIP-712 typed data.`,
      signer: signer.address,
    })
  let signature: Hex
  try {
    signature = await signer.signTypedData(getSafeTxTypedData(plan))
  } catch (cause) {
    throw new SafeSignatureError({
      message: `Account ${signer.address} failed to sign the Safe transaction.`,
      signer: signer.address,
      cause,
    })
  }
  const recovered = await recoverSafeSigner(plan.safeTxHash, signature, 'EOA')
  if (!recovered || !isAddressEqual(recovered, signer.address))
    throw new SafeSignatureError({
      message: `The signature from ${signer.address} does not recover to it from safeTxHash ${plan.safeTxHash}.`,
      signer: signer.address,
      metaMessages: [`Recovered: ${recovered ?? '(nothing)'}`],
      hint: 'The account signed something other than the plan’s EIP-712 SafeTx (wrong domain or message). Do not use this signature.',
    })
  return { signer: signer.address, signature, type: 'EOA' }
}

function toLocalAccount(account: SignSafePlanAccount): LocalAccount {
  if (typeof account === 'string') {
    try {
      return privateKeyToAccount(account)
    } catch {
      throw new SafeSignatureError({
        message: 'The private key is not a valid 32-byte secp256k1 key.',
        hint: 'Pass a 0x-prefixed 64-hex-digit private key, or a viem LocalAccount.',
        // The key itself is never put in the message.
        cause: new Error('invalid private key'),
      })
    }
  }
  if (
    account === null ||
    typeof account !== 'object' ||
    !('address' in account)
  )
    throw new SafeSignatureError({
      message: 'Expected a private key or a viem LocalAccount.',
    })
  return account
}
