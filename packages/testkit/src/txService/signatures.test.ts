import { safeAbi } from '@storydao/core'
import fc from 'fast-check'
import {
  bytesToHex,
  concat,
  type Hex,
  hashTypedData,
  keccak256,
  numberToHex,
  pad,
  parseAbi,
  size,
  toHex,
  zeroAddress,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { anvilPrivateKeys } from '../accounts.js'
import { createSafe } from '../safe/createSafe.js'
import { startLocalStack } from '../startLocalStack.js'
import { exportSignature, parseSignatures } from './signatures.js'
import {
  apiKitFor,
  failure,
  type ServiceStack,
  signedProposal,
} from './test/utils.js'

const hash = keccak256(toHex('safe transaction'))
const alice = privateKeyToAccount(anvilPrivateKeys[1])
const bob = privateKeyToAccount(anvilPrivateKeys[2])
const owner = (address: Hex) => pad(address.toLowerCase() as Hex)

describe('parseSignatures', () => {
  test('default: EOA (v 27/28) recovers the signer of the hash', async () => {
    const signature = await alice.sign({ hash })
    expect(await parseSignatures(signature, hash)).toEqual([
      { type: 'EOA', owner: alice.address, signature },
    ])
  })

  test('behavior: eth_sign (v > 30) recovers the signer of the prefixed hash', async () => {
    const signed = await alice.signMessage({ message: { raw: hash } })
    const v = Number.parseInt(signed.slice(-2), 16) + 4
    const signature = `${signed.slice(0, -2)}${v.toString(16)}` as Hex
    expect(await parseSignatures(signature, hash)).toEqual([
      { type: 'ETH_SIGN', owner: alice.address, signature },
    ])
  })

  test('behavior: approved hash (v 1) and contract signature (v 0) declare their owner', async () => {
    const approval = concat([owner(bob.address), pad('0x00'), '0x01'])
    const data = '0xdeadbeef'
    // Contract signature first, its data after both static parts (offset 130).
    const blob = concat([
      owner(alice.address),
      numberToHex(130, { size: 32 }),
      '0x00',
      approval,
      numberToHex(4, { size: 32 }),
      data,
    ])
    const parsed = await parseSignatures(blob, hash)
    expect(parsed).toEqual([
      {
        type: 'CONTRACT_SIGNATURE',
        owner: alice.address,
        signature: blob.slice(0, 132),
        contractSignature: data,
      },
      { type: 'APPROVED_HASH', owner: bob.address, signature: approval },
    ])
    // Exported alone, a contract signature points at offset 65.
    expect(exportSignature(parsed[0]!)).toBe(
      concat([
        owner(alice.address),
        numberToHex(65, { size: 32 }),
        '0x00',
        numberToHex(4, { size: 32 }),
        data,
      ]),
    )
    expect(exportSignature(parsed[1]!)).toBe(approval)
  })

  test('behavior: parsing stops at the dynamic data and ignores short trailing bytes', async () => {
    const eoa = await bob.sign({ hash })
    const dynamic = concat([numberToHex(65, { size: 32 }), eoa])
    const blob = concat([
      owner(alice.address),
      numberToHex(65, { size: 32 }),
      '0x00',
      dynamic,
    ])
    // The 65-byte EOA signature inside the contract data is not a second signer.
    expect((await parseSignatures(blob, hash)).map((s) => s.type)).toEqual([
      'CONTRACT_SIGNATURE',
    ])
    expect(await parseSignatures(concat([eoa, '0x000000']), hash)).toHaveLength(
      1,
    )
    expect(await parseSignatures('0x', hash)).toEqual([])
  })

  test('behavior: a malformed ECDSA signature recovers to the zero address', async () => {
    const good = await alice.sign({ hash })
    const badV = `${good.slice(0, -2)}1d` as Hex // v = 29
    const zeroR = concat([pad('0x00'), `0x${good.slice(66)}`])
    for (const signature of [badV, zeroR])
      expect((await parseSignatures(signature, hash))[0]?.owner).toBe(
        zeroAddress,
      )
  })

  test('behavior: recovers the signer of any hash (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...anvilPrivateKeys),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        async (key, bytes) => {
          const account = privateKeyToAccount(key)
          const digest = bytesToHex(bytes)
          const [parsed] = await parseSignatures(
            await account.sign({ hash: digest }),
            digest,
          )
          expect(parsed?.owner).toBe(account.address)
        },
      ),
      { numRuns: 50 },
    )
  })
})

