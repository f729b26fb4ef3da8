import { pbkdf2Sync } from 'node:crypto'
import { HDKey, type LocalAccount, privateKeyToAccount } from 'viem/accounts'
import { toHex } from 'viem/utils'

// anvil's well-known development mnemonic: its accounts hold no real funds and
// are used only on chain 31337 (the local stack), never elsewhere.
const anvilMnemonic =
  'test test test test test test test test test test test junk'

/**
 * @internal anvil's first dev key (the mnemonic's `m/44'/60'/0'/0/0`),
 * written out because deriving it costs `emergency fire` a tenth of a second
 * of elliptic-curve work; its test derives it and compares.
 */
export const anvilFirstDevKey =
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'

/** @internal The chain id of the local stack, the only chain dev keys are used on. */
export const localChainId = 31337

/**
 * @internal The first `count` anvil dev accounts. Imports only viem's
 * accounts and utils, so `emergency fire` can use it and stay fast.
 */
export function anvilDevAccounts(count: number): LocalAccount[] {
  // mnemonicToAccount per account would run the BIP-39 seed's PBKDF2 (2048
  // rounds of HMAC-SHA512 in JavaScript) and the hardened path each time,
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
  return Array.from({ length: count }, (_, addressIndex) =>
    privateKeyToAccount(
      toHex(parent.deriveChild(addressIndex).privateKey as Uint8Array),
    ),
  )
}
