import { authorCoinAbi } from '@storydao/core'
import { encodeFunctionData, erc20Abi } from 'viem'
import { describe, expect, test } from 'vitest'
import { computeTransactionBuilderChecksum } from './computeTransactionBuilderChecksum.js'
import {
  TransactionBuilderChainMismatchError,
  TransactionBuilderChecksumError,
  TransactionBuilderParseError,
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

/** The first issue of the TransactionBuilderParseError `json` fails with. */
const firstIssue = (json: unknown) => {
  try {
    parseTransactionBuilderBatch({ json })
  } catch (error) {
    expect(error).toBeInstanceOf(TransactionBuilderParseError)
    return (error as TransactionBuilderParseError).issues[0]
  }
  throw new Error('expected a TransactionBuilderParseError')
}

describe('parseTransactionBuilderBatch: JSON that parsers read differently', () => {
  test('error: a duplicate `to` (shows one address, executes another), checksum re-signed', () => {
    const honest = JSON.stringify(exported())
    const first = `{"to":"${a}",`
    expect(honest).toContain(first)
    // The checksum is computed over what JSON.parse keeps: the last `to`.
    const forged = honest.replace(first, `{"to":"${a}","to":"${b}",`)
    const parsed = withChecksum(JSON.parse(forged))
    const text = forged.replace(
      /"checksum":"0x[0-9a-f]{64}"/,
      `"checksum":"${parsed.meta.checksum}"`,
    )
    expect(firstIssue(text)).toMatchInlineSnapshot(`
      {
        "message": "duplicate key "to" (offset 376): one reader shows the first value, another the last, and the checksum only covers one of them.",
        "path": "transactions[0].to",
      }
    `)
  })

  test('error: duplicate keys at any depth, escaped or not', () => {
    const honest = JSON.stringify(exported())
    expect(
      firstIssue(honest.replace('{"version":', '{"chainId":"2","version":'))
        ?.path,
    ).toBe('chainId')
    expect(
      firstIssue(
        honest.replace(
          '"type":"address"',
          '"type":"address","\\u0074ype":"uint256"',
        ),
      )?.path,
    ).toBe('transactions[1].contractMethod.inputs[0].type')
  })

  test('error: unpaired surrogates, integers beyond 2^53, invalid escapes', () => {
    const honest = JSON.stringify(exported())
    expect(
      firstIssue(honest.replace('"name":"Batch"', '"name":"\\ud800Batch"')),
    ).toMatchInlineSnapshot(`
      {
        "message": "a string holds an unpaired UTF-16 surrogate (offset 76); parsers replace, keep or reject it differently.",
        "path": "meta.name",
      }
    `)
    expect(
      firstIssue(
        honest.replace(
          '"createdAt":1700000000000',
          '"createdAt":9007199254740993',
        ),
      ),
    ).toMatchInlineSnapshot(`
      {
        "message": "the number 9007199254740993 (offset 47) is beyond 2^53, where parsers disagree on its value; write amounts as decimal strings.",
        "path": "createdAt",
      }
    `)
    expect(
      firstIssue(honest.replace('"name":"Batch"', '"name":"\\xBatch"'))?.path,
    ).toBe('(root)')
  })

  test('error: 10,000 levels of nesting (20 KB) fail with a typed error, without recursion', () => {
    const deep = `{"transactions":${'['.repeat(10_000)}${']'.repeat(10_000)}}`
    expect(firstIssue(deep)).toMatchInlineSnapshot(`
      {
        "message": "nesting deeper than 64 levels (offset 79); a Transaction Builder file needs far less.",
        "path": "transactions[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]",
      }
    `)
    const object: Record<string, unknown> = {}
    let cursor = object
    for (let i = 0; i < 10_000; i++) {
      const next: Record<string, unknown> = {}
      cursor.a = next
      cursor = next
    }
    expect(firstIssue(object)?.message).toMatch(/^nesting deeper than 64/)
  })

  test('error: an already-parsed object with a cycle', () => {
    const batch = exported() as unknown as Record<string, unknown>
    ;(batch.meta as Record<string, unknown>).self = batch
    expect(firstIssue(batch)).toMatchInlineSnapshot(`
      {
        "message": "the same object appears twice (a cycle or a shared reference), which no JSON file can hold.",
        "path": "(root).meta.self",
      }
    `)
  })
})

describe('parseTransactionBuilderBatch: ABI types', () => {
  test('error: types that do not exist', () => {
    const batch = exported()
    const method = batch.transactions[1]!.contractMethod!
    const inputs = [
      'uint7',
      'int264',
      'bytes33',
      'uint0',
      'uint08',
      'address[0]',
      'tuple',
    ].map((type, i) => ({ name: `x${i}`, type, internalType: type }))
    const forged = withChecksum({
      ...batch,
      transactions: [
        { ...batch.transactions[1]!, contractMethod: { ...method, inputs } },
      ],
    })
    let error: unknown
    try {
      parseTransactionBuilderBatch({ json: forged })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(TransactionBuilderParseError)
    expect(
      (error as TransactionBuilderParseError).issues,
    ).toMatchInlineSnapshot(`
      [
        {
          "message": ""uint7" is not an ABI type: integers take 8 to 256 bits in steps of 8 (uint8 … uint256).",
          "path": "transactions[0].contractMethod.inputs[0].type",
        },
        {
          "message": ""int264" is not an ABI type: integers take 8 to 256 bits in steps of 8 (uint8 … uint256).",
          "path": "transactions[0].contractMethod.inputs[1].type",
        },
        {
          "message": ""bytes33" is not an ABI type: fixed-size bytes take 1 to 32 bytes (bytes1 … bytes32).",
          "path": "transactions[0].contractMethod.inputs[2].type",
        },
        {
          "message": ""uint0" is not an ABI type: integers take 8 to 256 bits in steps of 8 (uint8 … uint256).",
          "path": "transactions[0].contractMethod.inputs[3].type",
        },
        {
          "message": ""uint08" is not an ABI type: integers take 8 to 256 bits in steps of 8 (uint8 … uint256).",
          "path": "transactions[0].contractMethod.inputs[4].type",
        },
        {
          "message": ""address[0]" has an array length of 0; fixed arrays hold at least one element, written without leading zeros.",
          "path": "transactions[0].contractMethod.inputs[5].type",
        },
        {
          "message": ""tuple" needs \`components\`.",
          "path": "transactions[0].contractMethod.inputs[6].type",
        },
      ]
    `)
  })

  test('behavior: every real ABI type is accepted', () => {
    const batch = exported()
    const method = batch.transactions[1]!.contractMethod!
    const types = [
      'uint8',
      'int256',
      'uint',
      'bytes1',
      'bytes32',
      'bytes',
      'string',
      'bool',
      'address[]',
      'uint256[2][]',
    ]
    const forged = withChecksum({
      ...batch,
      transactions: [
        {
          ...batch.transactions[1]!,
          data: '0xdeadbeef',
          contractMethod: {
            ...method,
            inputs: types.map((type, i) => ({
              name: `x${i}`,
              type,
              internalType: type,
            })),
          },
          contractInputsValues: null,
        },
      ],
    })
    // No values: only the encoding fails, never a type.
    expect(firstIssue(forged)?.path).toBe('transactions[0].contractMethod')
  })
})
