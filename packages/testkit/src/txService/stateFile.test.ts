import { describe, expect, test } from 'vitest'
import { findStateProblems } from './stateFile.js'

const owner = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const safe = '0x1835069efDE63081BA0833Ef9704bf2Cc0E45abc'
const hash = `0x${'ab'.repeat(32)}`

const transaction = {
  safe,
  to: owner,
  value: '1',
  data: null,
  operation: 0,
  safeTxGas: '0',
  baseGas: '0',
  gasPrice: '0',
  gasToken: null,
  refundReceiver: null,
  nonce: '0',
  safeTxHash: hash,
  proposer: owner,
  proposedByDelegate: null,
  origin: {},
  trusted: true,
  created: '2026-01-02T03:04:05.678Z',
  modified: '2026-01-02T03:04:05.678Z',
  confirmations: [
    {
      owner,
      created: '2026-01-02T03:04:05.678Z',
      signature: `0x${'11'.repeat(65)}`,
      signatureType: 'EOA',
    },
  ],
  execution: {
    transactionHash: `0x${'cd'.repeat(32)}`,
    blockHash: `0x${'ef'.repeat(32)}`,
    blockNumber: '12',
    executionDate: '2026-01-02T03:05:00.000Z',
    executor: owner,
    success: true,
    payment: '0',
    ethGasPrice: '1000000000',
    maxFeePerGas: null,
    maxPriorityFeePerGas: null,
    gasUsed: '60000',
    signatures: `0x${'11'.repeat(65)}`,
  },
}

describe('findStateProblems', () => {
  test('default: a state as the service writes it has no problems', () => {
    expect(
      findStateProblems({
        version: 1,
        chainId: 31337,
        transactions: [
          transaction,
          {
            ...transaction,
            safeTxHash: `0x${'01'.repeat(32)}`,
            execution: null,
          },
        ],
        delegates: [
          {
            safe: null,
            delegate: safe,
            delegator: owner,
            label: 'bot',
            expiryDate: null,
          },
        ],
      }),
    ).toEqual([])
  })

  test('error: not an object, unknown version, duplicate hashes, bad execution', () => {
    expect(findStateProblems(null)).toEqual(['$: expected an object, got null'])
    expect(
      findStateProblems({
        version: 2,
        chainId: '31337',
        transactions: [
          transaction,
          {
            ...transaction,
            execution: { ...transaction.execution, success: 1 },
          },
        ],
        delegates: [{ delegate: safe }],
      }),
    ).toMatchInlineSnapshot(`
      [
        "version: expected 1, got 2",
        "chainId: expected a positive integer, got "31337"",
        "transactions[1].execution.success: expected true or false, got 1",
        "delegates[0].safe: missing",
        "delegates[0].delegator: missing",
        "delegates[0].label: missing",
        "delegates[0].expiryDate: missing",
        "transactions[1].safeTxHash: duplicates transactions[0]",
      ]
    `)
  })
})
