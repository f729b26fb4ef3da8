import { calculateSafeTransactionHash } from '@safe-global/protocol-kit'
import { safeAbi } from '@storydao/core'
import {
  createVersionedSafe,
  deploySafeVersion,
  type LocalStack,
  startLocalStack,
} from '@storydao/testkit'
import fc from 'fast-check'
import {
  type Address,
  concat,
  encodeAbiParameters,
  getAddress,
  type Hex,
  hashTypedData,
  keccak256,
  maxUint256,
  parseAbiParameters,
  slice,
  toHex,
  zeroAddress,
} from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { hashSafeTransaction } from './hashSafeTransaction.js'
import { getSafeTxTypedData } from './internal/typedData.js'
import { Safe } from './test/protocolKit.js'
import type { SafeTransaction } from './types/safe.js'

const base = {
  safe: '0x2B0b9cBDA3D7b0F760187c52A8FFB18C48E5d96A',
  safeTx: {
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
  },
} as const satisfies { safe: Address; safeTx: SafeTransaction }

const address = fc
  .uint8Array({ minLength: 20, maxLength: 20 })
  .map((bytes) => getAddress(toHex(bytes)))
const uint256 = fc.bigInt({ min: 0n, max: maxUint256 })
const safeTransaction: fc.Arbitrary<SafeTransaction> = fc.record({
  to: address,
  value: uint256,
  data: fc.uint8Array({ maxLength: 200 }).map((bytes) => toHex(bytes)),
  operation: fc.constantFrom(0 as const, 1 as const),
  safeTxGas: uint256,
  baseGas: uint256,
  gasPrice: uint256,
  gasToken: address,
  refundReceiver: address,
  nonce: uint256,
})

/** protocol-kit's transaction data shape (decimal strings, number nonce). */
const toProtocolKit = (safeTx: SafeTransaction) => ({
  to: safeTx.to,
  value: safeTx.value.toString(),
  data: safeTx.data,
  operation: safeTx.operation,
  safeTxGas: safeTx.safeTxGas.toString(),
  baseGas: safeTx.baseGas.toString(),
  gasPrice: safeTx.gasPrice.toString(),
  gasToken: safeTx.gasToken,
  refundReceiver: safeTx.refundReceiver,
  nonce: Number(safeTx.nonce),
})

