import { connect, type Socket } from 'node:net'
import apiKitExport from '@safe-global/api-kit'
import protocolKitExport from '@safe-global/protocol-kit'
import { setErrorConfig } from '@storydao/core'
import type { Address, Hex } from 'viem'
import type { LocalAccount } from '../../accounts.js'
import type { LocalStack } from '../../startLocalStack.js'

// Shared by the txService tests: real protocol-kit produces the proposals,
// real api-kit talks to the stand-in.

// Both kits ship one .d.ts for their CJS and ESM builds, so TypeScript sees the
// CJS `exports` object where the ESM build (what runs here) exports the class.
type SafeApiKitClass = typeof apiKitExport.default
type SafeClass = typeof protocolKitExport.default
const esmDefault = <type>(exported: unknown): type =>
  ((exported as { default?: type }).default ?? exported) as type
/** @internal api-kit's `SafeApiKit` class. */
export const SafeApiKit = esmDefault<SafeApiKitClass>(apiKitExport)
/** @internal An api-kit client. */
export type SafeApiKit = InstanceType<SafeApiKitClass>
/** @internal protocol-kit's `Safe` class. */
export const Safe = esmDefault<SafeClass>(protocolKitExport)
/** @internal A protocol-kit instance. */
export type Safe = InstanceType<SafeClass>

setErrorConfig({
  getDocsUrl: ({ docsPath }) => docsPath,
  version: '@storydao/core@x.y.z',
})

/** @internal A local stack with the Transaction Service running. */
export type ServiceStack = LocalStack<true>

/** @internal api-kit pointed at the stack's service. */
export const apiKitFor = (stack: ServiceStack) =>
  new SafeApiKit({ chainId: 31337n, txServiceUrl: stack.txServiceUrl })

/** @internal protocol-kit for `safe` (default: the ops Safe), signing as `owner`. */
export const protocolKitFor = (
  stack: ServiceStack,
  owner: LocalAccount,
  safe: Address = stack.manifest.safes.ops.address,
) =>
  Safe.init({
    provider: stack.rpcUrl,
    signer: owner.privateKey,
    safeAddress: safe,
    contractNetworks: stack.contractNetworks,
  })

/** @internal A Safe transaction signed by its proposer. */
export type SignedProposal = {
  kit: Safe
  transaction: Awaited<ReturnType<Safe['signTransaction']>>
  safeTxHash: Hex
  /** The proposer's EIP-712 signature (v 27/28). */
  signature: Hex
}

/** @internal A one-call Safe transaction, its hash and the proposer's EIP-712 signature. */
export async function signedProposal(
  stack: ServiceStack,
  owner: LocalAccount,
  parameters: {
    transactions?: Parameters<Safe['createTransaction']>[0]['transactions']
    nonce?: number
    /** Gas the Safe forwards to the call; non-zero lets it fail without reverting. */
    safeTxGas?: string
    safe?: Address
  } = {},
): Promise<SignedProposal> {
  const kit = await protocolKitFor(stack, owner, parameters.safe)
  const transaction = await kit.createTransaction({
    transactions: parameters.transactions ?? [
      { to: stack.accounts.stranger.address, value: '1', data: '0x' },
    ],
    options: {
      ...(parameters.nonce === undefined ? {} : { nonce: parameters.nonce }),
      ...(parameters.safeTxGas === undefined
        ? {}
        : { safeTxGas: parameters.safeTxGas }),
    },
  })
  const safeTxHash = (await kit.getTransactionHash(transaction)) as Hex
  const signed = await kit.signTransaction(transaction)
  const signature = signed.getSignature(owner.address)!.data as Hex
  return { kit, transaction: signed, safeTxHash, signature }
}

/** @internal What api-kit threw: status, message and the parsed body. */
export async function failure(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    const { statusCode, message, data } = error as {
      statusCode?: number
      message: string
      data?: unknown
    }
    return { status: statusCode, message, data }
  }
  throw new Error('expected the request to fail')
}

/** @internal A raw HTTP call to the service (for what api-kit cannot send). */
export async function request(
  stack: ServiceStack,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) {
  const response = await fetch(`${stack.txServiceUrl}${path}`, {
    method,
    headers,
    ...(body === undefined
      ? {}
      : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
  const text = await response.text()
  let json: unknown
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return {
    status: response.status,
    statusText: response.statusText,
    text,
    json,
  }
}

/** @internal `countUniqueNonce` of a list page (not in api-kit's types). */
export const countUniqueNonce = (page: object) =>
  (page as { countUniqueNonce?: number }).countUniqueNonce

/** @internal A hand-written HTTP exchange on a raw loopback socket. */
export type RawExchange = {
  socket: Socket
  /** Everything the server sent. */
  received: () => string
  /** Resolves once the server (or anyone) closed the connection. */
  closed: Promise<void>
}

/**
 * @internal
 * Opens a loopback connection and writes `head` (request line, headers and
 * any body bytes) without finishing: what a slow or stalled client does.
 */
export async function rawExchange(
  port: number,
  head: string,
): Promise<RawExchange> {
  const socket = connect(port, '127.0.0.1')
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve)
    socket.once('error', reject)
  })
  let text = ''
  socket.on('data', (chunk: Buffer) => {
    text += chunk.toString('latin1')
  })
  socket.on('error', () => {})
  const closed = new Promise<void>((resolve) =>
    socket.once('close', () => resolve()),
  )
  socket.write(head)
  return { socket, received: () => text, closed }
}
