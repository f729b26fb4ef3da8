import type { Address, Hex } from 'viem'
import { camelizeErrors } from './casing.js'
import { isConnectionError } from './chain.js'
import {
  networkName,
  now,
  type ServiceContext,
  type ServiceRequest,
} from './context.js'
import { activeDelegates } from './delegates.js'
import {
  type FieldSpec,
  isChecksummedAddress,
  validateFields,
} from './fields.js'
import { hashSafeTx } from './hashSafeTx.js'
import { checksumFailed, empty, json, type Reply } from './http.js'
import { pyRepr, pySetRepr } from './pythonRepr.js'
import {
  exportSignature,
  isSignatureValid,
  parseSignatures,
} from './signatures.js'
import type { StoredTransaction } from './storedTypes.js'
import { syncExecutions } from './syncExecutions.js'

// `POST /v2/safes/{address}/multisig-transactions/`
// (docs/safe-transaction-service.md#proposing-a-transaction;
// `history/views_v2.py` SafeMultisigTransactionListView.post,
// `history/serializers.py` SafeMultisigTransactionSerializer).

/**
 * Values the Safe hashes as `uint256`. The real service accepts larger ones
 * here and then fails while hashing (a 500); a field error names the culprit.
 */
const uint256: FieldSpec = {
  kind: 'integer',
  minValue: 0n,
  maxValue: 2n ** 256n - 1n,
}

/**
 * The confirmation endpoint's cap (`MAX_SIGNATURE_LENGTH`), also applied to
 * proposals: every 65-byte chunk costs an ecrecover, so an uncapped blob lets
 * one request hold the queue.
 */
export const maxSignatureBytes = 5000

/** Field order of the serializer (safe-eth-py base fields first). */
const fields: Record<string, FieldSpec> = {
  safe: { kind: 'address' },
  to: { kind: 'address', allowZeroAddress: true, allowSentinelAddress: true },
  value: uint256,
  data: { kind: 'hex', allowNull: true, allowBlank: true, default: null },
  operation: {
    kind: 'integer',
    minValue: 0n,
    // `validate_operation`: a SafeOperationEnum member (CALL, DELEGATE_CALL, CREATE).
    validate: (value: bigint) => (value > 2n ? 'Unknown operation' : undefined),
  },
  gas_token: {
    kind: 'address',
    allowNull: true,
    allowZeroAddress: true,
    default: null,
  },
  refund_receiver: {
    kind: 'address',
    allowNull: true,
    allowZeroAddress: true,
    default: null,
  },
  safe_tx_gas: uint256,
  base_gas: uint256,
  gas_price: uint256,
  nonce: uint256,
  contract_transaction_hash: { kind: 'hex', minLength: 32, maxLength: 32 },
  sender: { kind: 'address' },
  signature: {
    kind: 'hex',
    allowNull: true,
    required: false,
    minLength: 65,
    maxLength: maxSignatureBytes,
  },
  origin: { kind: 'char', maxLength: 200, allowNull: true, default: null },
}

class ProposalError extends Error {}
const reject = (message: string): never => {
  throw new ProposalError(message)
}

/** @internal Validates and stores a proposal; 201 with an empty body on success. */
export async function proposeTransaction(
  context: ServiceContext,
  request: ServiceRequest,
): Promise<Reply> {
  const safe = request.params.address!
  if (!isChecksummedAddress(safe)) return checksumFailed(safe)
  const body = await request.body()
  const result = validateFields(
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? { ...body, safe }
      : body,
    fields,
  )
  if (result.errors) return json(422, camelizeErrors(result.errors))
  const operation = Number(result.values.operation as bigint)
  try {
    return await validateAndSave(context, safe, operation, result.values)
  } catch (error) {
    if (error instanceof ProposalError)
      return json(422, { nonFieldErrors: [error.message] })
    throw error
  }
}

