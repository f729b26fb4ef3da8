import type { Address, Hex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'

/**
 * Anvil's well-known development keys (mnemonic "test test … junk"). Public
 * knowledge: for the local stack, tests and the demo only, never a real chain.
 */
export const anvilPrivateKeys = [
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
  '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6',
  '0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a',
  '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba',
  '0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e',
  '0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356',
  '0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97',
  '0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6',
] as const satisfies readonly Hex[]

/** One dev account: address and private key. */
export type LocalAccount = { address: Address; privateKey: Hex }

/** How the local stack uses anvil's accounts. */
export type LocalAccounts = {
  /** Deploys everything and holds the initial AuthorCoin supply (votes). */
  deployer: LocalAccount
  /** Owners of the ops Safe (2-of-3). */
  opsOwners: readonly [LocalAccount, LocalAccount, LocalAccount]
  /** Owners of the emergency council Safe (2-of-3). */
  emergencyOwners: readonly [LocalAccount, LocalAccount, LocalAccount]
  /** Holds no role anywhere: the attacker / stranger of tests. */
  stranger: LocalAccount
}

const account = (index: number): LocalAccount => {
  const privateKey = anvilPrivateKeys[index]!
  return { address: privateKeyToAddress(privateKey), privateKey }
}

/** The local stack's account plan over anvil's dev accounts. */
export const localAccounts: LocalAccounts = {
  deployer: account(0),
  opsOwners: [account(1), account(2), account(3)],
  emergencyOwners: [account(4), account(5), account(6)],
  stranger: account(9),
}
