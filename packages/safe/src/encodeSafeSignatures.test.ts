import {
  buildSignatureBytes,
  EthSafeSignature,
} from '@safe-global/protocol-kit'
import { localAccounts } from '@storydao/testkit'
import { describe, expect, test } from 'vitest'
import { encodeSafeSignatures } from './encodeSafeSignatures.js'
import { signSafePlan } from './signSafePlan.js'
import { offlinePlan } from './test/plans.js'

const [ownerA, ownerB, ownerC] = localAccounts.opsOwners
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

describe('encodeSafeSignatures', () => {
  test('default: sorted by owner, equal to protocol-kit buildSignatureBytes', async () => {
    const signatures = await Promise.all(
      [ownerC, ownerA, ownerB].map((owner) =>
        signSafePlan({ plan, account: owner.privateKey }),
      ),
    )
    expect(encodeSafeSignatures(signatures)).toBe(
      buildSignatureBytes(
        signatures.map((s) => new EthSafeSignature(s.signer, s.signature)),
      ).toLowerCase(),
    )
  })

  test('behavior: approved-hash and contract signatures (protocol-kit layout)', async () => {
    const eoa = await signSafePlan({ plan, account: ownerB.privateKey })
    const contractOwner = '0x00000000000000000000000000000000000000aa'
    const payload = '0x1122334455'
    const ours = encodeSafeSignatures([
      eoa,
      { signer: ownerA.address, signature: '0x', type: 'APPROVED_HASH' },
      {
        signer: '0x00000000000000000000000000000000000000AA',
        signature: payload,
        type: 'CONTRACT_SIGNATURE',
      },
    ])
    const theirs = buildSignatureBytes([
      new EthSafeSignature(eoa.signer, eoa.signature),
      new EthSafeSignature(
        ownerA.address,
        `0x000000000000000000000000${ownerA.address.slice(2)}000000000000000000000000000000000000000000000000000000000000000001`,
      ),
      new EthSafeSignature(contractOwner, payload, true),
    ]).toLowerCase()
    expect(ours).toBe(theirs)
    // The service's standalone form of the contract signature encodes the same.
    const standalone =
      `0x${'0'.repeat(24)}${contractOwner.slice(2)}${(65).toString(16).padStart(64, '0')}00${(5).toString(16).padStart(64, '0')}1122334455` as const
    expect(
      encodeSafeSignatures([
        eoa,
        { signer: ownerA.address, signature: '0x', type: 'APPROVED_HASH' },
        {
          signer: '0x00000000000000000000000000000000000000AA',
          signature: standalone,
          type: 'CONTRACT_SIGNATURE',
        },
      ]),
    ).toBe(theirs)
  })

  test('error: same owner twice', async () => {
    const signature = await signSafePlan({ plan, account: ownerA.privateKey })
    expect(() =>
      encodeSafeSignatures([signature, signature]),
    ).toThrowErrorMatchingInlineSnapshot(`
      [SafeSignatureError: Owner 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 signed more than once.

      Hint: The Safe counts each owner once and rejects unsorted or repeated owners (GS026). Drop the duplicate and collect another owner’s signature.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: malformed signature', () => {
    expect(() =>
      encodeSafeSignatures([
        { signer: ownerA.address, signature: '0x1234', type: 'EOA' },
      ]),
    ).toThrowErrorMatchingInlineSnapshot(`
      [SafeSignatureError: signatures[0] (0x70997970C51812dc3A010C7d01b50e0d17dc79C8) is not 65 bytes r ‖ s ‖ v.

      Hint: Sign the plan with signSafePlan (EIP-712, v 27/28) using an owner’s key, once per owner.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
