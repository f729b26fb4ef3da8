import { describe, expect, test } from 'vitest'
import { ForkError } from '../../errors/fork.js'
import '../../test/helpers.js'
import { spawnAnvil } from './spawnAnvil.js'

describe('spawnAnvil', () => {
  test('default', async () => {
    const anvil = await spawnAnvil({ args: [], timeoutMs: 30_000 })
    try {
      expect(anvil.rpcUrl).toBe(`http://127.0.0.1:${anvil.port}`)
    } finally {
      await anvil.stop()
    }
  })

  test('error: anvil exits during start-up', async () => {
    const error = await spawnAnvil({
      args: ['--no-such-flag'],
      timeoutMs: 30_000,
    }).catch((error: unknown) => error)
    expect(error).toBeInstanceOf(ForkError)
    expect(error).toMatchObject({
      code: 'ANVIL_EXITED',
      shortMessage: 'anvil exited during start-up.',
    })
    // anvil's own output says why; nothing else to wrap.
    expect((error as ForkError).details).toContain('--no-such-flag')
    expect((error as ForkError).cause).toBeUndefined()
  })

  test('error: anvil does not answer in time', async () => {
    const error = await spawnAnvil({ args: [], timeoutMs: 1 }).catch(
      (error: unknown) => error,
    )
    expect(error).toBeInstanceOf(ForkError)
    expect(error).toMatchObject({
      code: 'ANVIL_START_TIMEOUT',
      shortMessage: 'anvil did not answer in time.',
    })
    // The timeout is a typed error too, kept as the cause.
    const cause = (error as ForkError).cause
    expect(cause).toBeInstanceOf(ForkError)
    expect(cause).toMatchObject({ code: 'ANVIL_START_TIMEOUT' })
    expect((error as ForkError).details).toMatch(
      /^no answer from http:\/\/127\.0\.0\.1:\d+ within 1 ms$/,
    )
  })
})
