import { type Address, type Hex, hashTypedData } from 'viem'
import { camelizeErrors } from './casing.js'
import type { ServiceContext, ServiceRequest } from './context.js'
import { isChecksummedAddress, validateFields } from './fields.js'
import { checksumFailed, empty, json, type Reply } from './http.js'
import { lastParam, paginate, toDelegateResponse } from './serializers.js'
import { isSignatureValid, parseSignatures } from './signatures.js'
import type { Store } from './store.js'
import type { StoredDelegate } from './storedTypes.js'

// `/v2/delegates/` (docs/safe-transaction-service.md#delegates; `history/views_v2.py` DelegateListView,
// DelegateDeleteView; `history/serializers.py` DelegateSerializerV2,
// DelegateDeleteSerializerV2, DelegateSerializerMixin).

class DelegateValidationError extends Error {}

/**
 * @internal
 * Delegates that may propose for `safe`: delegates of a current owner, for
 * this Safe or for every Safe, not expired (`SafeContractDelegateManager`).
 */
export function activeDelegates(
  store: Store,
  safe: Address,
  owners: readonly Address[],
): StoredDelegate[] {
  const time = Date.now()
  return store.state.delegates.filter(
    (entry) =>
      (entry.safe === safe || entry.safe === null) &&
      owners.includes(entry.delegator) &&
      (entry.expiryDate === null ||
        new Date(entry.expiryDate).getTime() > time),
  )
}

/** @internal `GET /v2/delegates/?safe=&delegate=&delegator=&label=` */
export function listDelegates(
  context: ServiceContext,
  request: ServiceRequest,
): Reply {
  const query = request.url.searchParams
  const filters: Partial<
    Record<'safe' | 'delegate' | 'delegator' | 'label', string>
  > = {}
  const errors: Record<string, string[]> = {}
  for (const name of ['safe', 'delegate', 'delegator', 'label'] as const) {
    const value = lastParam(query, name)
    if (!value) continue
    if (name !== 'label' && !isChecksummedAddress(value))
      errors[name] = ['Enter a valid checksummed Ethereum Address.']
    else filters[name] = value
  }
  if (Object.keys(errors).length > 0) return json(400, camelizeErrors(errors))
  if (Object.keys(filters).length === 0)
    return json(400, ['At least one query param must be provided'])
  const matches = context.store.state.delegates.filter(
    (entry) =>
      (filters.safe === undefined || entry.safe === filters.safe) &&
      (filters.delegate === undefined || entry.delegate === filters.delegate) &&
      (filters.delegator === undefined ||
        entry.delegator === filters.delegator) &&
      (filters.label === undefined || entry.label === filters.label),
  )
  return json(200, paginate(matches.map(toDelegateResponse), request.url))
}

/** @internal `POST /v2/delegates/` */
export async function addDelegate(
  context: ServiceContext,
  request: ServiceRequest,
): Promise<Reply> {
  const result = validateFields(await request.body(), {
    safe: { kind: 'address', allowNull: true, default: null },
    delegate: { kind: 'address' },
    delegator: { kind: 'address' },
    signature: { kind: 'hex', minLength: 65, maxLength: 5000 },
    label: { kind: 'char', maxLength: 50 },
    expiry_date: { kind: 'datetime', allowNull: true, default: null },
  })
  if (result.errors) return json(400, camelizeErrors(result.errors))
  const values = result.values
  const expiryDate = values.expiry_date as Date | null
  if (expiryDate && expiryDate.getTime() <= Date.now())
    return json(400, {
      expiryDate: ['`expiry_date` cannot be previous to the current timestamp'],
    })
  const safe = values.safe as Address | null
  const delegate = values.delegate as Address
  const delegator = values.delegator as Address
  const signature = values.signature as Hex
  try {
    await checkSafeAndDelegator(context, safe, delegator)
    if (!(await signatureMatches(context, delegate, signature, delegator)))
      throw new DelegateValidationError(
        `Signature does not match provided delegator=${delegator}`,
      )
  } catch (error) {
    if (error instanceof DelegateValidationError)
      return json(400, { nonFieldErrors: [error.message] })
    throw error
  }
  const label = values.label as string
  const entry: StoredDelegate = {
    safe,
    delegate,
    delegator,
    label,
    expiryDate: expiryDate?.toISOString() ?? null,
  }
  const delegates = context.store.state.delegates
  const index = delegates.findIndex(
    (existing) =>
      existing.safe === safe &&
      existing.delegate === delegate &&
      existing.delegator === delegator,
  )
  if (index >= 0) delegates[index] = entry
  else delegates.push(entry)
  context.store.save()
  return json(201, {
    safe,
    delegate,
    delegator,
    signature,
    label,
    expiryDate: toDelegateResponse(entry).expiryDate,
  })
}