// Each signature type through the service, as api-kit sends it.
describe('isSignatureValid', () => {
  let stack: ServiceStack
  let apiKit: ReturnType<typeof apiKitFor>
  beforeAll(async () => {
    stack = await startLocalStack({ txService: true })
    apiKit = apiKitFor(stack)
  })
  beforeEach(() => stack.reset())
  afterAll(() => stack?.stop())

  const ops = () => stack.manifest.safes.ops.address
  const owners = () => stack.accounts.opsOwners

  test('behavior: eth_sign signatures (protocol-kit signHash) are accepted', async () => {
    const [owner] = owners()
    const { kit, transaction, safeTxHash } = await signedProposal(stack, owner)
    const { data: signature } = await kit.signHash(safeTxHash)
    expect(Number.parseInt(signature.slice(-2), 16)).toBeGreaterThan(30)
    await apiKit.proposeTransaction({
      safeAddress: ops(),
      safeTransactionData: transaction.data,
      safeTxHash,
      senderAddress: owner.address,
      senderSignature: signature,
    })
    expect(
      (await apiKit.getTransaction(safeTxHash)).confirmations,
    ).toMatchObject([
      { owner: owner.address, signature, signatureType: 'ETH_SIGN' },
    ])
  })

  test('behavior: approved-hash signatures are checked against approvedHashes', async () => {
    const [owner, other] = owners()
    const { kit, transaction, safeTxHash } = await signedProposal(stack, owner)
    const approval = (address: string) =>
      `0x${address.slice(2).toLowerCase().padStart(64, '0')}${'0'.repeat(64)}01` as Hex
    const propose = (sender: string, senderSignature: Hex) =>
      apiKit.proposeTransaction({
        safeAddress: ops(),
        safeTransactionData: transaction.data,
        safeTxHash,
        senderAddress: sender,
        senderSignature,
      })

    // Not approved on chain yet.
    expect(
      await failure(propose(owner.address, approval(owner.address))),
    ).toMatchInlineSnapshot(`
      {
        "data": {
          "nonFieldErrors": [
            "Signature=0x00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8000000000000000000000000000000000000000000000000000000000000000001 for owner=0x70997970C51812dc3A010C7d01b50e0d17dc79C8 is not valid",
          ],
        },
        "message": "Signature=0x00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8000000000000000000000000000000000000000000000000000000000000000001 for owner=0x70997970C51812dc3A010C7d01b50e0d17dc79C8 is not valid",
        "status": 422,
      }
    `)

    const approved = await kit.approveTransactionHash(safeTxHash)
    await stack.client.waitForTransactionReceipt({ hash: approved.hash as Hex })
    await propose(owner.address, approval(owner.address))
    expect(
      (await apiKit.getTransaction(safeTxHash)).confirmations,
    ).toMatchObject([
      {
        owner: owner.address,
        signature: approval(owner.address),
        signatureType: 'APPROVED_HASH',
      },
    ])
    // Another owner's approval is not on chain.
    expect(
      (await failure(propose(other.address, approval(other.address)))).status,
    ).toBe(422)
  })

  test('behavior: EIP-1271 signatures of an owner that is a Safe are checked on chain', async () => {
    const [first, second, third] = owners()
    // A 2-of-2 Safe owned by the ops Safe and one EOA.
    const nested = await createSafe(
      stack.client as Parameters<typeof createSafe>[0],
      {
        contracts: stack.safeContracts,
        owners: [ops(), third.address],
        threshold: 2,
        saltNonce: 7n,
      },
    )
    const { transaction, safeTxHash } = await signedProposal(stack, third, {
      safe: nested.address,
      transactions: [
        { to: stack.accounts.stranger.address, value: '0', data: '0x' },
      ],
    })
    const args = [
      transaction.data.to as Hex,
      BigInt(transaction.data.value),
      transaction.data.data as Hex,
      transaction.data.operation,
      BigInt(transaction.data.safeTxGas),
      BigInt(transaction.data.baseGas),
      BigInt(transaction.data.gasPrice),
      transaction.data.gasToken as Hex,
      transaction.data.refundReceiver as Hex,
      BigInt(transaction.data.nonce),
    ] as const
    // Safe v1.4.1 asks a contract owner about the EIP-712 preimage.
    const preimage = await stack.client.readContract({
      address: nested.address,
      abi: safeAbi,
      functionName: 'encodeTransactionData',
      args,
    })
    expect(keccak256(preimage)).toBe(safeTxHash)
    // The ops Safe's owners sign it as a SafeMessage of the ops Safe.
    const messageHash = hashTypedData({
      domain: { chainId: stack.chainId, verifyingContract: ops() },
      types: { SafeMessage: [{ name: 'message', type: 'bytes' }] },
      primaryType: 'SafeMessage',
      message: { message: preimage },
    })
    expect(
      await stack.client.readContract({
        address: stack.safeContracts.fallbackHandlerAddress,
        abi: parseAbi([
          'function getMessageHashForSafe(address safe, bytes message) view returns (bytes32)',
        ]),
        functionName: 'getMessageHashForSafe',
        args: [ops(), preimage],
      }),
    ).toBe(messageHash)
    const ownerSignatures = concat(
      await Promise.all(
        [second, first].map((owner) =>
          privateKeyToAccount(owner.privateKey).sign({ hash: messageHash }),
        ),
      ),
    )
    const contractPart = (offset: number) =>
      concat([
        pad(ops().toLowerCase() as Hex),
        numberToHex(offset, { size: 32 }),
        '0x00',
      ])
    const dynamicPart = concat([
      numberToHex(size(ownerSignatures), { size: 32 }),
      ownerSignatures,
    ])
    const signature = concat([contractPart(65), dynamicPart])

    await apiKit.proposeTransaction({
      safeAddress: nested.address,
      safeTransactionData: transaction.data,
      safeTxHash,
      senderAddress: ops(),
      senderSignature: signature,
    })
    const { signature: thirdSignature } = await signedProposal(stack, third, {
      safe: nested.address,
      transactions: [
        { to: stack.accounts.stranger.address, value: '0', data: '0x' },
      ],
    })
    await apiKit.confirmTransaction(safeTxHash, thirdSignature)
    const stored = await apiKit.getTransaction(safeTxHash)
    expect(
      stored.confirmations?.map((c) => [c.owner, c.signatureType, c.signature]),
    ).toEqual([
      [ops(), 'CONTRACT_SIGNATURE', signature],
      [third.address, 'EOA', thirdSignature],
    ])

    // A forged contract signature (owners' signatures over the wrong message) is rejected.
    const forged = concat([
      contractPart(65),
      numberToHex(65, { size: 32 }),
      await privateKeyToAccount(first.privateKey).sign({ hash: safeTxHash }),
    ])
    expect(
      (await failure(apiKit.confirmTransaction(safeTxHash, forged))).data,
    ).toMatchInlineSnapshot(`
        {
          "signature": [
            "Signature=0x0000000000000000000000001835069efde63081ba0833ef9704bf2cc0e45abc000000000000000000000000000000000000000000000000000000000000004100 for owner=0x1835069efDE63081BA0833Ef9704bf2Cc0E45abc is not valid",
          ],
        }
      `)

    // The chain accepts what the service accepted: ops Safe (sorted first), then the EOA.
    expect(BigInt(ops()) < BigInt(third.address)).toBe(true)
    const hash = await stack.client.writeContract({
      account: stack.accounts.deployer.address,
      address: nested.address,
      abi: safeAbi,
      functionName: 'execTransaction',
      args: [
        args[0],
        args[1],
        args[2],
        args[3],
        args[4],
        args[5],
        args[6],
        args[7],
        args[8],
        concat([contractPart(130), thirdSignature, dynamicPart]),
      ],
    })
    const receipt = await stack.client.waitForTransactionReceipt({ hash })
    expect(receipt.status).toBe('success')
    expect(await apiKit.getTransaction(safeTxHash)).toMatchObject({
      isExecuted: true,
      isSuccessful: true,
      transactionHash: hash,
    })
  })
})
