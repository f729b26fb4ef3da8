import { describe, expect, test } from 'vitest'
import { ForkError } from './errors/fork.js'
import { startAnvil } from './startAnvil.js'
import './test/helpers.js'

async function chainId(rpcUrl: string): Promise<string> {
  const response = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}',
  })
  return ((await response.json()) as { result: string }).result
}

describe('startAnvil', () => {
  test('default', async () => {
    const anvil = await startAnvil()
    try {
      expect(anvil.rpcUrl).toBe(`http://127.0.0.1:${anvil.port}`)
      expect(await chainId(anvil.rpcUrl)).toBe('0x7a69')
    } finally {
      await anvil.stop()
    }
  })

  test('behavior: a chain id for a fresh chain; a fork keeps its upstream’s', async () => {
    const upstream = await startAnvil({ chainId: 1337, accounts: 2 })
    try {
      expect(await chainId(upstream.rpcUrl)).toBe('0x539')
      const fork = await startAnvil({
        forkUrl: upstream.rpcUrl,
        forkBlockNumber: 0n,
        chainId: 5,
      })
      try {
        expect(await chainId(fork.rpcUrl)).toBe('0x539')
      } finally {
        await fork.stop()
      }
    } finally {
      await upstream.stop()
    }
  })

  test('error: the fork URL does not answer', async () => {
    const error = await startAnvil({ forkUrl: 'http://127.0.0.1:1' }).catch(
      (error: unknown) => error,
    )
    expect(error).toBeInstanceOf(ForkError)
    expect(error).toMatchObject({ code: 'ANVIL_EXITED' })
  })
})
