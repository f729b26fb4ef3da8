// Benchmark (not a test): `pnpm bench:service` (`-- --runs=N`, default 3;
// `--concurrency=N`, default 200).
//
// Sends N signed proposals at once to the local Safe Transaction Service
// (@storydao/testkit, backed by the local stack's anvil) and to a baseline
// measured in the same run: a bare node:http server that reads the same
// bodies, parses them and answers 201. Prints p50/p99/max latency per request
// and the ratio to the baseline. The local service handles proposals one at a
// time (each reads the chain and recovers signatures), so its p99 grows with N;
// the point is that it stays bounded and that bodies are read in parallel.
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { performance } from 'node:perf_hooks'
import type { Hex } from 'viem'
import { startLocalStack } from '../packages/testkit/src/exports/index.js'

const option = (name: string, fallback: number) =>
  Number(
    process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ??
      fallback,
  )
const runs = option('runs', 3)
const concurrency = option('concurrency', 200)

// viem is a dependency of @storydao/testkit, not of the root.
const requireFromTestkit = createRequire(
  new URL('../packages/testkit/package.json', import.meta.url),
)
const { hashTypedData, zeroAddress } = (await import(
  requireFromTestkit.resolve('viem')
)) as typeof import('viem')
const { privateKeyToAccount } = (await import(
  requireFromTestkit.resolve('viem/accounts')
)) as typeof import('viem/accounts')

const safeTxTypes = {
  SafeTx: [
    { name: 'to', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'data', type: 'bytes' },
    { name: 'operation', type: 'uint8' },
    { name: 'safeTxGas', type: 'uint256' },
    { name: 'baseGas', type: 'uint256' },
    { name: 'gasPrice', type: 'uint256' },
    { name: 'gasToken', type: 'address' },
    { name: 'refundReceiver', type: 'address' },
    { name: 'nonce', type: 'uint256' },
  ],
} as const

type Stack = Awaited<ReturnType<typeof startLocalStack<true>>>

/** N proposals of the ops Safe (nonces 0…N-1), each signed by its sender. */
async function buildProposals(stack: Stack, count: number) {
  const [owner] = stack.accounts.opsOwners
  const signer = privateKeyToAccount(owner.privateKey)
  const safe = stack.manifest.safes.ops.address
  const domain = { chainId: stack.chainId, verifyingContract: safe } as const
  return Promise.all(
    Array.from({ length: count }, async (_, nonce) => {
      const message = {
        to: stack.accounts.stranger.address,
        value: 1n,
        data: '0x' as Hex,
        operation: 0,
        safeTxGas: 0n,
        baseGas: 0n,
        gasPrice: 0n,
        gasToken: zeroAddress,
        refundReceiver: zeroAddress,
        nonce: BigInt(nonce),
      }
      const typed = {
        domain,
        types: safeTxTypes,
        primaryType: 'SafeTx',
        message,
      } as const
      return JSON.stringify({
        ...message,
        value: String(message.value),
        safeTxGas: '0',
        baseGas: '0',
        gasPrice: '0',
        nonce,
        contractTransactionHash: hashTypedData(typed),
        sender: owner.address,
        signature: await signer.signTypedData(typed),
      })
    }),
  )
}

/** Sends every body at once; returns each request's latency (ms). */
async function fire(url: string, bodies: string[]) {
  return Promise.all(
    bodies.map(async (body) => {
      const start = performance.now()
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
      await response.arrayBuffer()
      if (response.status !== 201)
        throw new Error(`expected 201, got ${response.status}`)
      return performance.now() - start
    }),
  )
}

/** A bare node:http server doing the least a proposal endpoint must do. */
async function startBaseline() {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString('utf8'))
      response.writeHead(201, { 'content-length': 0 }).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!

function summarize(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b)
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1)!,
  }
}

const stack = await startLocalStack({ txService: true })
const baseline = await startBaseline()
try {
  const bodies = await buildProposals(stack, concurrency)
  const serviceUrl = `${stack.txServiceUrl}/v2/safes/${stack.manifest.safes.ops.address}/multisig-transactions/`
  const service: number[] = []
  const bare: number[] = []
  // One warm-up of each, so neither side pays for JIT or first connections.
  await fire(baseline.url, bodies.slice(0, 10))
  await fire(serviceUrl, bodies.slice(0, 10))
  for (let run = 0; run < runs; run++) {
    await stack.reset()
    bare.push(...(await fire(baseline.url, bodies)))
    service.push(...(await fire(serviceUrl, bodies)))
  }
  const s = summarize(service)
  const b = summarize(bare)
  const row = (
    name: string,
    value: { p50: number; p99: number; max: number },
  ) =>
    `${name.padEnd(28)} p50 ${value.p50.toFixed(1).padStart(8)} ms   p99 ${value.p99.toFixed(1).padStart(8)} ms   max ${value.max.toFixed(1).padStart(8)} ms`
  console.log(
    `${concurrency} concurrent proposals × ${runs} runs (${service.length} requests each side)`,
  )
  console.log(row('bare node:http (baseline)', b))
  console.log(row('local Transaction Service', s))
  console.log(
    `ratio service/baseline      p50 ${(s.p50 / b.p50).toFixed(1)}×   p99 ${(s.p99 / b.p99).toFixed(1)}×`,
  )
} finally {
  await baseline.stop()
  await stack.stop()
}