async function validateAndSave(
  context: ServiceContext,
  safe: Address,
  operation: number,
  values: Record<string, unknown>,
): Promise<Reply> {
  const { chain, store } = context
  if (operation === 2)
    reject('Operation CREATE not supported. Please use Safe CreateLib')

  const tx = {
    to: values.to as Address,
    value: values.value as bigint,
    data: (values.data as Hex | null) ?? '0x',
    operation,
    safeTxGas: values.safe_tx_gas as bigint,
    baseGas: values.base_gas as bigint,
    gasPrice: values.gas_price as bigint,
    gasToken: values.gas_token as Address | null,
    refundReceiver: values.refund_receiver as Address | null,
    nonce: values.nonce as bigint,
  }
  // `build_multisig_tx`: the Safe's on-chain VERSION(), 1.5.0 if undetectable.
  const version = await chain.getVersion(safe).catch((error: unknown) => {
    if (isConnectionError(error)) throw error
    return '1.5.0'
  })
  const { safeTxHash, preimage } = hashSafeTx({
    chainId: context.chainId,
    safe,
    version,
    tx,
  })
  const provided = values.contract_transaction_hash as Hex
  if (safeTxHash !== provided)
    reject(
      `Contract-transaction-hash=${safeTxHash} does not match provided contract-tx-hash=${provided}`,
    )

  await checkNotExecuted(context, safe, tx.nonce, safeTxHash)

  const owners = await chain.getOwners(safe).catch((error: unknown) => {
    if (isConnectionError(error))
      reject('Problem connecting to the ethereum node, please try again later')
    return reject(
      `Could not get Safe ${safe} owners from blockchain, check contract exists on network ${networkName(context.chainId)}`,
    )
  })
  const delegates = new Set(
    activeDelegates(store, safe, owners).map((entry) => entry.delegate),
  )
  const sender = values.sender as Address
  const ownersAndDelegates = `Current owners=${pyRepr(owners)}. Delegates=${pySetRepr(delegates)}`
  if (!owners.includes(sender) && !delegates.has(sender))
    reject(
      `Sender=${sender} is not an owner or delegate. ${ownersAndDelegates}`,
    )

  const parsed = values.signature
    ? await parseSignatures(values.signature as Hex, safeTxHash)
    : []
  const signers: Address[] = []
  for (const signature of parsed) {
    const owner = signature.owner
    if (
      !(await isSignatureValid(chain, signature, {
        hash: safeTxHash,
        preimage,
        approvalsOn: safe,
      }))
    )
      reject(`Signature=${signature.signature} for owner=${owner} is not valid`)
    if (delegates.has(owner) && parsed.length > 1)
      reject('Just one signature is expected if using delegates')
    if (!owners.includes(owner) && !delegates.has(owner))
      reject(
        `Signer=${owner} is not an owner or delegate. ${ownersAndDelegates}`,
      )
    if (signers.includes(owner))
      reject(`Signature for owner=${owner} is duplicated`)
    signers.push(owner)
  }
  if (signers.length > 0 && !signers.includes(sender))
    reject(
      `Signature does not match sender=${sender}. Calculated owners=${pyRepr(signers)}`,
    )

  // --- save (get_or_create on safeTxHash, confirmations per owner) ---
  const trusted = parsed.length > 0
  const origin = parseOrigin(values.origin as string | null)
  let stored = store.findTransaction(safeTxHash)
  const time = now()
  if (!stored) {
    const byDelegate = !owners.includes(sender)
    const proposer = byDelegate
      ? activeDelegates(store, safe, owners).find(
          (entry) => entry.delegate === sender,
        )!.delegator
      : sender
    stored = {
      safe,
      to: tx.to,
      value: String(tx.value),
      data: values.data as Hex | null,
      operation,
      safeTxGas: String(tx.safeTxGas),
      baseGas: String(tx.baseGas),
      gasPrice: String(tx.gasPrice),
      gasToken: tx.gasToken,
      refundReceiver: tx.refundReceiver,
      nonce: String(tx.nonce),
      safeTxHash,
      proposer,
      proposedByDelegate: byDelegate ? sender : null,
      origin,
      trusted,
      created: time,
      modified: time,
      confirmations: [],
      execution: null,
    } satisfies StoredTransaction
    store.state.transactions.push(stored)
  } else if (trusted && !stored.trusted) {
    // `save(update_fields=["origin", "trusted"])`: `modified` is not written.
    stored.origin = origin
    stored.trusted = true
  }
  for (const signature of parsed)
    if (
      owners.includes(signature.owner) &&
      !stored.confirmations.some((c) => c.owner === signature.owner)
    )
      stored.confirmations.push({
        owner: signature.owner,
        created: time,
        signature: exportSignature(signature),
        signatureType: signature.type,
      })
  store.save()
  return empty(201)
}

/**
 * The service rejects a nonce it has indexed as executed for this Safe. With
 * no indexer, "indexed as executed" is: a stored transaction marked executed
 * (from the Safe's execution logs), or — stricter than the real service, which
 * accepts a stale nonce it has not indexed — any nonce below the on-chain
 * nonce (docs/safe-transaction-service.md#validation-order). The message names the Ethereum transaction
 * that used the nonce: the n-th execution log of a Safe executed nonce n.
 */
async function checkNotExecuted(
  context: ServiceContext,
  safe: Address,
  nonce: bigint,
  safeTxHash: Hex,
): Promise<void> {
  const logs = await syncExecutions(context, safe)
  const executed = context.store
    .transactionsOf(safe)
    .filter((tx) => tx.execution && BigInt(tx.nonce) === nonce)
  if (executed.length > 0) {
    const same = executed.find((tx) => tx.safeTxHash === safeTxHash)
    if (same)
      reject(
        `Tx with safe-tx-hash=${safeTxHash} for safe=${safe} was already executed in tx-hash=${same.execution!.transactionHash}`,
      )
    reject(
      `Tx with nonce=${nonce} for safe=${safe} already executed in tx-hash=${executed[0]!.execution!.transactionHash}`,
    )
  }
  const onChainNonce = await context.chain
    .getNonce(safe)
    .catch((error: unknown) => {
      if (isConnectionError(error)) throw error
      return 0n
    })
  if (nonce >= onChainNonce) return
  const log =
    logs.length === Number(onChainNonce) ? logs[Number(nonce)] : undefined
  if (log?.safeTxHash === safeTxHash)
    reject(
      `Tx with safe-tx-hash=${safeTxHash} for safe=${safe} was already executed in tx-hash=${log.transactionHash}`,
    )
  reject(
    log
      ? `Tx with nonce=${nonce} for safe=${safe} already executed in tx-hash=${log.transactionHash}`
      : `Tx with nonce=${nonce} for safe=${safe} already executed (on-chain nonce=${onChainNonce})`,
  )
}

/** `validate_origin`: JSON when it parses, else the string; none → `{}`. */
function parseOrigin(origin: string | null): unknown {
  if (!origin) return {}
  try {
    return JSON.parse(origin)
  } catch {
    return origin
  }
}