describe('hashSafeTransaction', () => {
  test('default: docs/safe-formats.md#safe-transaction-hash vector, Safe 1.4.1 on chain 31337', () => {
    expect(
      hashSafeTransaction({ chainId: 31337, safeVersion: '1.4.1', ...base }),
    ).toMatchInlineSnapshot(`
      {
        "domainHash": "0x4ac88b7418a101c5ff61d53a78b090073ec9f5676d16ab3b9a19a30bfdb3f0c1",
        "messageHash": "0x4a254a4fd07733b17dc390c290b0dae10e41c6a57b9b91f46b6e36312a5fd4f6",
        "safeTxHash": "0xe544095d9b08cf0abe384ea08089f98b56421810d18c6822082a831269d4c787",
      }
    `)
  })

  test('behavior: docs/safe-formats.md#safe-transaction-hash vector, Safe 1.2.0 (no chainId in the domain)', () => {
    const { safeTxHash, domainHash } = hashSafeTransaction({
      chainId: 31337,
      safeVersion: '1.2.0',
      ...base,
    })
    expect(safeTxHash).toBe(
      '0xc667e276f0e56b8a29528ae295685c7748c7d750e62098c9d4b1728084f97942',
    )
    // The chain id does not enter the hash before 1.3.0.
    expect(
      hashSafeTransaction({ chainId: 1, safeVersion: '1.2.0', ...base })
        .domainHash,
    ).toBe(domainHash)
  })

  test('behavior: docs/safe-formats.md#safe-transaction-hash vector, Safe 1.0.0 (safe-eth-py)', () => {
    expect(
      hashSafeTransaction({
        chainId: 1,
        safe: '0x692a70D2e424a56D2C6C27aA97D1a86395877b3A',
        safeVersion: '1.0.0',
        safeTx: {
          to: '0x5AC255889882aaB35A2aa939679E3F3d4Cea221E',
          value: 5000000n,
          data: '0x00',
          operation: 0,
          safeTxGas: 50000n,
          baseGas: 100n,
          gasPrice: 10000n,
          gasToken: zeroAddress,
          refundReceiver: zeroAddress,
          nonce: 67n,
        },
      }).safeTxHash,
    ).toBe('0x7c60341f3e1b4483575f38e84e97d6b332a2dd55b9290f39e6e26eef29a04fe7')
  })

  test('behavior: docs/safe-formats.md#safe-transaction-hash vector, Safe 1.3.0 on chain 4 (safe-eth-py)', () => {
    expect(
      hashSafeTransaction({
        chainId: 4,
        safe: base.safe,
        safeVersion: '1.3.0',
        safeTx: {
          ...base.safeTx,
          gasToken: '0xFA995c7a0d32A4e7497508a5C380369BE8dB49Db',
          refundReceiver: '0x6b92f5E5360bfCa8F5d3FcE65D87382967847983',
          nonce: 17n,
        },
      }).safeTxHash,
    ).toBe('0x01d42a801ac44d3ebd43592be980dea0756d7f7b27d718d3016a42ea7ce85587')
  })

  test('behavior: 1.3.0, 1.4.1 and 1.5.0 share the EIP-712 layout', () => {
    const hashes = ['1.3.0', '1.4.1', '1.5.0', '1.3.0+L2'].map(
      (safeVersion) =>
        hashSafeTransaction({ chainId: 31337, safeVersion, ...base })
          .safeTxHash,
    )
    expect(new Set(hashes).size).toBe(1)
  })

  test('behavior: equals viem hashTypedData and protocol-kit for random transactions (1.2.0, 1.3.0, 1.4.1, 1.5.0)', () => {
    fc.assert(
      fc.property(
        safeTransaction,
        address,
        fc.integer({ min: 1, max: 2 ** 40 }),
        fc.constantFrom('1.2.0', '1.3.0', '1.4.1', '1.5.0'),
        (safeTx, safe, chainId, safeVersion) => {
          const hashes = hashSafeTransaction({
            chainId,
            safe,
            safeVersion,
            safeTx,
          })
          expect(
            hashTypedData(
              getSafeTxTypedData({ chainId, safe, safeVersion, safeTx }),
            ),
          ).toBe(hashes.safeTxHash)
          if (safeTx.nonce <= BigInt(Number.MAX_SAFE_INTEGER))
            expect(
              calculateSafeTransactionHash(
                safe,
                toProtocolKit(safeTx),
                safeVersion,
                BigInt(chainId),
              ),
            ).toBe(hashes.safeTxHash)
        },
      ),
      { numRuns: 200 },
    )
  })

  test('error: no argument', () => {
    expect(() =>
      // @ts-expect-error: plain-JavaScript caller
      hashSafeTransaction(),
    ).toThrowErrorMatchingInlineSnapshot(`
      [MissingParameterError: hashSafeTransaction: missing \`parameters\` (expected an object with \`chainId\`, \`safe\`, \`safeVersion\`, \`safeTx\`).

      Hint: Call hashSafeTransaction(…) with \`parameters\` set; see its doc comment for an example.
      Docs: packages/core/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    expect(() =>
      // @ts-expect-error: plain-JavaScript caller
      hashSafeTransaction({ chainId: 1 }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [MissingParameterError: hashSafeTransaction: missing \`safe\` (expected a value).

      Hint: Call hashSafeTransaction(…) with \`safe\` set; see its doc comment for an example.
      Docs: packages/core/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: version before 1.0.0', () => {
    expect(() =>
      hashSafeTransaction({ chainId: 1, safeVersion: '0.1.0', ...base }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [UnsupportedSafeVersionError: Unsupported Safe version "0.1.0".

      Hint: Supported: Safe 1.0.0 – 1.5.x (chainId in the EIP-712 domain from 1.3.0 on). Versions before 1.0.0 use \`dataGas\` and are not supported.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: malformed field', () => {
    expect(() =>
      hashSafeTransaction({
        chainId: 1,
        safeVersion: '1.4.1',
        safe: base.safe,
        safeTx: { ...base.safeTx, value: -1n },
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [SafePlanInputError: Invalid safeTx.value: -1 is negative.

      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    expect(() =>
      hashSafeTransaction({
        chainId: 1,
        safeVersion: '1.4.1',
        safe: base.safe,
        safeTx: { ...base.safeTx, data: '0x123' as Hex },
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [SafePlanInputError: Invalid safeTx.data: expected 0x-prefixed hex bytes, got "0x123".

      Hint: Use \`0x\` for empty calldata.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})

/** The Safe versions issue 5 requires to hash like `getTransactionHash`. */
const onChainVersions = ['1.3.0', '1.4.1', '1.5.0'] as const

/** `keccak256(abi.encode(SAFE_TX_TYPEHASH, …, keccak256(data), …))`, written out independently of the SDK. */
const safeTxStructHash = (safeTx: SafeTransaction) =>
  keccak256(
    encodeAbiParameters(
      parseAbiParameters(
        'bytes32, address, uint256, bytes32, uint8, uint256, uint256, uint256, address, address, uint256',
      ),
      [
        keccak256(
          toHex(
            'SafeTx(address to,uint256 value,bytes data,uint8 operation,uint256 safeTxGas,uint256 baseGas,uint256 gasPrice,address gasToken,address refundReceiver,uint256 nonce)',
          ),
        ),
        safeTx.to,
        safeTx.value,
        keccak256(safeTx.data),
        safeTx.operation,
        safeTx.safeTxGas,
        safeTx.baseGas,
        safeTx.gasPrice,
        safeTx.gasToken,
        safeTx.refundReceiver,
        safeTx.nonce,
      ],
    ),
  )

describe('hashSafeTransaction (on chain)', () => {
  let stack: LocalStack
  let protocolKit: Safe
  /** A 2-of-3 Safe over the ops owners for each version, on the one stack of this file. */
  const safes = {} as Record<(typeof onChainVersions)[number], Address>
  beforeAll(async () => {
    stack = await startLocalStack()
    protocolKit = await Safe.init({
      provider: stack.rpcUrl,
      safeAddress: stack.manifest.safes.ops.address,
      contractNetworks: stack.contractNetworks,
    })
    for (const version of onChainVersions) {
      const contracts = await deploySafeVersion(stack.client, { version })
      const safe = await createVersionedSafe(stack.client, {
        contracts,
        owners: stack.accounts.opsOwners.map((owner) => owner.address),
        threshold: 2,
      })
      safes[version] = safe.address
    }
  })
  afterAll(() => stack?.stop())

  test.each(onChainVersions)(
    'behavior: equals Safe %s getTransactionHash / domainSeparator and the struct hash for random transactions',
    async (version) => {
      const safe = safes[version]
      const read = {
        address: safe,
        abi: safeAbi,
      } as const
      const [onChainVersion, domainSeparator] = await Promise.all([
        stack.client.readContract({ ...read, functionName: 'VERSION' }),
        stack.client.readContract({ ...read, functionName: 'domainSeparator' }),
      ])
      expect(onChainVersion).toBe(version)
      // 1.5.0 dropped encodeTransactionData; its struct hash is pinned through
      // getTransactionHash = keccak256(0x19 ‖ 0x01 ‖ domainSeparator ‖ structHash).
      const hasEncodeTransactionData = version !== '1.5.0'
      await fc.assert(
        fc.asyncProperty(safeTransaction, async (safeTx) => {
          const hashes = hashSafeTransaction({
            chainId: stack.chainId,
            safe,
            safeVersion: version,
            safeTx,
          })
          const args = [
            safeTx.to,
            safeTx.value,
            safeTx.data,
            safeTx.operation,
            safeTx.safeTxGas,
            safeTx.baseGas,
            safeTx.gasPrice,
            safeTx.gasToken,
            safeTx.refundReceiver,
            safeTx.nonce,
          ] as const
          const [onChainHash, encoded] = await Promise.all([
            stack.client.readContract({
              ...read,
              functionName: 'getTransactionHash',
              args,
            }),
            hasEncodeTransactionData
              ? stack.client.readContract({
                  ...read,
                  functionName: 'encodeTransactionData',
                  args,
                })
              : undefined,
          ])
          expect(hashes.safeTxHash).toBe(onChainHash)
          expect(hashes.domainHash).toBe(domainSeparator)
          expect(hashes.messageHash).toBe(safeTxStructHash(safeTx))
          expect(
            keccak256(concat(['0x1901', domainSeparator, hashes.messageHash])),
          ).toBe(onChainHash)
          if (encoded !== undefined) {
            expect(slice(encoded, 0, 34)).toBe(
              concat(['0x1901', domainSeparator]),
            )
            expect(slice(encoded, 34)).toBe(hashes.messageHash)
          }
        }),
        {
          numRuns: 30,
          // Always cover empty calldata and a delegatecall.
          examples: [
            [{ ...base.safeTx, data: '0x' }],
            [{ ...base.safeTx, operation: 1, nonce: maxUint256 }],
          ],
        },
      )
    },
  )

  test('behavior: equals Safe 1.4.1 getTransactionHash / domainSeparator / encodeTransactionData and protocol-kit getTransactionHash for random transactions', async () => {
    const safe = stack.manifest.safes.ops.address
    const domainSeparator = await stack.client.readContract({
      address: safe,
      abi: safeAbi,
      functionName: 'domainSeparator',
    })
    await fc.assert(
      fc.asyncProperty(safeTransaction, async (safeTx) => {
        const hashes = hashSafeTransaction({
          chainId: stack.chainId,
          safe,
          safeVersion: '1.4.1',
          safeTx,
        })
        expect(hashes.domainHash).toBe(domainSeparator)
        const onChain = await stack.client.readContract({
          address: safe,
          abi: safeAbi,
          functionName: 'getTransactionHash',
          args: [
            safeTx.to,
            safeTx.value,
            safeTx.data,
            safeTx.operation,
            safeTx.safeTxGas,
            safeTx.baseGas,
            safeTx.gasPrice,
            safeTx.gasToken,
            safeTx.refundReceiver,
            safeTx.nonce,
          ],
        })
        expect(onChain).toBe(hashes.safeTxHash)
        // encodeTransactionData = 0x19 ‖ 0x01 ‖ domainSeparator ‖ structHash
        const encoded = await stack.client.readContract({
          address: safe,
          abi: safeAbi,
          functionName: 'encodeTransactionData',
          args: [
            safeTx.to,
            safeTx.value,
            safeTx.data,
            safeTx.operation,
            safeTx.safeTxGas,
            safeTx.baseGas,
            safeTx.gasPrice,
            safeTx.gasToken,
            safeTx.refundReceiver,
            safeTx.nonce,
          ],
        })
        expect(encoded).toBe(
          concat(['0x1901', hashes.domainHash, hashes.messageHash]),
        )
        if (safeTx.nonce <= BigInt(Number.MAX_SAFE_INTEGER)) {
          const transaction = await protocolKit.createTransaction({
            transactions: [
              {
                to: safeTx.to,
                value: safeTx.value.toString(),
                data: safeTx.data,
                operation: safeTx.operation,
              },
            ],
            options: {
              safeTxGas: safeTx.safeTxGas.toString(),
              baseGas: safeTx.baseGas.toString(),
              gasPrice: safeTx.gasPrice.toString(),
              gasToken: safeTx.gasToken,
              refundReceiver: safeTx.refundReceiver,
              nonce: Number(safeTx.nonce),
            },
          })
          expect(await protocolKit.getTransactionHash(transaction)).toBe(
            hashes.safeTxHash,
          )
        }
      }),
      { numRuns: 40 },
    )
  })
})
