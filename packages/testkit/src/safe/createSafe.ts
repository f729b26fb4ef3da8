import type { Account, Address, Chain } from 'viem'
import type { LocalClient } from '../localClient.js'
import type { SafeContracts } from './deployCanonicalSafeContracts.js'
import {
  type CreateVersionedSafeReturnType,
  createVersionedSafe,
} from './versions/createVersionedSafe.js'

export type CreateSafeParameters = {
  contracts: SafeContracts
  owners: readonly Address[]
  threshold: number
  /** CREATE2 salt nonce of the proxy; different nonces give different Safes. */
  saltNonce?: bigint
}

/**
 * Creates a Safe proxy over the v1.4.1 singleton with the compatibility
 * fallback handler, as Safe{Wallet} does. The v1.4.1 case of
 * {@link createVersionedSafe}, for the canonical contracts of the local stack.
 *
 * @example
 * const safe = await createSafe(client, { contracts, owners, threshold: 2 })
 */
export function createSafe(
  client: LocalClient<Chain, Account>,
  parameters: CreateSafeParameters,
): Promise<CreateVersionedSafeReturnType> {
  return createVersionedSafe(client, parameters)
}
