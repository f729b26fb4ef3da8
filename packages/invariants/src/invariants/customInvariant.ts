import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import {
  InvalidStateReadError,
  type InvalidStateReadErrorType,
} from '../errors/invariant.js'
import { version } from '../errors/version.js'
import { readKey } from '../internal/readState.js'
import { toInvariantValue } from '../internal/values.js'
import type {
  DecodedLog,
  Invariant,
  InvariantValue,
  StateRead,
} from '../types.js'

export type CustomInvariantParameters<
  reads extends { readonly [key: string]: StateRead },
> = {
  /** Name, also the invariant's id (keep it unique within a set). */
  name: string
  /** Readable description; defaults to `name`. */
  description?: string | undefined
  /** The state to read, by key; batched with every other invariant's reads. */
  read: reads
  /** Whether `check` needs `before` (then a baseline is required). Default `false`. */
  needsBefore?: boolean | undefined
  /** Verdict from the values read (decoded as viem decodes return values). */
  check(context: {
    /** Values before the transaction (`undefined` without a baseline). */
    before: { readonly [key in keyof reads]: unknown } | undefined
    /** Values after the transaction (or now). */
    after: { readonly [key in keyof reads]: unknown }
    /** The transaction's decoded logs (empty outside a simulation). */
    logs: readonly DecodedLog[]
  }):
    | boolean
    | {
        ok: boolean
        expected?: InvariantValue | undefined
        actual?: InvariantValue | undefined
        message?: string | undefined
      }
}

export type CustomInvariantReturnType = Invariant

export type CustomInvariantErrorType =
  | MissingParameterErrorType
  | InvalidStateReadErrorType

/**
 * An invariant of your own: declare the reads (batched with all the others)
 * and a pure `check` over the values before and after.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#custominvariant
 *
 * @example
 * ```ts
 * import { treasuryAbi } from '@storydao/core'
 * import { customInvariant } from '@storydao/invariants'
 *
 * const noWithdrawals = customInvariant({
 *   name: 'treasuryWithdrawalCountUnchanged',
 *   read: {
 *     count: { type: 'call', address: treasury, abi: treasuryAbi, functionName: 'withdrawalCount' },
 *   },
 *   needsBefore: true,
 *   check: ({ before, after }) => before?.count === after.count,
 * })
 * ```
 *
 * @param parameters - {@link CustomInvariantParameters}
 * @returns The {@link Invariant}.
 * @throws {InvalidStateReadError} When a read's arguments do not encode with its ABI.
 */
export function customInvariant<
  const reads extends { readonly [key: string]: StateRead },
>(parameters: CustomInvariantParameters<reads>): CustomInvariantReturnType {
  assertParameters('customInvariant', parameters, ['name', 'read', 'check'], {
    version,
  })
  const { name, read, check } = parameters
  // Encode every read now, so a wrong ABI or argument fails here, not mid-check.
  for (const [key, item] of Object.entries(read))
    try {
      readKey(item)
    } catch (cause) {
      throw new InvalidStateReadError({ invariant: name, read: key, cause })
    }
  return {
    name,
    id: name,
    description: parameters.description ?? name,
    reads: read,
    needsBefore: parameters.needsBefore ?? false,
    needsLogs: true,
    evaluate(context) {
      const verdict = check(
        context as Parameters<CustomInvariantParameters<reads>['check']>[0],
      )
      const outcome = typeof verdict === 'boolean' ? { ok: verdict } : verdict
      const after = toInvariantValue(context.after)
      return {
        ok: outcome.ok,
        expected: outcome.expected ?? null,
        actual: outcome.actual ?? after,
        message:
          outcome.message ??
          `${parameters.description ?? name} ${outcome.ok ? 'holds' : 'does not hold'}.`,
      }
    },
  }
}
