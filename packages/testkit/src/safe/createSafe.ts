import { safeAbi, safeProxyFactoryAbi } from '@storydao/core'
import {
  type Account,
  type Address,
  type Chain,
  encodeFunctionData,
  zeroAddress,
} from 'viem'
import { TestkitError } from '../errors.js'
import type { LocalClient } from '../localClient.js'
import type { SafeContracts } from './deployCanonicalSafeContracts.js'

export type CreateSafeParameters = {
  contracts: SafeContracts
  owners: readonly Address[]
  threshold: number
  /** CREATE2 salt nonce of the proxy; different nonces give different Safes. */
  saltNonce?: bigint
}

/**
 * Creates a Safe proxy over the v1.4.1 singleton with the compatibility
 * fallback handler, as Safe{Wallet} does.
 *
 * @example
 * const safe = await createSafe(client, { contracts, owners, threshold: 2 })
 */
export async function createSafe(
  client: LocalClient<Chain, Account>,
  parameters: CreateSafeParameters,
): Promise<{ address: Address; block: bigint; tx: `0x${string}` }> {
  const { contracts, owners, threshold, saltNonce = 0n } = parameters
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
  const { result, request } = await client.simulateContract({
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
}
