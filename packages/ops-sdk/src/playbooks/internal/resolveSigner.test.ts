import { anvilPrivateKeys } from '@storydao/testkit'
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { resolveSigner } from './resolveSigner.js'

describe('resolveSigner', () => {
  test('chain 31337 without a variable: the ten anvil dev accounts, in order', () => {
    const signers = resolveSigner({ chainId: 31337, env: {} })
    expect(signers.map((account) => account.address)).toEqual(
      anvilPrivateKeys
        .slice(0, 10)
        .map((key) => privateKeyToAccount(key).address),
    )
  })

  test('the dev accounts are anvil’s mnemonic at m/44’/60’/0’/0/0 to 9', () => {
    const derived = Array.from({ length: 10 }, (_, addressIndex) =>
      mnemonicToAccount(
        'test test test test test test test test test test test junk',
        { addressIndex },
      ),
    )
    const signers = resolveSigner({ chainId: 31337, env: {} })
    expect(
      signers.map(({ address, publicKey }) => ({ address, publicKey })),
    ).toEqual(derived.map(({ address, publicKey }) => ({ address, publicKey })))
  })

  test('the dev accounts sign as their own keys', async () => {
    const [, second] = resolveSigner({ chainId: 31337, env: {} })
    const expected = privateKeyToAccount(anvilPrivateKeys[1]!)
    expect(await second!.signMessage({ message: 'pause' })).toBe(
      await expected.signMessage({ message: 'pause' }),
    )
    const typedData = {
      domain: { chainId: 31337 },
      types: { Pause: [{ name: 'target', type: 'address' }] },
      primaryType: 'Pause',
      message: { target: expected.address },
    } as const
    expect(await second!.signTypedData(typedData)).toBe(
      await expected.signTypedData(typedData),
    )
  })

  test('another chain without a variable: no signer', () => {
    expect(resolveSigner({ chainId: 1, env: {} })).toEqual([])
  })

  test('the named variable wins, with or without 0x', () => {
    const key = anvilPrivateKeys[3]!
    const [account] = resolveSigner({
      chainId: 31337,
      env: { OPS_KEY: key.slice(2) },
      signerEnv: 'OPS_KEY',
    })
    expect(account!.address).toBe(privateKeyToAccount(key).address)
  })

  test('a missing or malformed key is a typed error', () => {
    expect(() =>
      resolveSigner({ chainId: 1, env: {}, signerEnv: 'OPS_KEY' }),
    ).toThrowError(expect.objectContaining({ name: 'SignerEnvMissingError' }))
    expect(() =>
      resolveSigner({
        chainId: 1,
        env: { OPS_KEY: '0x12' },
        signerEnv: 'OPS_KEY',
      }),
    ).toThrowError(expect.objectContaining({ name: 'SignerKeyInvalidError' }))
  })
})
