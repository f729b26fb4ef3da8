import {
  InvalidParamsRpcError,
  LimitExceededRpcError,
  ResponseBodyTooLargeError,
} from 'viem'
import { describe, expect, test } from 'vitest'
import { getLogsPaginated, isRangeTooLargeError } from './getLogsPaginated.js'

describe('isRangeTooLargeError', () => {
  test.each([
    'Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit on the response size',
    'query returned more than 10000 results',
    'block range is too large',
    'exceed maximum block range: 50000',
    'eth_getLogs is limited to a 10,000 range',
    'query timeout exceeded',
    'ranges over 10000 blocks are not supported on freetier',
    'block range is too wide',
    'Block range limit exceeded.',
  ])('behavior: %s', (message) => {
    const rpcError = new InvalidParamsRpcError(
      Object.assign(new Error(message), { code: -32602 }),
    )
    expect(isRangeTooLargeError(rpcError)).toBe(true)
  })

  test('behavior: JSON-RPC "limit exceeded" (-32005)', () => {
    expect(
      isRangeTooLargeError(new LimitExceededRpcError(new Error('x'))),
    ).toBe(true)
  })

  test('behavior: a response over viem’s HTTP size cap', () => {
    const tooLarge = new ResponseBodyTooLargeError({
      maxSize: 10_485_760,
      size: 15_112_987,
    })
    expect(
      isRangeTooLargeError(new Error('wrapped', { cause: tooLarge })),
    ).toBe(true)
  })

  test('behavior: other errors are not', () => {
    expect(isRangeTooLargeError(new Error('filter not found'))).toBe(false)
    expect(isRangeTooLargeError(undefined)).toBe(false)
  })
})

describe('getLogsPaginated', () => {
  test('default', async () => {
    const ranges: [bigint, bigint][] = []
    const logs = await getLogsPaginated({
      fromBlock: 3n,
      toBlock: 12n,
      blockRange: 4n,
      getLogs: async ({ fromBlock, toBlock }) => {
        ranges.push([fromBlock, toBlock])
        return [`${fromBlock}-${toBlock}`]
      },
    })
    expect(logs).toEqual(['3-6', '7-10', '11-12'])
    expect(ranges).toHaveLength(3)
  })

  test('behavior: halves a rejected range, and later ranges start smaller', async () => {
    const asked: string[] = []
    const logs = await getLogsPaginated({
      fromBlock: 0n,
      toBlock: 15n,
      blockRange: 8n,
      getLogs: async ({ fromBlock, toBlock }) => {
        asked.push(`${fromBlock}-${toBlock}`)
        if (toBlock - fromBlock + 1n > 2n)
          throw new Error('block range is too large')
        return [`${fromBlock}-${toBlock}`]
      },
    })
    expect(logs).toEqual([
      '0-1',
      '2-3',
      '4-5',
      '6-7',
      '8-9',
      '10-11',
      '12-13',
      '14-15',
    ])
    // The first 8-block range fails twice before the size settles at 2.
    expect(asked.filter((range) => range === '0-7')).toHaveLength(1)
  })

  test('behavior: an empty range reads nothing', async () => {
    const logs = await getLogsPaginated({
      fromBlock: 5n,
      toBlock: 4n,
      blockRange: 10n,
      getLogs: async () => {
        throw new Error('not called')
      },
    })
    expect(logs).toEqual([])
  })

  test('error: a one-block range that is still rejected', async () => {
    await expect(
      getLogsPaginated({
        fromBlock: 0n,
        toBlock: 3n,
        blockRange: 4n,
        getLogs: async () => {
          throw new Error('query returned more than 10000 results')
        },
      }),
    ).rejects.toThrow('query returned more than 10000 results')
  })
})
