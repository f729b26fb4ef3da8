import type { Address, Hex } from 'viem'
import { camelizeErrors } from './casing.js'
import { isConnectionError } from './chain.js'
import {
  networkName,
  now,
  type ServiceContext,
  type ServiceRequest,
} from './context.js'
import { validateFields } from './fields.js'
import { hashSafeTx } from './hashSafeTx.js'
import { json, type Reply } from './http.js'
import { maxSignatureBytes } from './proposeTransaction.js'
import { pyRepr } from './pythonRepr.js'
import {
  exportSignature,
  isSignatureValid,
  parseSignatures,
} from './signatures.js'
import type { StoredTransaction } from './storedTypes.js'
import { syncExecutions } from './syncExecutions.js'

// `POST /v1/multisig-transactions/{safeTxHash}/confirmations/`
// (docs/safe-transaction-service.md#confirming;
// `history/serializers.py` SafeMultisigConfirmationSerializer). DRF `create`
// with `raise_exception=True`: failures are 400 `{"signature": [msg]}`, an
// unknown hash 404.

class ConfirmationError extends Error {}
const reject = (message: string): never => {
  throw new ConfirmationError(message)
}

/** @internal Adds owner signatures to a stored transaction; 201 `{"signature"}`. */
export async function confirmTransaction(
  context: ServiceContext,
  request: ServiceRequest,
): Promise<Reply> {
  const pathHash = request.params.safeTxHash!
  const result = validateFields(await request.body(), {
    signature: { kind: 'hex', minLength: 65, maxLength: maxSignatureBytes },
  })
  if (result.errors) return json(400, camelizeErrors(result.errors))
  const signature = result.values.signature as Hex
  const stored = context.store.findTransaction(pathHash.toLowerCase() as Hex)
  if (!stored)
    return json(404, {
      detail: `Multisig transaction with safe-tx-hash=${pathHash} was not found`,
    })
  try {
    await addConfirmations(context, stored, pathHash, signature)
  } catch (error) {
    if (error instanceof ConfirmationError)
      return json(400, { signature: [error.message] })
    throw error
  }
  return json(201, { signature })
}

async function addConfirmations(
  context: ServiceContext,
  stored: StoredTransaction,
  pathHash: string,
  signature: Hex,
): Promise<void> {
  const { chain, store } = context
  await syncExecutions(context, stored.safe)
  if (stored.execution)
    reject(`Transaction with safe-tx-hash=${pathHash} was already executed`)

  const version = await chain
    .getVersion(stored.safe)
    .catch((error: unknown) => {
      if (isConnectionError(error)) throw error
      return '1.5.0'
    })
  const { preimage } = hashSafeTx({
    chainId: context.chainId,
    safe: stored.safe,
    version,
    tx: {
      to: stored.to,
      value: BigInt(stored.value),
      data: stored.data ?? '0x',
      operation: stored.operation,
      safeTxGas: BigInt(stored.safeTxGas),
      baseGas: BigInt(stored.baseGas),
      gasPrice: BigInt(stored.gasPrice),
      gasToken: stored.gasToken,
      refundReceiver: stored.refundReceiver,
      nonce: BigInt(stored.nonce),
    },
  })
  const owners = await chain
    .getOwners(stored.safe)
    .catch((error: unknown): Address[] => {
      if (isConnectionError(error))
        reject(
          'Problem connecting to the ethereum node, please try again later',
        )
      return reject(
        `Could not get Safe ${stored.safe} owners from blockchain, check contract exists on network ${networkName(context.chainId)}`,
      )
    })
  const parsed = await parseSignatures(signature, stored.safeTxHash)
  const signers: Address[] = []
  for (const item of parsed) {
    const owner = item.owner
    if (!owners.includes(owner))
      reject(
        `Signer=${owner} is not an owner. Current owners=${pyRepr(owners)}`,
      )
    if (
      !(await isSignatureValid(chain, item, {
        hash: stored.safeTxHash,
        preimage,
        approvalsOn: stored.safe,
      }))
    )
      reject(`Signature=${item.signature} for owner=${owner} is not valid`)
    if (signers.includes(owner))
      reject(`Signature for owner=${owner} is duplicated`)
    signers.push(owner)
  }

  const time = now()
  for (const item of parsed)
    if (!stored.confirmations.some((c) => c.owner === item.owner))
      stored.confirmations.push({
        owner: item.owner,
        created: time,
        signature: exportSignature(item),
        signatureType: item.type,
      })
  // A queryset `update(trusted=True)`: `modified` is not touched.
  stored.trusted = true
  store.save()
}
