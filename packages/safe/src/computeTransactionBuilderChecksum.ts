import type { MissingParameterErrorType } from '@storydao/core'
import { type Hex, keccak256, stringToBytes } from 'viem'
import { assertPresent } from './internal/assertPresent.js'
import type { TransactionBuilderBatch } from './types/transactionBuilder.js'

export type ComputeTransactionBuilderChecksumParameters =
  | TransactionBuilderBatch
  | Record<string, unknown>

export type ComputeTransactionBuilderChecksumReturnType = Hex

export type ComputeTransactionBuilderChecksumErrorType =
  MissingParameterErrorType

/**
 * The `meta.checksum` of a Transaction Builder batch, exactly as Safe{Wallet}'s
 * Transaction Builder computes and validates it (docs/safe-formats.md#checksum): `meta` without
 * its `checksum` key and with `name: null`, serialized with sorted keys (every
 * value followed by a comma, `undefined` as `null`), then keccak256 of the
 * UTF-8 text. Renaming a batch keeps its checksum; any other change breaks it.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/safe/README.md#computetransactionbuilderchecksum
 *
 * @example
 * ```ts
 * import { computeTransactionBuilderChecksum } from '@storydao/safe'
 *
 * const batch = JSON.parse(text)
 * const valid = computeTransactionBuilderChecksum(batch) === batch.meta.checksum
 * ```
 *
 * @param batch - The batch (its existing `meta.checksum`, if any, is ignored).
 * @returns `0x` + 64 lowercase hex digits.
 */
export function computeTransactionBuilderChecksum(
  batch: ComputeTransactionBuilderChecksumParameters,
): ComputeTransactionBuilderChecksumReturnType {
  assertPresent(
    'computeTransactionBuilderChecksum',
    batch,
    'batch',
    'a Transaction Builder batch object',
  )
  const { meta, ...rest } = batch as Record<string, unknown>
  const metaWithoutChecksum =
    meta !== null && typeof meta === 'object'
      ? (() => {
          const { checksum: _, ...others } = meta as Record<string, unknown>
          return { ...others, name: null }
        })()
      : meta
  // Spread order does not matter: keys are sorted by the serializer.
  return keccak256(
    stringToBytes(serialize({ ...rest, meta: metaWithoutChecksum })),
  )
}

/**
 * safe-wallet-monorepo `apps/tx-builder/src/lib/checksum.ts`
 * `serializeJSONObject`: `{` + JSON of the sorted key list, then each value
 * serialized and followed by `,`, then `}` — no separator after the key list.
 */
function serialize(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(serialize).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record).sort()
    let out = `{${JSON.stringify(keys)}`
    for (const key of keys) out += `${serialize(record[key])},`
    return `${out}}`
  }
  // JSON.stringify(undefined) is undefined; the app's replacer maps it to null.
  return value === undefined ? 'null' : JSON.stringify(value)
}
