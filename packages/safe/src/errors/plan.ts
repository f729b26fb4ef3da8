import { isHexEqual, OpsError } from '@storydao/core'
import type { Address, Hex } from 'viem'
import { version } from './version.js'

const docsPath = 'packages/safe/README.md#errors'
export type SafeNonceTooLowErrorType = SafeNonceTooLowError & {
  name: 'SafeNonceTooLowError'
}

/**
 * An explicit nonce is below the Safe's on-chain nonce: the Transaction
 * Service would accept the proposal, but the chain never can execute it.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors
 *
 * @example
 * ```ts
 * import { SafeNonceTooLowError, buildSafePlan } from '@storydao/safe'
 *
 * try {
 *   await buildSafePlan(client, { safe, calls, nonce: 0n })
 * } catch (error) {
 *   if (error instanceof SafeNonceTooLowError) console.error(error.chainNonce)
 * }
 * ```
 */
export class SafeNonceTooLowError extends OpsError {
  override name = 'SafeNonceTooLowError'
  /** The nonce asked for. */
  nonce: bigint
  /** The Safe's current `nonce()`. */
  chainNonce: bigint

  constructor({
    safe,
    nonce,
    chainNonce,
  }: {
    safe: Address
    nonce: bigint
    chainNonce: bigint
  }) {
    super(
      `Nonce ${nonce} is already used: Safe ${safe} is at nonce ${chainNonce}.`,
      {
        code: 'SAFE_NONCE_TOO_LOW',
        docsPath,
        version,
        metaMessages: [
          `Requested nonce: ${nonce}`,
          `On-chain nonce:  ${chainNonce}`,
        ],
        hint: `A Safe transaction can only execute at the current nonce or later. Omit \`nonce\` to use the next free one, or pass ${chainNonce} or higher.`,
      },
    )
    this.nonce = nonce
    this.chainNonce = chainNonce
  }
}

export type SafeNonceConflictErrorType = SafeNonceConflictError & {
  name: 'SafeNonceConflictError'
}

/**
 * An explicit nonce collides with a transaction already queued on the
 * Transaction Service.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors
 *
 * @example
 * ```ts
 * import { SafeNonceConflictError, buildSafePlan } from '@storydao/safe'
 *
 * try {
 *   await buildSafePlan(client, { safe, calls, nonce: 3n, service })
 * } catch (error) {
 *   if (error instanceof SafeNonceConflictError) console.error(error.queued)
 * }
 * ```
 */
export class SafeNonceConflictError extends OpsError {
  override name = 'SafeNonceConflictError'
  /** The nonce asked for. */
  nonce: bigint
  /** safeTxHashes of the queued transactions at that nonce. */
  queued: readonly Hex[]

  constructor({
    safe,
    nonce,
    queued,
  }: {
    safe: Address
    nonce: bigint
    queued: readonly Hex[]
  }) {
    super(
      `Nonce ${nonce} of Safe ${safe} is taken by ${queued.length} queued transaction${queued.length === 1 ? '' : 's'}.`,
      {
        code: 'SAFE_NONCE_CONFLICT',
        docsPath,
        version,
        metaMessages: queued.map((hash) => `- queued: ${hash}`),
        hint: 'Only one transaction per nonce can execute. Pass `replace: true` to build an alternative on purpose (e.g. to replace or reject the queued one), or omit `nonce` to use the next free nonce.',
      },
    )
    this.nonce = nonce
    this.queued = queued
  }
}

export type SafeDelegateCallErrorType = SafeDelegateCallError & {
  name: 'SafeDelegateCallError'
}

/**
 * A call asks for DELEGATECALL without the explicit opt-in, or inside a batch
 * (MultiSendCallOnly only makes plain calls).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors
 *
 * @example
 * ```ts
 * import { SafeDelegateCallError, buildSafePlan } from '@storydao/safe'
 *
 * try {
 *   await buildSafePlan(client, { safe, calls: [delegateCall] })
 * } catch (error) {
 *   if (error instanceof SafeDelegateCallError) console.error(error.to)
 * }
 * ```
 */
export class SafeDelegateCallError extends OpsError {
  override name = 'SafeDelegateCallError'
  /** Index of the offending call. */
  index: number
  /** Its target. */
  to: Address

  constructor({
    index,
    to,
    reason,
  }: {
    index: number
    to: Address
    reason: 'not-allowed' | 'in-batch'
  }) {
    super(
      reason === 'in-batch'
        ? `calls[${index}] is a DELEGATECALL to ${to} inside a batch; batches only make plain calls.`
        : `calls[${index}] is a DELEGATECALL to ${to}; refused without \`allowDelegateCall: true\`.`,
      {
        code: 'SAFE_DELEGATECALL_REFUSED',
        docsPath,
        version,
        hint:
          reason === 'in-batch'
            ? 'Batches go through MultiSendCallOnly, which reverts on delegatecall. Send the delegatecall as a Safe transaction of its own.'
            : 'A delegatecall runs foreign code with the Safe’s storage and funds (it can change owners or drain the Safe). Only opt in with `allowDelegateCall: true` for audited library contracts.',
      },
    )
    this.index = index
    this.to = to
  }
}

