import type { Address, Hex } from 'viem'
import { camelizeErrors } from './casing.js'
import { isConnectionError } from './chain.js'
import type { ServiceContext, ServiceRequest } from './context.js'
import { isChecksummedAddress } from './fields.js'
import { checksumFailed, json, type Reply } from './http.js'
import {
  lastParam,
  paginate,
  toConfirmationResponse,
  toTransactionResponse,
} from './serializers.js'
import type { StoredTransaction } from './storedTypes.js'
import { syncExecutions } from './syncExecutions.js'

// Reads of stored transactions (docs/safe-transaction-service.md#reading-transactions; `history/views_v2.py`,
// `history/filters.py` MultisigTransactionFilter).

/** @internal `GET /v2/multisig-transactions/{safeTxHash}/` */
export async function getTransaction(
  context: ServiceContext,
  request: ServiceRequest,
): Promise<Reply> {
  const hash = request.params.safeTxHash!.toLowerCase() as Hex
  const stored = context.store.findTransaction(hash)
  if (!stored)
    return json(404, {
      detail: /^0x[0-9a-f]{64}$/.test(hash)
        ? 'No MultisigTransaction matches the given query.'
        : 'Not found.',
    })
  await syncExecutions(context, stored.safe)
  const threshold = await readThreshold(context, stored.safe)
  return json(
    200,
    toTransactionResponse(stored, threshold ?? stored.confirmations.length),
  )
}

/** @internal `GET /v1/multisig-transactions/{safeTxHash}/confirmations/` */
export function listConfirmations(
  context: ServiceContext,
  request: ServiceRequest,
): Reply {
  const hash = request.params.safeTxHash!.toLowerCase() as Hex
  const confirmations = context.store.findTransaction(hash)?.confirmations ?? []
  return json(
    200,
    paginate(confirmations.map(toConfirmationResponse), request.url),
  )
}

/** @internal `GET /v2/safes/{address}/multisig-transactions/?…` */
export async function listTransactions(
  context: ServiceContext,
  request: ServiceRequest,
): Promise<Reply> {
  const safe = request.params.address!
  if (!isChecksummedAddress(safe)) return checksumFailed(safe)
  await syncExecutions(context, safe)
  const query = request.url.searchParams
  const { predicates, errors } = parseFilters(query)
  if (errors) return json(400, camelizeErrors(errors))

  const all = context.store.transactionsOf(safe)
  const matches = all.filter((tx) => predicates.every((test) => test(tx)))
  const sorted = sortTransactions(matches, lastParam(query, 'ordering'))
  const threshold = await readThreshold(context, safe)
  const page = paginate(sorted, request.url)
  // countUniqueNonce: trusted only unless `trusted` parses as false
  // (`parse_boolean_query_param`), independent of the other filters.
  const onlyTrusted = ['true', 'True', '1'].includes(
    lastParam(query, 'trusted') ?? 'true',
  )
  const uniqueNonces = new Set(
    all.filter((tx) => !onlyTrusted || tx.trusted).map((tx) => tx.nonce),
  )
  return json(200, {
    ...page,
    results: page.results.map((tx) =>
      toTransactionResponse(tx, threshold ?? tx.confirmations.length),
    ),
    countUniqueNonce: uniqueNonces.size,
  })
}

async function readThreshold(
  context: ServiceContext,
  safe: Address,
): Promise<number | undefined> {
  try {
    return Number(await context.chain.getThreshold(safe))
  } catch (error) {
    if (isConnectionError(error)) throw error
    return undefined
  }
}

type Predicate = (tx: StoredTransaction) => boolean

