import { safeAbi } from '@storydao/core'
import fc from 'fast-check'
import { bytesToHex, getAddress, hashTypedData, zeroAddress } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type LocalStack, startLocalStack } from '../startLocalStack.js'
import {
  compareVersions,
  hashSafeTx,
  type SafeTxFields,
  safeTxTypeHashes,
} from './hashSafeTx.js'

let stack: LocalStack
beforeAll(async () => {
  stack = await startLocalStack()
})
afterAll(() => stack?.stop())

// Vectors from docs/safe-formats.md#safe-transaction-hash (the first two are
// safe-eth-py's own expectations).
const vectorTx: SafeTxFields = {
  to: '0x79613FD49472C3C7a32188e45ff00e7bdC8a897d',
  value: 2n,
  data: '0x1212',
  operation: 0,
  safeTxGas: 0n,
  baseGas: 0n,
  gasPrice: 0n,
  gasToken: zeroAddress,
  refundReceiver: zeroAddress,
  nonce: 0n,
}
const vectorSafe = '0x2B0b9cBDA3D7b0F760187c52A8FFB18C48E5d96A'

describe('hashSafeTx', () => {
  test('default: the documented vector on chain 31337 (v1.4.1)', () => {
    expect(
      hashSafeTx({
        chainId: 31337,
        safe: vectorSafe,
        version: '1.4.1',
        tx: vectorTx,
      }),
    ).toMatchObject({
      domainSeparator:
        '0x4ac88b7418a101c5ff61d53a78b090073ec9f5676d16ab3b9a19a30bfdb3f0c1',
      safeTxHash:
        '0xe544095d9b08cf0abe384ea08089f98b56421810d18c6822082a831269d4c787',
    })
  })

  test('behavior: chainId in the domain from v1.3.0, dataGas before v1.0.0', () => {
    expect(safeTxTypeHashes).toEqual({
      domainWithChainId:
        '0x47e79534a245952e8b16893a336b85a3d9ea9fa8c573f3d803afb92a79469218',
      domainWithoutChainId:
        '0x035aff83d86937d35b32e04f0ddc6ff469290eef2f1b692d8a815c89404d4749',
      safeTx:
        '0xbb8310d486368db6bd6f849402fdd73ad53d316b5a4b2644ad6efe0f941286d8',
      safeTxDataGas:
        '0x14d461bc7412367e924637b363c7bf29b8f47e2f84869f4426e5633d8af47b20',
    })
    const hash = (version: string, chainId = 31337) =>
      hashSafeTx({ chainId, safe: vectorSafe, version, tx: vectorTx })
        .safeTxHash
    expect(hash('1.2.0')).toBe(
      '0xc667e276f0e56b8a29528ae295685c7748c7d750e62098c9d4b1728084f97942',
    )
    // Below 1.3.0 the chain id does not matter.
    expect(hash('1.2.0', 1)).toBe(hash('1.2.0'))
    expect(hash('1.3.0', 1)).not.toBe(hash('1.3.0'))
    expect(
      hashSafeTx({
        chainId: 4,
        safe: vectorSafe,
        version: '1.3.0',
        tx: {
          ...vectorTx,
          gasToken: '0xFA995c7a0d32A4e7497508a5C380369BE8dB49Db',
          refundReceiver: '0x6b92f5E5360bfCa8F5d3FcE65D87382967847983',
          nonce: 17n,
        },
      }).safeTxHash,
    ).toBe('0x01d42a801ac44d3ebd43592be980dea0756d7f7b27d718d3016a42ea7ce85587')
    expect(
      hashSafeTx({
        chainId: 1,
        safe: '0x692a70D2e424a56D2C6C27aA97D1a86395877b3A',
        version: '1.0.0',
        tx: {
          to: '0x5AC255889882aaB35A2aa939679E3F3d4Cea221E',
          value: 5000000n,
          data: '0x00',
          operation: 0,
          safeTxGas: 50000n,
          baseGas: 100n,
          gasPrice: 10000n,
          gasToken: null,
          refundReceiver: null,
          nonce: 67n,
        },
      }).safeTxHash,
    ).toBe('0x7c60341f3e1b4483575f38e84e97d6b332a2dd55b9290f39e6e26eef29a04fe7')
    // safe-eth-py's pre-1.0 struct uses dataGas.
    expect(hash('0.1.0')).not.toBe(hash('1.0.0'))
    expect(compareVersions('1.10.0', '1.9.0')).toBe(1)
    expect(compareVersions('1.3.0+L2', '1.3.0')).toBe(0)
  })

  test('behavior: equals the Safe contract and viem’s EIP-712 hash for random transactions', async () => {
    const safe = stack.manifest.safes.ops.address
    const [domainSeparator, version] = await Promise.all([
      stack.client.readContract({
        address: safe,
        abi: safeAbi,
        functionName: 'domainSeparator',
      }),
      stack.client.readContract({
        address: safe,
        abi: safeAbi,
        functionName: 'VERSION',
      }),
    ])
    const address = fc
      .uint8Array({ minLength: 20, maxLength: 20 })
      .map((bytes) => getAddress(bytesToHex(bytes)))
    const uint256 = fc.bigInt({ min: 0n, max: 2n ** 256n - 1n })
    const tx = fc.record({
      to: address,
      value: uint256,
      data: fc.uint8Array({ maxLength: 100 }).map((bytes) => bytesToHex(bytes)),
      operation: fc.constantFrom(0, 1),
      safeTxGas: uint256,
      baseGas: uint256,
      gasPrice: uint256,
      gasToken: address,
      refundReceiver: address,
      nonce: uint256,
    })
    await fc.assert(
      fc.asyncProperty(tx, async (fields) => {
        const args = [
          fields.to,
          fields.value,
          fields.data,
          fields.operation,
          fields.safeTxGas,
          fields.baseGas,
          fields.gasPrice,
          fields.gasToken,
          fields.refundReceiver,
          fields.nonce,
        ] as const
        const [onChainHash, onChainPreimage] = await Promise.all([
          stack.client.readContract({
            address: safe,
            abi: safeAbi,
            functionName: 'getTransactionHash',
            args,
          }),
          stack.client.readContract({
            address: safe,
            abi: safeAbi,
            functionName: 'encodeTransactionData',
            args,
          }),
        ])
        const ours = hashSafeTx({
          chainId: stack.chainId,
          safe,
          version,
          tx: fields as SafeTxFields,
        })
        expect(ours.safeTxHash).toBe(onChainHash)
        expect(ours.preimage).toBe(onChainPreimage)
        expect(ours.domainSeparator).toBe(domainSeparator)
        expect(ours.safeTxHash).toBe(
          hashTypedData({
            domain: { chainId: stack.chainId, verifyingContract: safe },
            types: {
              SafeTx: [
                { name: 'to', type: 'address' },
                { name: 'value', type: 'uint256' },
                { name: 'data', type: 'bytes' },
                { name: 'operation', type: 'uint8' },
                { name: 'safeTxGas', type: 'uint256' },
                { name: 'baseGas', type: 'uint256' },
                { name: 'gasPrice', type: 'uint256' },
                { name: 'gasToken', type: 'address' },
                { name: 'refundReceiver', type: 'address' },
                { name: 'nonce', type: 'uint256' },
              ],
            },
            primaryType: 'SafeTx',
            message: fields,
          }),
        )
      }),
      { numRuns: 40 },
    )
  })
})