export type SafePlanInputErrorType = SafePlanInputError & {
  name: 'SafePlanInputError'
}

/**
 * A parameter of a Safe plan or transaction is malformed (empty batch,
 * negative value, non-hex data…); `path` names it.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors
 *
 * @example
 * ```ts
 * import { SafePlanInputError, buildSafePlan } from '@storydao/safe'
 *
 * try {
 *   await buildSafePlan(client, { safe, calls: [] })
 * } catch (error) {
 *   if (error instanceof SafePlanInputError) console.error(error.path)
 * }
 * ```
 */
export class SafePlanInputError extends OpsError {
  override name = 'SafePlanInputError'
  /** Where the bad value sits (`calls[2].value`, `safeTx.operation`…). */
  path: string

  constructor({
    path,
    message,
    hint,
    cause,
  }: {
    path: string
    message: string
    hint?: string | undefined
    cause?: unknown
  }) {
    super(`Invalid ${path}: ${message}`, {
      code: 'SAFE_PLAN_INVALID',
      docsPath,
      version,
      cause,
      hint,
    })
    this.path = path
  }
}

export type SafePlanIntegrityErrorType = SafePlanIntegrityError & {
  name: 'SafePlanIntegrityError'
}

/**
 * A plan's hashes do not match its transaction fields (it was edited after it
 * was built, or built for another chain or Safe version).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors
 *
 * @example
 * ```ts
 * import { SafePlanIntegrityError, signSafePlan } from '@storydao/safe'
 *
 * try {
 *   await signSafePlan({ ...plan, nonce: plan.nonce + 1n }, account)
 * } catch (error) {
 *   if (error instanceof SafePlanIntegrityError) console.error(error.computed)
 * }
 * ```
 */
export class SafePlanIntegrityError extends OpsError {
  override name = 'SafePlanIntegrityError'
  /** The safeTxHash the plan carries. */
  planned: Hex
  /** The safeTxHash of its fields. */
  computed: Hex

  constructor({
    planned,
    computed,
    detail,
  }: {
    planned: Hex
    computed: Hex
    detail?: string | undefined
  }) {
    super(
      typeof planned === 'string' && isHexEqual(planned, computed)
        ? 'The plan’s calls do not match its Safe transaction.'
        : 'The plan’s safeTxHash does not match its transaction fields.',
      {
        code: 'SAFE_PLAN_TAMPERED',
        docsPath,
        version,
        metaMessages: [
          `Plan safeTxHash:     ${planned}`,
          `Computed safeTxHash: ${computed}`,
          ...(detail ? [detail] : []),
        ],
        hint: 'Do not edit a plan after building it: rebuild it with buildSafePlan. Never sign a plan whose hashes you cannot reproduce.',
      },
    )
    this.planned = planned
    this.computed = computed
  }
}

export type MultiSendUnavailableErrorType = MultiSendUnavailableError & {
  name: 'MultiSendUnavailableError'
}

/**
 * No canonical MultiSendCallOnly deployment with the expected code was found on
 * the chain, so a batch cannot be built.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#errors
 *
 * @example
 * ```ts
 * import { MultiSendUnavailableError, buildSafePlan } from '@storydao/safe'
 *
 * try {
 *   await buildSafePlan(client, { safe, calls: [a, b] })
 * } catch (error) {
 *   if (error instanceof MultiSendUnavailableError) console.error(error.checked)
 * }
 * ```
 */
export class MultiSendUnavailableError extends OpsError {
  override name = 'MultiSendUnavailableError'
  /** Addresses that were checked. */
  checked: readonly Address[]

  constructor({
    chainId,
    checked,
  }: {
    chainId: number
    checked: readonly { version: string; address: Address; found: string }[]
  }) {
    super(`No canonical MultiSendCallOnly contract on chain ${chainId}.`, {
      code: 'SAFE_MULTISEND_UNAVAILABLE',
      docsPath,
      version,
      metaMessages: checked.map(
        ({ version, address, found }) => `- v${version} ${address}: ${found}`,
      ),
      hint: 'A batch delegatecalls MultiSendCallOnly; without its code the call would silently do nothing. Deploy the canonical Safe contracts (safe-deployments) or send the calls one by one.',
    })
    this.checked = checked.map(({ address }) => address)
  }
}
