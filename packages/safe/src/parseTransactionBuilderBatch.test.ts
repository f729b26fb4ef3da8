import { authorCoinAbi } from '@storydao/core'
import { encodeFunctionData, erc20Abi } from 'viem'
import { describe, expect, test } from 'vitest'
import { computeTransactionBuilderChecksum } from './computeTransactionBuilderChecksum.js'
import {
  TransactionBuilderChainMismatchError,
  TransactionBuilderChecksumError,
} from './errors/transactionBuilder.js'
import { parseTransactionBuilderBatch } from './parseTransactionBuilderBatch.js'
import { realAppExport } from './test/batches.js'
import { offlinePlan } from './test/plans.js'
import { toTransactionBuilderBatch } from './toTransactionBuilderBatch.js'
import type { TransactionBuilderBatch } from './types/transactionBuilder.js'

const a = '0x79613FD49472C3C7a32188e45ff00e7bdC8a897d'
const b = '0x6b92f5E5360bfCa8F5d3FcE65D87382967847983'
const safe = '0x2B0b9cBDA3D7b0F760187c52A8FFB18C48E5d96A'

const plan = offlinePlan({
  safe,
  calls: [
    {
      to: a,
      value: 10n ** 18n,
      data: '0x',
      operation: 'call',
      label: 'Send 1 ETH',
    },
    {
      to: b,
      value: 0n,
      data: encodeFunctionData({
        abi: authorCoinAbi,
        functionName: 'transfer',
        args: [a, 123n],
      }),
      operation: 'call',
      label: 'Transfer AUTH',
      abi: authorCoinAbi,
    },
    { to: b, value: 0n, data: '0xdeadbeef', operation: 'call', label: 'Raw' },
  ],
})
const exported = () =>
  JSON.parse(
    JSON.stringify(
      toTransactionBuilderBatch({
        plan,
        name: 'Batch',
        createdAt: 1700000000000,
      }),
    ),
  ) as TransactionBuilderBatch

/** Re-signs an edited batch, as a careful forger would. */
const withChecksum = (batch: TransactionBuilderBatch) => ({
  ...batch,
  meta: { ...batch.meta, checksum: computeTransactionBuilderChecksum(batch) },
})

