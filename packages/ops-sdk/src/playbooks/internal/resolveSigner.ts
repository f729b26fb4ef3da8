import { pbkdf2Sync } from 'node:crypto'
import { toHex } from 'viem'
import { HDKey, type LocalAccount, privateKeyToAccount } from 'viem/accounts'
import {
  SignerEnvMissingError,
  SignerKeyInvalidError,
} from '../../errors/context.js'

// anvil's well-known development mnemonic: its accounts hold no real funds and
// are used only on chain 31337 (the local stack), never elsewhere.
const anvilMnemonic =
  'test test test test test test test test test test test junk'
const localChainId = 31337

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
  // mnemonicToAccount per account would run the BIP-39 seed's PBKDF2 (2048
  // rounds of HMAC-SHA512 in JavaScript) and the hardened path ten times,
  // most of a local command's CPU time; node's native PBKDF2 computes the
  // same seed once, and each account is one child of the shared parent key.
  const seed = pbkdf2Sync(
    anvilMnemonic.normalize('NFKD'),
    'mnemonic',
    2048,
    64,
    'sha512',
  )
  const parent = HDKey.fromMasterSeed(seed).derive("m/44'/60'/0'/0")
  return Array.from({ length: 10 }, (_, addressIndex) =>
    privateKeyToAccount(
      toHex(parent.deriveChild(addressIndex).privateKey as Uint8Array),
    ),
  )
}