/** django-filter semantics: invalid booleans are ignored, invalid numbers and dates are 400s. */
function parseFilters(query: URLSearchParams): {
  predicates: Predicate[]
  errors?: Record<string, string[]>
} {
  const predicates: Predicate[] = []
  const errors: Record<string, string[]> = {}
  const boolean = (name: string) => {
    const raw = lastParam(query, name)?.toLowerCase()
    return raw === 'true' || raw === '1'
      ? true
      : raw === 'false' || raw === '0'
        ? false
        : undefined
  }
  const executed = boolean('executed')
  if (executed !== undefined)
    predicates.push((tx) => (tx.execution !== null) === executed)
  const hasConfirmations = boolean('has_confirmations')
  if (hasConfirmations !== undefined)
    predicates.push((tx) => tx.confirmations.length > 0 === hasConfirmations)
  // Only trusted transactions unless `trusted=false` (docs/safe-transaction-service.md#reading-transactions).
  if (boolean('trusted') !== false) predicates.push((tx) => tx.trusted)
  const failed = boolean('failed')
  if (failed !== undefined)
    predicates.push(
      (tx) => tx.execution !== null && tx.execution.success === !failed,
    )

  const numeric = (name: string, field: (tx: StoredTransaction) => string) => {
    for (const [suffix, accept] of comparisons) {
      const key = `${name}${suffix}`
      const raw = lastParam(query, key)
      if (raw === undefined || raw === '') continue
      const decimal = parseDecimal(raw)
      if (!decimal) errors[key] = ['Enter a number.']
      else
        predicates.push((tx) =>
          accept(compareDecimal(BigInt(field(tx)), decimal)),
        )
    }
  }
  numeric('nonce', (tx) => tx.nonce)
  numeric('value', (tx) => tx.value)

  const dates = (
    name: string,
    field: (tx: StoredTransaction) => string | null,
  ) => {
    for (const [suffix, accept] of comparisons) {
      const key = `${name}${suffix}`
      const raw = lastParam(query, key)
      if (raw === undefined || raw === '' || suffix === '') continue
      const time = parseIsoDate(raw)
      if (time === undefined) errors[key] = ['Enter a valid date/time.']
      else
        predicates.push((tx) => {
          const value = field(tx)
          return value !== null && accept(Math.sign(Date.parse(value) - time))
        })
    }
  }
  dates('modified', (tx) => tx.modified)
  dates('submission_date', (tx) => tx.created)
  dates('execution_date', (tx) => tx.execution?.executionDate ?? null)

  const to = lastParam(query, 'to')
  if (to)
    if (!isChecksummedAddress(to))
      errors.to = ['Enter a valid checksummed Ethereum Address.']
    else predicates.push((tx) => tx.to === to)
  const safeTxHash = lastParam(query, 'safe_tx_hash')?.toLowerCase()
  if (safeTxHash) predicates.push((tx) => tx.safeTxHash === safeTxHash)
  const transactionHash = lastParam(query, 'transaction_hash')?.toLowerCase()
  if (transactionHash)
    predicates.push((tx) => tx.execution?.transactionHash === transactionHash)

  return Object.keys(errors).length > 0
    ? { predicates, errors }
    : { predicates }
}

const comparisons: [string, (sign: number) => boolean][] = [
  ['', (sign) => sign === 0],
  ['__lt', (sign) => sign < 0],
  ['__gt', (sign) => sign > 0],
  ['__lte', (sign) => sign <= 0],
  ['__gte', (sign) => sign >= 0],
]

type Decimal = { scaled: bigint; decimals: number }

function parseDecimal(text: string): Decimal | undefined {
  const match = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(text)
  if (!match || (match[2] === '' && !match[3])) return undefined
  const fraction = match[3] ?? ''
  return {
    scaled: BigInt(`${match[1]}${match[2] || '0'}${fraction}`),
    decimals: fraction.length,
  }
}

function compareDecimal(value: bigint, decimal: Decimal): number {
  const left = value * 10n ** BigInt(decimal.decimals)
  return left === decimal.scaled ? 0 : left < decimal.scaled ? -1 : 1
}

function parseIsoDate(text: string): number | undefined {
  const trimmed = text.trim()
  if (
    !/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(
      trimmed,
    )
  )
    return undefined
  // Naive datetimes are UTC (`USE_TZ = True`, `TIME_ZONE = "UTC"`).
  const zoned =
    /[T ]/.test(trimmed) && !/(Z|[+-]\d{2}:?\d{2})$/.test(trimmed)
      ? `${trimmed.replace(' ', 'T')}Z`
      : trimmed.replace(' ', 'T')
  const time = Date.parse(zoned)
  return Number.isNaN(time) ? undefined : time
}

/** `OrderingFilter` over `nonce|created|modified`; default `-nonce, -created`. */
function sortTransactions(
  transactions: StoredTransaction[],
  ordering: string | undefined,
): StoredTransaction[] {
  const allowed = new Set(['nonce', 'created', 'modified'])
  const terms = (ordering ?? '')
    .split(',')
    .map((term) => term.trim())
    .filter((term) => allowed.has(term.replace(/^-/, '')))
  const keys = terms.length > 0 ? terms : ['-nonce', '-created']
  const indexed = transactions.map((tx, index) => ({ tx, index }))
  const compareField = (
    a: StoredTransaction,
    b: StoredTransaction,
    field: string,
  ) => {
    if (field === 'nonce') {
      const [x, y] = [BigInt(a.nonce), BigInt(b.nonce)]
      return x === y ? 0 : x < y ? -1 : 1
    }
    const [x, y] =
      field === 'created' ? [a.created, b.created] : [a.modified, b.modified]
    return x === y ? 0 : x < y ? -1 : 1
  }
  indexed.sort((a, b) => {
    for (const key of keys) {
      const descending = key.startsWith('-')
      const field = key.replace(/^-/, '')
      let result = compareField(a.tx, b.tx, field)
      // Same timestamp: creation order decides (it is what `created` means).
      if (result === 0 && field === 'created') result = a.index - b.index
      if (result !== 0) return descending ? -result : result
    }
    return a.index - b.index
  })
  return indexed.map(({ tx }) => tx)
}
