// Benchmark (not a test): `pnpm bench:timelock` (`-- --operations=N`, default
// 10000).
//
// Schedules N timelock operations on a fork of the local stack (the ops Safe,
// the timelock's proposer, impersonated), then times
// getPendingTimelockOperations over the whole range against a baseline
// measured in the same run: one raw `eth_getLogs` of the timelock over the
// same blocks, sent with fetch (no decoding, no state). Prints setup time, the median of 5
// runs of each, RPC requests, and the ratio.
import { createRequire } from 'node:module'
import type { Hex, Transport } from 'viem'
import { storyTimelockAbi } from '../packages/core/src/exports/index.js'
import { getPendingTimelockOperations } from '../packages/governance/src/exports/index.js'
import { createFork } from '../packages/invariants/src/exports/index.js'
import { startLocalStack } from '../packages/testkit/src/exports/index.js'

const operations = Number(
  process.argv.find((arg) => arg.startsWith('--operations='))?.slice(13) ??
    10_000,
)
const runs = 5

// viem is a (dev)dependency of the packages, not of the root.
const requireFromInvariants = createRequire(
  new URL('../packages/invariants/package.json', import.meta.url),
)
const { encodeFunctionData, http, pad, toHex } = (await import(
  requireFromInvariants.resolve('viem')
)) as typeof import('viem')

const methods: string[] = []
const transport = (url: string): Transport =>
  ((options: Parameters<Transport>[0]) => {
    const inner = http(url)(options)
    return {
      ...inner,
      request: (async (args: { method: string }) => {
        methods.push(args.method)
        return inner.request(args as never)
      }) as typeof inner.request,
    }
  }) as Transport

async function median(run: () => Promise<unknown>) {
  const times: number[] = []
  let requests = 0
  for (let i = 0; i < runs; i++) {
    const before = methods.length
    const started = performance.now()
    await run()
    times.push(performance.now() - started)
    requests = methods.length - before
  }
  times.sort((a, b) => a - b)
  return { ms: times[Math.floor(runs / 2)]!, requests }
}

/**
 * Sends JSON-RPC requests in batches of 200 over one HTTP request each,
 * waiting for `settled` after each (anvil slows down as its pool grows).
 */
async function sendBatched(
  url: string,
  bodies: object[],
  settled: (sent: number) => Promise<void>,
) {
  for (let i = 0; i < bodies.length; i += 200) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        bodies
          .slice(i, i + 200)
          .map((body, j) => ({ jsonrpc: '2.0', id: i + j, ...body })),
      ),
    })
    const results = (await response.json()) as { error?: unknown }[]
    const failed = results.find((result) => result.error)
    if (failed) throw new Error(JSON.stringify(failed.error))
    await settled(Math.min(i + 200, bodies.length))
  }
}

const stack = await startLocalStack()
const fork = await createFork({ rpcUrl: stack.rpcUrl, transport })
try {
  const timelock = stack.manifest.contracts.StoryTimelock!.address
  const ops = stack.manifest.safes.ops.address
  const fromBlock = (await fork.client.getBlockNumber()) + 1n
  const delay = await fork.client.readContract({
    address: timelock,
    abi: storyTimelockAbi,
    functionName: 'getMinDelay',
  })

  // Explicit nonces: a batch of sends would otherwise race for the same one.
  const nonce = await fork.client.getTransactionCount({
    address: ops,
    blockTag: 'pending',
  })
  const setupStarted = performance.now()
  await sendBatched(
    fork.rpcUrl,
    Array.from({ length: operations }, (_, i) => ({
      method: 'eth_sendTransaction',
      params: [
        {
          from: ops,
          to: timelock,
          gas: toHex(200_000),
          // The fork's base fee is 0: the impersonated Safe needs no ETH.
          gasPrice: '0x0',
          nonce: toHex(nonce + i),
          data: encodeFunctionData({
            abi: storyTimelockAbi,
            functionName: 'schedule',
            args: [
              timelock,
              0n,
              '0x',
              pad('0x0'),
              pad(toHex(i + 1)) as Hex,
              delay,
            ],
          }),
        },
      ],
    })),
    // Sends return once queued; wait until those sent are mined.
    async (sent) => {
      while (
        (await fork.client.getTransactionCount({ address: ops })) <
        nonce + sent
      )
        await new Promise((resolve) => setTimeout(resolve, 20))
    },
  )
  const setupMs = performance.now() - setupStarted
  const toBlock = await fork.client.getBlockNumber()

  const ours = await median(async () => {
    const found = await getPendingTimelockOperations(fork.client, {
      timelock,
      fromBlock,
      toBlock,
    })
    if (found.length !== operations)
      throw new Error(`found ${found.length} of ${operations} operations`)
  })
  // fetch, not viem: 10k operations' logs exceed viem's 10 MiB response cap.
  const baseline = await median(async () => {
    methods.push('eth_getLogs')
    const response = await fetch(fork.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'eth_getLogs',
        params: [
          {
            address: timelock,
            fromBlock: toHex(fromBlock),
            toBlock: toHex(toBlock),
          },
        ],
      }),
    })
    const { result } = (await response.json()) as { result: unknown[] }
    if (result.length !== 2 * operations)
      throw new Error(`baseline read ${result.length} logs`)
  })
  console.log(
    `getPendingTimelockOperations over ${operations} operations (${toBlock - fromBlock + 1n} blocks; setup ${(setupMs / 1000).toFixed(1)} s)`,
  )
  console.log('| | median ms | RPC requests |')
  console.log('| --- | ---: | ---: |')
  console.log(
    `| getPendingTimelockOperations | ${ours.ms.toFixed(0)} | ${ours.requests} |`,
  )
  console.log(
    `| baseline: one raw eth_getLogs | ${baseline.ms.toFixed(0)} | ${baseline.requests} |`,
  )
  console.log(`ratio: ${(ours.ms / baseline.ms).toFixed(2)}×`)
} finally {
  await fork.stop()
  await stack.stop()
}
