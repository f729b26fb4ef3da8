import { authorCoinAbi } from '@storydao/core'
import { encodeFunctionData, erc20Abi, parseAbi, zeroAddress } from 'viem'
import { describe, expect, test } from 'vitest'
import { computeTransactionBuilderChecksum } from './computeTransactionBuilderChecksum.js'
import { parseTransactionBuilderBatch } from './parseTransactionBuilderBatch.js'
import { realAppExport } from './test/batches.js'
import { offlinePlan } from './test/plans.js'
import { toTransactionBuilderBatch } from './toTransactionBuilderBatch.js'

const a = '0x79613FD49472C3C7a32188e45ff00e7bdC8a897d'
const b = '0x6b92f5E5360bfCa8F5d3FcE65D87382967847983'
const transfer = encodeFunctionData({
  abi: erc20Abi,
  functionName: 'transfer',
  args: [a, 10n ** 18n],
})

const kitchenSinkAbi = parseAbi([
  'struct Order { address maker; uint96 amount; bool flag; bytes32 salt; string memo; uint256[] ids }',
  'function everything(address who, address[] many, uint256[2] pair, int256 delta, bool yes, bytes blob, bytes4 tag, string note, string[] notes, uint8[][] grid, Order order, Order[] orders) payable',
])

describe('toTransactionBuilderBatch', () => {
  test('default: reproduces the docs/safe-formats.md#checksum library-style file', () => {
    const plan = offlinePlan({
      calls: [
        {
          to: a,
          value: 1n,
          data: '0x',
          operation: 'call',
          label: 'Send 1 wei',
        },
        {
          to: b,
          value: 0n,
          data: transfer,
          operation: 'call',
          label: 'Transfer',
        },
      ],
    })
    const batch = toTransactionBuilderBatch({
      plan,
      name: 'Example batch',
      createdAt: 1700000000000,
    })
    expect(batch).toEqual({
      version: '1.0',
      chainId: '31337',
      createdAt: 1700000000000,
      meta: {
        name: 'Example batch',
        description: '',
        txBuilderVersion: '1.18.3',
        createdFromSafeAddress: '0x2B0b9cBDA3D7b0F760187c52A8FFB18C48E5d96A',
        createdFromOwnerAddress: '',
        checksum:
          '0x3bdb9bcf8eca6b3b13dd8855b0f8a369114baac17e18a5d32b3f524039d4f952',
      },
      transactions: [
        {
          to: a,
          value: '1',
          data: null,
          contractMethod: null,
          contractInputsValues: null,
        },
        {
          to: b,
          value: '0',
          data: transfer,
          contractMethod: null,
          contractInputsValues: null,
        },
      ],
    })
    // Every value is a string, never a JSON number.
    expect(JSON.stringify(batch.transactions)).not.toMatch(/"value":\d/)
  })

  test('behavior: decoded view from Call.abi instead of data, so the app shows the decoded call', () => {
    const pause = encodeFunctionData({
      abi: authorCoinAbi,
      functionName: 'pause',
    })
    const mint = encodeFunctionData({
      abi: authorCoinAbi,
      functionName: 'mint',
      args: [b, 5n * 10n ** 18n],
    })
    const plan = offlinePlan({
      calls: [
        {
          to: a,
          value: 0n,
          data: pause,
          operation: 'call',
          label: 'Pause',
          abi: authorCoinAbi,
        },
        {
          to: a,
          value: 0n,
          data: mint,
          operation: 'call',
          label: 'Mint',
          abi: authorCoinAbi,
        },
      ],
    })
    const batch = toTransactionBuilderBatch({ plan, name: 'x', createdAt: 0 })
    const { transactions } = batch
    expect(transactions).toMatchInlineSnapshot(`
      [
        {
          "contractInputsValues": {},
          "contractMethod": {
            "inputs": [],
            "name": "pause",
            "payable": false,
          },
          "data": null,
          "to": "0x79613FD49472C3C7a32188e45ff00e7bdC8a897d",
          "value": "0",
        },
        {
          "contractInputsValues": {
            "amount": "5000000000000000000",
            "to": "0x6b92f5E5360bfCa8F5d3FcE65D87382967847983",
          },
          "contractMethod": {
            "inputs": [
              {
                "internalType": "address",
                "name": "to",
                "type": "address",
              },
              {
                "internalType": "uint256",
                "name": "amount",
                "type": "uint256",
              },
            ],
            "name": "mint",
            "payable": false,
          },
          "data": null,
          "to": "0x79613FD49472C3C7a32188e45ff00e7bdC8a897d",
          "value": "0",
        },
      ]
    `)
    // Round trip: the importer rebuilds the exact calldata from the decoded
    // view, and the checksum of the exported file verifies.
    const parsed = parseTransactionBuilderBatch({
      json: JSON.stringify(batch),
      chainId: plan.chainId,
      safe: plan.safe,
    })
    expect(
      parsed.calls.map(({ to, value, data, operation, label }) => ({
        to,
        value,
        data,
        operation,
        label,
      })),
    ).toEqual([
      { to: a, value: 0n, data: pause, operation: 'call', label: 'pause' },
      { to: a, value: 0n, data: mint, operation: 'call', label: 'mint' },
    ])
  })

  test('behavior: an approve call exports exactly as Safe{Wallet} writes it (real app export, checksum included)', () => {
    const [tx] = realAppExport.transactions
    const approveAbi = parseAbi([
      'function approve(address spender, uint256 value) returns (bool)',
    ])
    const plan = offlinePlan({
      chainId: 1,
      safe: realAppExport.meta.createdFromSafeAddress as `0x${string}`,
      calls: [
        {
          to: tx!.to as `0x${string}`,
          value: 0n,
          data: encodeFunctionData({
            abi: approveAbi,
            functionName: 'approve',
            args: [
              tx!.contractInputsValues.spender as `0x${string}`,
              BigInt(tx!.contractInputsValues.value),
            ],
          }),
          operation: 'call',
          label: 'USDC: approve',
          abi: approveAbi,
        },
      ],
    })
    expect(
      toTransactionBuilderBatch({
        plan,
        name: realAppExport.meta.name,
        createdAt: realAppExport.createdAt,
        txBuilderVersion: realAppExport.meta.txBuilderVersion,
      }),
    ).toEqual(realAppExport)
  })

  test('behavior: every supported ABI type round-trips through the importer rules', () => {
    const data = encodeFunctionData({
      abi: kitchenSinkAbi,
      functionName: 'everything',
      args: [
        a,
        [a, b],
        [1n, 2n ** 200n],
        -42n,
        true,
        '0xdeadbeef',
        '0x12345678',
        'hello, "world" [1]',
        ['x, y', '[z]'],
        [[1, 2], [], [3]],
        {
          maker: b,
          amount: 7n,
          flag: false,
          salt: `0x${'ab'.repeat(32)}`,
          memo: 'm',
          ids: [1n, 2n],
        } as {
          maker: `0x${string}`
          amount: bigint
          flag: boolean
          salt: `0x${string}`
          memo: string
        },
        [],
      ],
    })
    const plan = offlinePlan({
      calls: [
        {
          to: a,
          value: 3n,
          data,
          operation: 'call',
          label: 'Everything',
          abi: kitchenSinkAbi,
        },
      ],
    })
    const batch = toTransactionBuilderBatch({ plan, name: 'x', createdAt: 0 })
    const [tx] = batch.transactions
    expect(tx!.data).toBeNull()
    expect(tx!.contractMethod?.payable).toBe(true)
    expect(tx!.contractInputsValues).toMatchInlineSnapshot(`
      {
        "blob": "0xdeadbeef",
        "delta": "-42",
        "grid": "[[1, 2], [], [3]]",
        "many": "[0x79613FD49472C3C7a32188e45ff00e7bdC8a897d, 0x6b92f5E5360bfCa8F5d3FcE65D87382967847983]",
        "note": "hello, "world" [1]",
        "notes": "["x, y","[z]"]",
        "order": "["0x6b92f5E5360bfCa8F5d3FcE65D87382967847983","7",false,"0xabababababababababababababababababababababababababababababababab","m",["1","2"]]",
        "orders": "[]",
        "pair": "[1, 1606938044258990275541962092341162602522202993782792835301376]",
        "tag": "0x12345678",
        "who": "0x79613FD49472C3C7a32188e45ff00e7bdC8a897d",
        "yes": "true",
      }
    `)
    // The decoded view alone (what the file carries) encodes to the same
    // calldata; so does the view next to the raw data, had it been written.
    const [call] = parseTransactionBuilderBatch({
      json: JSON.stringify(batch),
    }).calls
    expect(call).toMatchObject({ to: a, value: 3n, data, operation: 'call' })
    const withData = { ...batch, transactions: [{ ...tx!, data }] }
    withData.meta = {
      ...withData.meta,
      checksum: computeTransactionBuilderChecksum(withData),
    }
    expect(
      parseTransactionBuilderBatch({ json: withData }).calls[0]!.data,
    ).toBe(data)
  })

  test('behavior: data only when the ABI does not describe the call', () => {
    const plan = offlinePlan({
      calls: [
        // A selector authorCoinAbi does not have.
        {
          to: a,
          value: 0n,
          data: '0x12345678',
          operation: 'call',
          label: 'Raw',
          abi: authorCoinAbi,
        },
      ],
    })
    const [tx] = toTransactionBuilderBatch({
      plan,
      name: 'x',
      createdAt: 0,
    }).transactions
    expect(tx).toEqual({
      to: a,
      value: '0',
      data: '0x12345678',
      contractMethod: null,
      contractInputsValues: null,
    })
  })

  test('behavior: data only when the importer would not reproduce data (trailing bytes)', () => {
    const data =
      `${encodeFunctionData({ abi: authorCoinAbi, functionName: 'pause' })}00` as const
    const plan = offlinePlan({
      calls: [
        {
          to: a,
          value: 0n,
          data,
          operation: 'call',
          label: 'Odd',
          abi: authorCoinAbi,
        },
      ],
    })
    const [tx] = toTransactionBuilderBatch({
      plan,
      name: 'x',
      createdAt: 0,
    }).transactions
    expect(tx!.contractMethod).toBeNull()
    expect(tx!.contractInputsValues).toBeNull()
    expect(tx!.data).toBe(data)
  })

  test('error: delegatecall plan', () => {
    const plan = offlinePlan({
      calls: [
        {
          to: a,
          value: 0n,
          data: '0x',
          operation: 'delegatecall',
          label: 'lib',
        },
      ],
    })
    expect(() =>
      toTransactionBuilderBatch({ plan, name: 'x' }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [TransactionBuilderUnsupportedError: A delegatecall plan cannot be exported: Transaction Builder transactions are always plain calls.

      Hint: Propose the plan through the Transaction Service instead (proposeSafePlan).
      Docs: packages/safe/README.md#transaction-builder-files
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: edited plan', () => {
    const plan = offlinePlan({
      calls: [
        { to: a, value: 1n, data: '0x', operation: 'call', label: 'Send' },
      ],
    })
    const edited = {
      ...plan,
      calls: [{ ...plan.calls[0]!, to: zeroAddress }],
    }
    expect(() =>
      toTransactionBuilderBatch({ plan: edited, name: 'x' }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [SafePlanIntegrityError: The plan’s calls do not match its Safe transaction.

      Plan safeTxHash:     0xf06dd54a6127b5eeacef9479fa8c64a60fdc991b352812c1ff88e5f45610720e
      Computed safeTxHash: 0xf06dd54a6127b5eeacef9479fa8c64a60fdc991b352812c1ff88e5f45610720e
      plan.calls do not match what safeTx executes.

      Hint: Do not edit a plan after building it: rebuild it with buildSafePlan. Never sign a plan whose hashes you cannot reproduce.
      Docs: packages/safe/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })
})