/** @internal `DELETE /v2/delegates/{delegate}/` */
export async function removeDelegate(
  context: ServiceContext,
  request: ServiceRequest,
): Promise<Reply> {
  const delegate = request.params.delegate!
  if (!isChecksummedAddress(delegate)) return checksumFailed(delegate)
  const result = validateFields(await request.body(), {
    safe: { kind: 'address', allowNull: true, default: null },
    delegator: { kind: 'address' },
    signature: { kind: 'hex', minLength: 65, maxLength: 5000 },
  })
  if (result.errors) return json(400, camelizeErrors(result.errors))
  const safe = result.values.safe as Address | null
  const delegator = result.values.delegator as Address
  const signature = result.values.signature as Hex
  try {
    await checkSafeAndDelegator(context, safe, delegator)
    if (
      !(await signatureMatches(context, delegate, signature, delegator)) &&
      !(await signatureMatches(context, delegate, signature, delegate))
    )
      throw new DelegateValidationError(
        `Signature does not match provided delegate=${delegate} or delegator=${delegator}`,
      )
  } catch (error) {
    if (error instanceof DelegateValidationError)
      return json(400, { nonFieldErrors: [error.message] })
    throw error
  }
  const before = context.store.state.delegates.length
  context.store.state.delegates = context.store.state.delegates.filter(
    (entry) =>
      !(
        entry.delegate === delegate &&
        entry.delegator === delegator &&
        (safe === null || entry.safe === safe)
      ),
  )
  if (context.store.state.delegates.length === before) return empty(404)
  context.store.save()
  return empty(204)
}

async function checkSafeAndDelegator(
  context: ServiceContext,
  safe: Address | null,
  delegator: Address,
): Promise<void> {
  if (!safe) return
  // "Indexed" here = the address answers like a Safe on chain.
  const state = await context.chain.getSafeState(safe)
  if (!state)
    throw new DelegateValidationError(
      `Safe=${safe} does not exist or it's still not indexed`,
    )
  if (!state.owners.includes(delegator))
    throw new DelegateValidationError(
      `Provided delegator=${delegator} is not an owner of Safe=${safe}`,
    )
}

/**
 * `validate_delegator_signature`: EIP-712 `Delegate(address delegateAddress,
 * uint256 totp)` under the previous or current totp, with or without chainId.
 */
async function signatureMatches(
  context: ServiceContext,
  delegate: Address,
  signature: Hex,
  signer: Address,
): Promise<boolean> {
  const seconds = Math.floor(Date.now() / 1000)
  for (const previous of [true, false])
    for (const chainId of [context.chainId, undefined]) {
      const totp = BigInt(Math.floor((seconds - (previous ? 3600 : 0)) / 3600))
      const hash = hashTypedData({
        domain: {
          name: 'Safe Transaction Service',
          version: '1.0',
          ...(chainId === undefined ? {} : { chainId }),
        },
        types: {
          Delegate: [
            { name: 'delegateAddress', type: 'address' },
            { name: 'totp', type: 'uint256' },
          ],
        },
        primaryType: 'Delegate',
        message: { delegateAddress: delegate, totp },
      })
      const parsed = await parseSignatures(signature, hash)
      if (parsed.length === 0)
        throw new DelegateValidationError('Signature is not valid')
      if (parsed.length > 1)
        throw new DelegateValidationError(
          'More than one signatures detected, just one is expected',
        )
      const [only] = parsed as [(typeof parsed)[number]]
      if (
        !(await isSignatureValid(context.chain, only, {
          hash,
          preimage: hash,
          approvalsOn: only.owner,
        }))
      )
        throw new DelegateValidationError(
          `Signature of type=${only.type} for signer=${signer} is not valid`,
        )
      if (only.owner === signer) return true
    }
  return false
}
