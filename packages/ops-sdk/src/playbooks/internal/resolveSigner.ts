import { type LocalAccount, privateKeyToAccount } from 'viem/accounts'
import {
  SignerEnvMissingError,
  SignerKeyInvalidError,
} from '../../errors/context.js'
import { anvilDevAccounts, localChainId } from './anvilDevAccounts.js'

/**
 * @internal The signing accounts for a run: the key in the environment
 * variable the user named, or on the local chain the first ten anvil dev
 * accounts. The key itself stays inside the viem account.
 */
export function resolveSigner({
  chainId,
  env,
  signerEnv,
}: {
  chainId: number
  env: Readonly<Record<string, string | undefined>>
  signerEnv?: string | undefined
}): LocalAccount[] {
  if (signerEnv) {
    const key = env[signerEnv]?.trim()
    if (!key) throw new SignerEnvMissingError({ variable: signerEnv })
    const normalized = key.startsWith('0x') ? key : `0x${key}`
    if (!/^0x[0-9a-fA-F]{64}$/.test(normalized))
      throw new SignerKeyInvalidError({ variable: signerEnv })
    return [privateKeyToAccount(normalized as `0x${string}`)]
  }
  if (chainId !== localChainId) return []
  return anvilDevAccounts(10)
}