describe('parseTransactionBuilderBatch', () => {
  test('default: export → JSON text → parse round trip', () => {
    const text = JSON.stringify(exported(), null, 2)
    const parsed = parseTransactionBuilderBatch({
      json: text,
      chainId: 31337,
      safe,
    })
    expect(parsed.chainId).toBe(31337)
    expect(parsed.safe).toBe(safe)
    expect(
      parsed.calls.map(({ to, value, data }) => ({ to, value, data })),
    ).toEqual(plan.calls.map(({ to, value, data }) => ({ to, value, data })))
    expect(parsed.calls.map((call) => call.label)).toEqual([
      'Transfer',
      'transfer',
      'Custom hex data',
    ])
  })

  test('behavior: a real Safe{Wallet} export (data null, method + values)', () => {
    const { calls, chainId, safe } = parseTransactionBuilderBatch({
      json: JSON.stringify(realAppExport),
      chainId: 1,
    })
    expect(chainId).toBe(1)
    expect(safe).toBe('0xA77DE01e157f9f57C7c4A326eeE9C4874D0598b6')
    expect(calls).toEqual([
      expect.objectContaining({
        to: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
        value: 0n,
        data: encodeFunctionData({
          abi: erc20Abi,
          functionName: 'approve',
          args: ['0x474e5Ded6b5D078163BFB8F6dBa355C3aA5478C8', 100000000000n],
        }),
        operation: 'call',
        label: 'approve',
      }),
    ])
  })

  test('error: tampered value, checksum kept', () => {
    const batch = exported()
    batch.transactions[0]!.value = '2000000000000000000'
    expect(() =>
      parseTransactionBuilderBatch({ json: JSON.stringify(batch) }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [TransactionBuilderChecksumError: Transaction Builder file was modified after it was exported: meta.checksum does not match its content.

      Stored:   0x62501241ebefb124058d149f328df2a7be39d7389001a11d6cf5207e0688024e
      Computed: 0xcd9e1b8990a990a92c5fda98afbdeb260d3c89275a3de5e71a829371ef83af8c

      Hint: Do not import or sign it. Ask the author for the original export and compare the transactions (to, value, data) one by one.
      Docs: packages/safe/README.md#transaction-builder-files
      Version: @storydao/core@x.y.z]
    `)
    expect(() => parseTransactionBuilderBatch({ json: batch })).toThrow(
      TransactionBuilderChecksumError,
    )
  })

  test('error: tampered recipient, checksum kept', () => {
    const batch = exported()
    batch.transactions[1]!.contractInputsValues!.to = b
    batch.transactions[1]!.data = encodeFunctionData({
      abi: authorCoinAbi,
      functionName: 'transfer',
      args: [b, 123n],
    })
    expect(() => parseTransactionBuilderBatch({ json: batch })).toThrow(
      TransactionBuilderChecksumError,
    )
  })

  test('error: missing checksum', () => {
    const batch = exported()
    delete batch.meta.checksum
    expect(() =>
      parseTransactionBuilderBatch({ json: batch }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [TransactionBuilderChecksumError: Transaction Builder file has no meta.checksum; its integrity cannot be verified.

      Stored:   (none)
      Computed: 0x62501241ebefb124058d149f328df2a7be39d7389001a11d6cf5207e0688024e

      Hint: Do not import or sign it. Ask the author for the original export and compare the transactions (to, value, data) one by one.
      Docs: packages/safe/README.md#transaction-builder-files
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: chain id mismatch', () => {
    expect(() =>
      parseTransactionBuilderBatch({ json: exported(), chainId: 1 }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [TransactionBuilderChainMismatchError: Transaction Builder file is for chain 31337, expected 1.

      Hint: The same addresses on another chain can be other contracts. Export the batch again for the right network.
      Docs: packages/safe/README.md#transaction-builder-files
      Version: @storydao/core@x.y.z]
    `)
    expect(() =>
      parseTransactionBuilderBatch({ json: exported(), chainId: 1 }),
    ).toThrow(TransactionBuilderChainMismatchError)
  })

  test('error: Safe mismatch', () => {
    expect(() =>
      parseTransactionBuilderBatch({ json: exported(), safe: a }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [TransactionBuilderSafeMismatchError: Transaction Builder file was made for Safe 0x2B0b9cBDA3D7b0F760187c52A8FFB18C48E5d96A, expected 0x79613FD49472C3C7a32188e45ff00e7bdC8a897d.

      Hint: Check that the batch is meant for this Safe before importing it.
      Docs: packages/safe/README.md#transaction-builder-files
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: decoded view does not describe data (re-checksummed forgery)', () => {
    const batch = exported()
    // The signer would read "transfer 123 to a" while data pays b.
    batch.transactions[1]!.data = encodeFunctionData({
      abi: authorCoinAbi,
      functionName: 'transfer',
      args: [b, 123n],
    })
    expect(() =>
      parseTransactionBuilderBatch({ json: withChecksum(batch) }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [TransactionBuilderParseError: Invalid Transaction Builder file: 1 problem.

      - transactions[1].contractInputsValues: the decoded view (transfer) does not describe data, which is what will be sent: they differ from byte 16 on.

      Hint: Export the batch again (Safe{Wallet} Transaction Builder or toTransactionBuilderBatch); values must be decimal strings, addresses checksummed.
      Docs: packages/safe/README.md#transaction-builder-files
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: numbers instead of strings, bad addresses, with JSON paths', () => {
    const batch = exported() as unknown as {
      chainId: unknown
      transactions: {
        to: unknown
        value: unknown
        data: unknown
        contractInputsValues: Record<string, unknown>
      }[]
    }
    batch.chainId = 31337
    batch.transactions[0]!.value = 1
    batch.transactions[1]!.to = '0x6B92f5E5360bfCa8F5d3FcE65D87382967847983'
    batch.transactions[1]!.contractInputsValues.value = 123
    batch.transactions[2]!.data = 'deadbeef'
    expect(() =>
      parseTransactionBuilderBatch({ json: batch }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [TransactionBuilderParseError: Invalid Transaction Builder file: 5 problems.

      - chainId: expected a decimal string (e.g. "1"), got the number 31337.
      - transactions[0].value: expected a decimal string of wei, got the number 1; the Transaction Builder rejects numbers ("Make sure all numbers are encoded as strings").
      - transactions[1].to: Address "0x6B92f5E5360bfCa8F5d3FcE65D87382967847983" at transactions[1].to has a wrong EIP-55 checksum.
      - transactions[1].contractInputsValues.value: expected a string, got the number 123; the Transaction Builder rejects numbers.
      - transactions[2].data: expected 0x-prefixed hex bytes or null, got "deadbeef".

      Hint: Export the batch again (Safe{Wallet} Transaction Builder or toTransactionBuilderBatch); values must be decimal strings, addresses checksummed.
      Docs: packages/safe/README.md#transaction-builder-files
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: not JSON / not a batch', () => {
    expect(() =>
      parseTransactionBuilderBatch({ json: '{"version": "1.0",' }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [TransactionBuilderParseError: Invalid Transaction Builder file: 1 problem.

      - (root): not valid JSON (Expected double-quoted property name in JSON at position 18).

      Hint: Export the batch again (Safe{Wallet} Transaction Builder or toTransactionBuilderBatch); values must be decimal strings, addresses checksummed.
      Docs: packages/safe/README.md#transaction-builder-files
      Details: Expected double-quoted property name in JSON at position 18
      Version: @storydao/core@x.y.z]
    `)
    expect(() =>
      parseTransactionBuilderBatch({ json: '[]' }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [TransactionBuilderParseError: Invalid Transaction Builder file: 1 problem.

      - (root): expected a JSON object with \`meta\` and \`transactions\`.

      Hint: Export the batch again (Safe{Wallet} Transaction Builder or toTransactionBuilderBatch); values must be decimal strings, addresses checksummed.
      Docs: packages/safe/README.md#transaction-builder-files
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: method values that do not encode', () => {
    const batch = exported()
    batch.transactions[1]!.data = null
    batch.transactions[1]!.contractInputsValues!.value = 'lots'
    expect(() =>
      parseTransactionBuilderBatch({ json: withChecksum(batch) }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [TransactionBuilderParseError: Invalid Transaction Builder file: 1 problem.

      - transactions[1].contractInputsValues: cannot be encoded for transfer(address,uint256): invalid integer "lots".

      Hint: Export the batch again (Safe{Wallet} Transaction Builder or toTransactionBuilderBatch); values must be decimal strings, addresses checksummed.
      Docs: packages/safe/README.md#transaction-builder-files
      Version: @storydao/core@x.y.z]
    `)
  })
})
