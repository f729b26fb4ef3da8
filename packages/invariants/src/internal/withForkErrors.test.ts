import { buildPause } from '@storydao/governance'
import { buildSafePlan, type SafePlan } from '@storydao/safe'
import { type LocalStack, startLocalStack } from '@storydao/testkit'
import { http, type Transport } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { checkSafePlan } from '../checkSafePlan.js'
import { createFork } from '../createFork.js'
import { ForkError } from '../errors/fork.js'
import { getDefaultInvariants } from '../getDefaultInvariants.js'
import { simulateSafePlan } from '../simulateSafePlan.js'
import '../test/helpers.js'
import type { Fork } from '../types/fork.js'
import { getForkProcess } from './forkProcess.js'

// A step that dies must fail well within this (viem's retries on a refused
// connection take about a second); a hang would hit the test timeout instead.
const failFastMs = 10_000

let stack: LocalStack
let plan: SafePlan

beforeAll(async () => {
  stack = await startLocalStack()
  const fork = await createFork({ rpcUrl: stack.rpcUrl })
  try {
    plan = await buildSafePlan(fork.client, {
      safe: stack.manifest.safes.emergency!.address,
      calls: [
        buildPause({
          target: stack.manifest.contracts.AuthorCoin!.address,
          label: 'AuthorCoin: pause',
        }),
      ],
    })
  } finally {
    await fork.stop()
  }
})

afterAll(async () => {
  await stack?.stop()
})

/**
 * A fork whose transport, once armed, SIGKILLs anvil just before sending the
 * `killAt`-th request: every JSON-RPC call a rehearsal makes is a kill point.
 */
async function forkThatDies(killAt: number) {
  let fork: Fork | undefined
  let sent = 0
  let armed = false
  const methods: string[] = []
  const transport = (url: string): Transport =>
    ((options: Parameters<Transport>[0]) => {
      const inner = http(url)(options)
      return {
        ...inner,
        request: (async (args: { method: string }) => {
          if (armed) {
            methods.push(args.method)
            if (sent++ === killAt && fork) {
              const anvil = getForkProcess(fork)!
              process.kill(anvil.pid, 'SIGKILL')
              await anvil.waitForExit(5_000)
            }
          }
          return inner.request(args as never)
        }) as typeof inner.request,
      }
    }) as Transport
  fork = await createFork({ rpcUrl: stack.rpcUrl, transport })
  armed = true
  return { fork, methods }
}

const rehearsals = {
  checkSafePlan: (fork: Fork) =>
    checkSafePlan(fork, {
      plan,
      manifest: stack.manifest,
      invariants: getDefaultInvariants({
        manifest: stack.manifest,
        action: 'pause',
      }),
    }),
  simulateSafePlan: (fork: Fork) =>
    simulateSafePlan(fork, { plan, manifest: stack.manifest }),
}

describe('withForkErrors', () => {
  for (const [name, rehearse] of Object.entries(rehearsals))
    test(`behavior: ${name} fails with FORK_EXITED wherever anvil dies`, async () => {
      // Count the steps once on a fork that survives.
      const probe = await forkThatDies(Number.POSITIVE_INFINITY)
      try {
        expect((await rehearse(probe.fork)).safeTxHash).toBe(plan.safeTxHash)
      } finally {
        await probe.fork.stop()
      }
      const steps = probe.methods
      expect(steps.length).toBeGreaterThan(5)

      const outcomes: string[] = []
      for (let step = 0; step < steps.length; step++) {
        const { fork } = await forkThatDies(step)
        const started = Date.now()
        try {
          const error = await rehearse(fork).then(
            () => undefined,
            (error: unknown) => error,
          )
          const elapsed = Date.now() - started
          expect(elapsed).toBeLessThan(failFastMs)
          expect(error).toBeInstanceOf(ForkError)
          const forkError = error as ForkError
          expect(forkError.metaMessages).toContain('Exit: signal SIGKILL')
          outcomes.push(`${step} ${steps[step]}: ${forkError.code}`)
        } finally {
          await fork.stop()
        }
      }
      expect(outcomes).toEqual(
        steps.map((method, step) => `${step} ${method}: FORK_EXITED`),
      )
    }, 180_000)

  test('behavior: a fork that stops answering is FORK_UNREACHABLE', async () => {
    const fork = await createFork({
      rpcUrl: stack.rpcUrl,
      transport: (url) => http(url, { timeout: 500, retryCount: 0 }),
    })
    const anvil = getForkProcess(fork)!
    process.kill(anvil.pid, 'SIGSTOP')
    try {
      const started = Date.now()
      const error = await rehearsals
        .simulateSafePlan(fork)
        .catch((error: unknown) => error)
      expect(Date.now() - started).toBeLessThan(failFastMs)
      expect(error).toBeInstanceOf(ForkError)
      expect(error).toMatchObject({
        code: 'FORK_UNREACHABLE',
        shortMessage: 'The fork does not answer.',
      })
      expect((error as ForkError).metaMessages).toEqual([
        `Fork: ${fork.rpcUrl}`,
        'anvil output: (nothing)',
      ])
    } finally {
      process.kill(anvil.pid, 'SIGCONT')
      await fork.stop()
    }
  })

  test('error: anvil exiting is FORK_EXITED with its output', async () => {
    const fork = await createFork({ rpcUrl: stack.rpcUrl })
    await fork.stop()
    const error = await fork.snapshot().catch((error: unknown) => error)
    expect(error).toBeInstanceOf(ForkError)
    expect((error as ForkError).code).toBe('FORK_EXITED')
    expect((error as ForkError).metaMessages?.[1]).toMatch(
      /^Exit: (signal SIGTERM|exit code 0)$/,
    )
  })
})
