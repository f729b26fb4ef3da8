import { safeAbi, safeProxyFactoryAbi } from '@storydao/core'
import {
  type Account,
  type Address,
  type Chain,
  encodeFunctionData,
  type Hex,
  zeroAddress,
} from 'viem'
import { TestkitError } from '../../errors/testkit.js'
import type { LocalClient } from '../../localClient.js'
import type { DeploySafeVersionReturnType } from './deploySafeVersion.js'
import { requireAccount } from './requireAccount.js'

export type CreateVersionedSafeParameters = {
  /** The release's contracts, as returned by `deploySafeVersion`. */
  contracts: Pick<
    DeploySafeVersionReturnType,
    | 'safeSingletonAddress'
    | 'safeProxyFactoryAddress'
    | 'fallbackHandlerAddress'
  >
  /** Owners of the new Safe. */
  owners: readonly Address[]
  /** Confirmations needed to execute. */
  threshold: number
  /**
   * CREATE2 salt nonce of the proxy; different nonces give different Safes.
   * The local stack's ops and emergency Safes use 1 and 2.
   */
  saltNonce?: bigint
}

export type CreateVersionedSafeReturnType = {
  /** The Safe proxy. */
  address: Address
  /** Block of the creation transaction. */
  block: bigint
  /** The creation transaction. */
  tx: Hex
}

export type CreateVersionedSafeErrorType = TestkitError

/**
 * Creates a Safe proxy over the singleton of any release `deploySafeVersion`
 * deployed, with that release's compatibility fallback handler, as
 * Safe{Wallet} does. `setup` and `createProxyWithNonce` have the same
 * signature in v1.3.0, v1.4.1 and v1.5.0, so one ABI serves all three.
 *
 * @param client - a client with an account, which sends the creation
 *   transaction; `stack.client` works.
 * @param parameters - {@link CreateVersionedSafeParameters}
 * @returns the Safe address and the creation transaction.
 * @throws {TestkitError} `SAFE_CREATION_FAILED` when the factory call fails.
 *
 * @example
 * import {
 *   createVersionedSafe,
 *   deploySafeVersion,
 *   startLocalStack,
 * } from '@storydao/testkit'
 *
 * const stack = await startLocalStack()
 * const contracts = await deploySafeVersion(stack.client, { version: '1.5.0' })
 * const safe = await createVersionedSafe(stack.client, {
 *   contracts,
 *   owners: stack.accounts.opsOwners.map((owner) => owner.address),
 *   threshold: 2,
 * })
 */
export async function createVersionedSafe(
  client: LocalClient<Chain, Account | undefined>,
  parameters: CreateVersionedSafeParameters,
): Promise<CreateVersionedSafeReturnType> {
  const { contracts, owners, threshold, saltNonce = 0n } = parameters
  const account = requireAccount(client)
  const initializer = encodeFunctionData({
    abi: safeAbi,
    functionName: 'setup',
    args: [
      owners,
      BigInt(threshold),
      zeroAddress,
      '0x',
      contracts.fallbackHandlerAddress,
      zeroAddress,
      0n,
      zeroAddress,
    ],
  })
  try {
    const { result, request } = await client.simulateContract({
      account,
      address: contracts.safeProxyFactoryAddress,
      abi: safeProxyFactoryAbi,
      functionName: 'createProxyWithNonce',
      args: [contracts.safeSingletonAddress, initializer, saltNonce],
    })
    const hash = await client.writeContract(request)
    const receipt = await client.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success')
      throw new TestkitError('Safe creation reverted.', {
        code: 'SAFE_CREATION_FAILED',
        metaMessages: [`Transaction: ${hash}`],
      })
    return { address: result, block: receipt.blockNumber, tx: hash }
  } catch (error) {
    if (error instanceof TestkitError) throw error
    throw new TestkitError('Safe creation failed.', {
      code: 'SAFE_CREATION_FAILED',
      cause: error,
      metaMessages: [
        `Factory: ${contracts.safeProxyFactoryAddress}`,
        `Singleton: ${contracts.safeSingletonAddress}`,
        `Salt nonce: ${saltNonce}`,
      ],
      hint: 'A Safe with the same owners, threshold and salt nonce may already exist; pass another saltNonce.',
    })
  }
}
