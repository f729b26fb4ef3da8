import { localAccounts } from '@storydao/testkit'
import { hexToNumber, recoverAddress, slice, zeroAddress } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { signSafePlan } from './signSafePlan.js'
import { offlinePlan } from './test/plans.js'

const [ownerA, ownerB] = localAccounts.opsOwners
const plan = offlinePlan({
  calls: [
    {
      to: '0x79613FD49472C3C7a32188e45ff00e7bdC8a897d',
      value: 1n,
      data: '0x',
      operation: 'call',
      label: 'Send 1 wei',
    },
  ],
})

describe('signSafePlan', () => {
  test('default: private key → EOA signature of the safeTxHash, v 27/28', async () => {
    const signature = await signSafePlan({ plan, account: ownerA.privateKey })
    expect(signature.signer).toBe(ownerA.address)
    expect(signature.type).toBe('EOA')
    expect([27, 28]).toContain(hexToNumber(slice(signature.signature, 64, 65)))
    expect(
      await recoverAddress({
        hash: plan.safeTxHash,
        signature: signature.signature,
      }),
    ).toBe(ownerA.address)
  })

  test('behavior: any viem LocalAccount; pre-1.3.0 domain', async () => {
    const account = privateKeyToAccount(ownerB.privateKey)
    const legacy = offlinePlan({ calls: [...plan.calls], safeVersion: '1.2.0' })
    const signature = await signSafePlan({ plan: legacy, account })
    expect(
      await recoverAddress({
        hash: legacy.safeTxHash,
        signature: signature.signature,
      }),
    ).toBe(ownerB.address)
  })

  test('error: edited plan', async () => {
    await expect(
      signSafePlan({
        plan: { ...plan, safeTx: { ...plan.safeTx, value: 2n } },
        account: ownerA.privateKey,
      }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SafePlanIntegrityError: The plan’s safeTxHash does not match its transaction fields.

      Plan safeTxHash:     0xf06dd54a6127b5eeacef9479fa8c64a60fdc991b352812c1ff88e5f45610720e
      Computed safeTxHash: 0x6ac84f9eba1a72028604584839a3c80b3a1db11e5a5d334ab41abc57197aaa02
      The transaction fields were changed after hashing.

      Hint: Do not edit a plan after building it: rebuild it with buildSafePlan. Never sign a plan whose hashes you cannot reproduce.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: invalid private key (never echoed)', async () => {
    await expect(
      signSafePlan({ plan, account: '0x1234' }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [SafeSignatureError: The private key is not a valid 32-byte secp256k1 key.

      Hint: Pass a 0x-prefixed 64-hex-digit private key, or a viem LocalAccount.
      Docs: packages/safe/README.md#errors
      Details: invalid private key
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: account that signs something else', async () => {
    const honest = privateKeyToAccount(ownerA.privateKey)
    const rogue = {
      ...honest,
      signTypedData: () =>
        honest.signTypedData({
          domain: { verifyingContract: zeroAddress },
          types: { X: [{ name: 'x', type: 'uint256' }] },
          primaryType: 'X',
          message: { x: 1n },
        }),
    }
    await expect(signSafePlan({ plan, account: rogue })).rejects.toThrow(
      /does not recover to it/,
    )
  })
})
