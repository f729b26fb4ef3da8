import { encodeFunctionData, erc20Abi } from 'viem'
import { describe, expect, test } from 'vitest'
import { computeTransactionBuilderChecksum } from './computeTransactionBuilderChecksum.js'
import { realAppExport } from './test/batches.js'

/** safe-wallet-monorepo apps/tx-builder/src/lib/checksum.test.ts (and the legacy test). */
const appTestBatch = () => ({
  version: '1.0',
  chainId: '4',
  createdAt: 1646321521061,
  meta: {
    name: 'test batch file',
    txBuilderVersion: '1.4.0',
    createdFromSafeAddress: '0xDF8a1Ce35c9a6ACE153B4e0767942f1E2291a1Aa',
    createdFromOwnerAddress: '0x49d4450977E2c95362C13D3a31a09311E0Ea26A6',
  },
  transactions: [
    {
      to: '0x49d4450977E2c95362C13D3a31a09311E0Ea26A6',
      value: '0',
      contractMethod: {
        inputs: [
          { internalType: 'address', name: 'paramAddress', type: 'address' },
        ],
        name: 'testAddress',
        payable: false,
      },
      contractInputsValues: {
        paramAddress: '0x49d4450977E2c95362C13D3a31a09311E0Ea26A6',
      },
    },
    {
      to: '0x49d4450977E2c95362C13D3a31a09311E0Ea26A6',
      value: '0',
      contractMethod: {
        inputs: [{ internalType: 'bool', name: 'paramBool', type: 'bool' }],
        name: 'testBool',
        payable: false,
      },
      contractInputsValues: { paramAddress: '', paramBool: 'false' },
    },
    {
      to: '0x49d4450977E2c95362C13D3a31a09311E0Ea26A6',
      value: '2000000000000000000',
      data: '0x42f4579000000000000000000000000049d4450977e2c95362c13d3a31a09311e0ea26a6',
    },
  ],
})

/** docs/safe-formats.md#checksum library-style 31337 file. */
const libraryStyle = () => ({
  version: '1.0',
  chainId: '31337',
  createdAt: 1700000000000,
  meta: {
    name: 'Example batch',
    description: '',
    txBuilderVersion: '1.18.3',
    createdFromSafeAddress: '0x2B0b9cBDA3D7b0F760187c52A8FFB18C48E5d96A',
    createdFromOwnerAddress: '',
  },
  transactions: [
    {
      to: '0x79613FD49472C3C7a32188e45ff00e7bdC8a897d',
      value: '1',
      data: null,
      contractMethod: null,
      contractInputsValues: null,
    },
    {
      to: '0x6b92f5E5360bfCa8F5d3FcE65D87382967847983',
      value: '0',
      data: encodeFunctionData({
        abi: erc20Abi,
        functionName: 'transfer',
        args: ['0x79613FD49472C3C7a32188e45ff00e7bdC8a897d', 10n ** 18n],
      }),
      contractMethod: null,
      contractInputsValues: null,
    },
  ],
})

describe('computeTransactionBuilderChecksum', () => {
  test('default: the Transaction Builder test vector', () => {
    expect(computeTransactionBuilderChecksum(appTestBatch())).toBe(
      '0x86c81826dbf7e8a37612153294cc85fdf5c81998dd0a44b86d945502a7eace7c',
    )
  })

  test('behavior: a real Safe{Wallet} export validates', () => {
    expect(computeTransactionBuilderChecksum(realAppExport)).toBe(
      realAppExport.meta.checksum,
    )
  })

  test('behavior: docs/safe-formats.md#checksum library-style vector, with and without null keys', () => {
    expect(computeTransactionBuilderChecksum(libraryStyle())).toBe(
      '0x3bdb9bcf8eca6b3b13dd8855b0f8a369114baac17e18a5d32b3f524039d4f952',
    )
    const omitted = libraryStyle()
    omitted.transactions = omitted.transactions.map(({ to, value, data }) =>
      data === null ? { to, value } : { to, value, data },
    ) as typeof omitted.transactions
    expect(computeTransactionBuilderChecksum(omitted)).toBe(
      '0x8b3ea385f58b6d2c294cec1b4a0ea0a30cf7ab61d44d5484c9c2336ef7ffdd51',
    )
  })

  test('behavior: an existing checksum and the name are not hashed; key order does not matter', () => {
    const batch = appTestBatch()
    const withChecksum = {
      ...batch,
      meta: { ...batch.meta, name: 'renamed', checksum: '0xdead' },
    }
    expect(computeTransactionBuilderChecksum(withChecksum)).toBe(
      '0x86c81826dbf7e8a37612153294cc85fdf5c81998dd0a44b86d945502a7eace7c',
    )
    const reversed = Object.fromEntries(
      Object.entries(batch)
        .reverse()
        .map(([key, value]) => [
          key,
          key === 'meta'
            ? Object.fromEntries(Object.entries(value as object).reverse())
            : value,
        ]),
    )
    expect(computeTransactionBuilderChecksum(reversed)).toBe(
      computeTransactionBuilderChecksum(batch),
    )
  })

  test('behavior: reordering transactions or editing a value changes it', () => {
    const batch = appTestBatch()
    const reordered = {
      ...batch,
      transactions: [...batch.transactions].reverse(),
    }
    expect(computeTransactionBuilderChecksum(reordered)).not.toBe(
      computeTransactionBuilderChecksum(batch),
    )
    const edited = appTestBatch()
    edited.transactions[2]!.value = '2000000000000000001'
    expect(computeTransactionBuilderChecksum(edited)).not.toBe(
      computeTransactionBuilderChecksum(batch),
    )
  })
})
