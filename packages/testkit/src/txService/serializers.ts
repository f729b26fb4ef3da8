import { pyJsonDumps } from './pythonRepr.js'
import type {
  StoredConfirmation,
  StoredDelegate,
  StoredTransaction,
} from './storedTypes.js'

// Response bodies in the service's shapes and key order (docs/safe-transaction-service.md#reading-transactions,
// #safe-and-service-info, #delegates).

/**
 * @internal
 * DRF's datetime rendering: `isoformat()` with `+00:00` → `Z`; microseconds
 * only when non-zero.
 */
export function formatDate(iso: string | null): string | null {
  if (iso === null) return null
  const date = new Date(iso)
  const base = date.toISOString().slice(0, 19)
  const ms = date.getUTCMilliseconds()
  return ms === 0 ? `${base}Z` : `${base}.${String(ms).padStart(3, '0')}000Z`
}

/** @internal A confirmation as `SafeMultisigConfirmationResponseSerializer` renders it. */
export function toConfirmationResponse(confirmation: StoredConfirmation) {
  return {
    owner: confirmation.owner,
    submissionDate: formatDate(confirmation.created),
    transactionHash: null,
    signature: confirmation.signature,
    signatureType: confirmation.signatureType,
  }
}

/** @internal A transaction as `SafeMultisigTransactionResponseSerializerV2` renders it. */
export function toTransactionResponse(
  tx: StoredTransaction,
  confirmationsRequired: number,
) {
  const execution = tx.execution
  const fee =
    execution?.gasUsed && execution.ethGasPrice
      ? String(BigInt(execution.gasUsed) * BigInt(execution.ethGasPrice))
      : null
  return {
    safe: tx.safe,
    to: tx.to,
    value: tx.value,
    data: tx.data,
    operation: tx.operation,
    gasToken: tx.gasToken,
    safeTxGas: tx.safeTxGas,
    baseGas: tx.baseGas,
    gasPrice: tx.gasPrice,
    refundReceiver: tx.refundReceiver,
    nonce: tx.nonce,
    executionDate: formatDate(execution?.executionDate ?? null),
    submissionDate: formatDate(tx.created),
    modified: formatDate(tx.modified),
    blockNumber: execution ? Number(execution.blockNumber) : null,
    transactionHash: execution?.transactionHash ?? null,
    safeTxHash: tx.safeTxHash,
    proposer: tx.proposer,
    proposedByDelegate: tx.proposedByDelegate,
    executor: execution?.executor ?? null,
    isExecuted: execution !== null,
    isSuccessful: execution ? execution.success : null,
    ethGasPrice: execution?.ethGasPrice ?? null,
    maxFeePerGas: execution?.maxFeePerGas ?? null,
    maxPriorityFeePerGas: execution?.maxPriorityFeePerGas ?? null,
    gasUsed: execution?.gasUsed ? Number(execution.gasUsed) : null,
    fee,
    payment: execution ? execution.payment : null,
    // JSONField origin: a stored string reads back as-is, anything else as Python json.dumps.
    origin: typeof tx.origin === 'string' ? tx.origin : pyJsonDumps(tx.origin),
    dataDecoded: null,
    confirmationsRequired,
    confirmations: tx.confirmations.map(toConfirmationResponse),
    trusted: tx.trusted,
    signatures: execution?.signatures ?? null,
  }
}

/** @internal A delegate as `SafeDelegateResponseSerializer` renders it. */
export function toDelegateResponse(delegate: StoredDelegate) {
  return {
    safe: delegate.safe,
    delegate: delegate.delegate,
    delegator: delegate.delegator,
    label: delegate.label,
    expiryDate: formatDate(delegate.expiryDate),
  }
}

/** @internal DRF `LimitOffsetPagination` with the service's `DefaultPagination` (100 / 200). */
export function paginate<item>(
  items: readonly item[],
  requestUrl: URL,
): {
  count: number
  next: string | null
  previous: string | null
  results: item[]
} {
  const query = requestUrl.searchParams
  const limit = positiveInt(lastParam(query, 'limit'), true, 200) ?? 100
  const offset = positiveInt(lastParam(query, 'offset'), false) ?? 0
  const count = items.length
  const link = (set: Record<string, number | null>) => {
    const params = new Map<string, string[]>()
    for (const [key, value] of query)
      params.set(key, [...(params.get(key) ?? []), value])
    for (const [key, value] of Object.entries(set))
      if (value === null) params.delete(key)
      else params.set(key, [String(value)])
    const search = [...params.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([key, values]) =>
        values.map((value) => `${quotePlus(key)}=${quotePlus(value)}`),
      )
      .join('&')
    return `${requestUrl.origin}${requestUrl.pathname}${search ? `?${search}` : ''}`
  }
  return {
    count,
    next:
      offset + limit >= count ? null : link({ limit, offset: offset + limit }),
    previous:
      offset <= 0
        ? null
        : offset - limit <= 0
          ? link({ limit, offset: null })
          : link({ limit, offset: offset - limit }),
    results:
      count === 0 || offset > count ? [] : items.slice(offset, offset + limit),
  }
}

/** @internal QueryDict semantics: the last value of a repeated key wins. */
export function lastParam(
  query: URLSearchParams,
  key: string,
): string | undefined {
  return query.getAll(key).at(-1)
}

// DRF `_positive_int`: int(), negative rejected, zero rejected when strict.
function positiveInt(
  text: string | undefined,
  strict: boolean,
  cutoff?: number,
): number | undefined {
  if (text === undefined || !/^\s*[+-]?\d+\s*$/.test(text)) return undefined
  const value = Number.parseInt(text.trim(), 10)
  if (value < 0 || (value === 0 && strict)) return undefined
  return cutoff === undefined ? value : Math.min(value, cutoff)
}

// Python `urllib.parse.quote_plus` (safe: letters, digits, `_.-~`).
function quotePlus(text: string): string {
  return encodeURIComponent(text)
    .replace(
      /[!'()*]/g,
      (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
    )
    .replace(/%20/g, '+')
}
