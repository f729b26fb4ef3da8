import { authorCoinAbi } from '@storydao/core'
import { type LocalStack, startLocalStack } from '@storydao/testkit'
import { createPublicClient, http } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createFork } from './createFork.js'
import { countingTransport } from './test/helpers.js'

let stack: LocalStack

beforeAll(async () => {
  stack = await startLocalStack()
})

afterAll(async () => {
  await stack?.stop()
})

describe('createFork', () => {
  test('default', async () => {
    const block = await stack.client.getBlockNumber()
    const fork = await createFork({ rpcUrl: stack.rpcUrl })
    try {
      expect(fork.rpcUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(fork.chainId).toBe(31337)
      expect(fork.blockNumber).toBe(block)
      expect(fork.client.chain.id).toBe(31337)
      // The fork reads the upstream's state.
      const coin = stack.manifest.contracts.AuthorCoin!.address
      expect(
        await fork.client.readContract({
          address: coin,
          abi: authorCoinAbi,
          functionName: 'totalSupply',
        }),
      ).toBe(
        await stack.client.readContract({
          address: coin,
          abi: authorCoinAbi,
          functionName: 'totalSupply',
        }),
      )
    } finally {
      await fork.stop()
    }
    // Stopped: the port no longer answers.
    await expect(
      createPublicClient({
        transport: http(fork.rpcUrl, { retryCount: 0 }),
      }).getChainId(),
    ).rejects.toThrow()
    // Stopping twice is fine.
    await fork.stop()
  })

  test('behavior: snapshot and revert isolate simulations; the upstream never changes', async () => {
    const fork = await createFork({ rpcUrl: stack.rpcUrl })
    try {
      const coin = stack.manifest.contracts.AuthorCoin!.address
      const emergency = stack.manifest.safes.emergency!.address
      const id = await fork.snapshot()
      // Auto-impersonation and a zero base fee: any account sends, unfunded.
      await fork.client.setBalance({ address: emergency, value: 0n })
      const hash = await fork.client.request({
        method: 'eth_sendTransaction',
        params: [
          {
            from: emergency,
            to: coin,
            data: '0x8456cb59',
            gasPrice: '0x0',
            gas: '0x30d40',
          },
        ],
      } as never)
      const receipt = await fork.client.waitForTransactionReceipt({
        hash: hash as `0x${string}`,
      })
      expect(receipt.status).toBe('success')
      const paused = () =>
        fork.client.readContract({
          address: coin,
          abi: authorCoinAbi,
          functionName: 'paused',
        })
      expect(await paused()).toBe(true)
      await fork.revert(id)
      expect(await paused()).toBe(false)
      expect(
        await stack.client.readContract({
          address: coin,
          abi: authorCoinAbi,
          functionName: 'paused',
        }),
      ).toBe(false)
    } finally {
      await fork.stop()
    }
  })

  test('behavior: pins a block and takes a custom transport', async () => {
    const pinned = (await stack.client.getBlockNumber()) - 5n
    const counter = countingTransport()
    await using fork = await createFork({
      rpcUrl: stack.rpcUrl,
      blockNumber: pinned,
      transport: counter.transport,
    })
    expect(fork.blockNumber).toBe(pinned)
    expect(counter.methods).toEqual(['eth_chainId', 'eth_blockNumber'])
    await fork.client.getBlockNumber({ cacheTime: 0 })
    expect(counter.count()).toBe(3)
  })

  test('error: not a URL', async () => {
    await expect(
      createFork({ rpcUrl: 'localhost:8545' }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [ForkError: Cannot fork a localhost: URL.

      Hint: Pass an http(s) or ws(s) JSON-RPC URL, e.g. http://127.0.0.1:8545.
      Docs: packages/invariants/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
    await expect(
      createFork({ rpcUrl: 'ftp://127.0.0.1' }),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [ForkError: Cannot fork a ftp: URL.

      Hint: Pass an http(s) or ws(s) JSON-RPC URL, e.g. http://127.0.0.1:8545.
      Docs: packages/invariants/README.md#errors
      Version: @storydao/core@x.y.z]
    `)
  })

  test('error: the upstream does not answer', async () => {
    const error = await createFork({ rpcUrl: 'http://127.0.0.1:1' }).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ name: 'ForkError', code: 'ANVIL_EXITED' })
    expect((error as Error).message).toContain(
      'failed to get fork block number',
    )
  })
})
