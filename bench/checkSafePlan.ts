// Benchmark (not a test): `pnpm bench:check` (`-- --runs=N`, default 5).
//
// Builds, simulates and checks a Safe plan of N = 1, 10, 100 and 300 calls on
// the local stack with @storydao/invariants (buildSafePlan + checkSafePlan
// with the default invariants of a timelock schedule, one operation-state
// invariant per call), and compares it with a baseline measured in the same
// run: protocol-kit createTransaction + signTransaction (two owners) + a plain
// execTransaction on the same fork, no checks. Prints, per N, wall time
// (median of the runs), RPC requests, peak heap and the ratio to the baseline.
import { createRequire } from 'node:module'
import type { Hex, Transport } from 'viem'
import { authorCoinAbi } from '../packages/core/src/exports/index.js'
import { buildTimelockSchedule } from '../packages/governance/src/exports/index.js'
import {
  checkSafePlan,
  createFork,
  getDefaultInvariants,
} from '../packages/invariants/src/exports/index.js'
import { buildSafePlan } from '../packages/safe/src/exports/index.js'
import { startLocalStack } from '../packages/testkit/src/exports/index.js'

const sizes = [1, 10, 100, 300] as const
const runs = Number(
  process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 5,
)

// viem and protocol-kit are (dev)dependencies of @storydao/invariants, not of
// the root: resolve them from there.
const requireFromInvariants = createRequire(
  new URL('../packages/invariants/package.json', import.meta.url),
)
const { createPublicClient, encodeFunctionData, http, pad, toHex } =
  (await import(requireFromInvariants.resolve('viem'))) as typeof import('viem')
const { default: Safe } = (await import(
  requireFromInvariants.resolve('@safe-global/protocol-kit')
)) as typeof import('@safe-global/protocol-kit')

/** Counts JSON-RPC requests by method. */
function counting() {
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
  return { transport, methods }
}

/** Peak heap (MiB) while `run` runs, sampled every 2 ms. */
async function measure<value>(run: () => Promise<value>) {
  global.gc?.()
  let peak = process.memoryUsage().heapUsed
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed)
  }, 2)
  const start = performance.now()
  try {
    const value = await run()
    const ms = performance.now() - start
    peak = Math.max(peak, process.memoryUsage().heapUsed)
    return { value, ms, peakMiB: peak / 2 ** 20 }
  } finally {
    clearInterval(timer)
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

const stack = await startLocalStack()
const counter = counting()
const fork = await createFork({
  rpcUrl: stack.rpcUrl,
  transport: counter.transport,
})
try {
  const { manifest, accounts, contractNetworks } = stack
  const ops = manifest.safes.ops.address
  const timelock = manifest.contracts.StoryTimelock!.address
  const coin = manifest.contracts.AuthorCoin!.address
  const unpause = encodeFunctionData({
    abi: authorCoinAbi,
    functionName: 'unpause',
  })
  const schedules = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      buildTimelockSchedule({
        timelock,
        calls: [{ to: coin, data: unpause }],
        salt: pad(toHex(i + 1), { size: 32 }),
        delay: 3600n,
        label: `StoryTimelock: schedule unpause #${i + 1}`,
      }),
    )

  // protocol-kit talks to the same fork through a counted EIP-1193 provider.
  const baselineClient = createPublicClient({
    transport: counter.transport(fork.rpcUrl),
  })
  const provider = { request: baselineClient.request } as never
  let checkStart = 0
  const ours = async (n: number) => {
    const built = schedules(n)
    const plan = await buildSafePlan(fork.client, {
      safe: ops,
      calls: built.map((item) => item.call),
    })
    checkStart = counter.methods.length
    const report = await checkSafePlan(fork, {
      plan,
      manifest,
      invariants: getDefaultInvariants({
        manifest,
        action: 'timelock-schedule',
        operationIds: built.map((item) => item.operationId),
      }),
    })
    if (!report.ok) throw new Error(`check failed for N = ${n}`)
    return report
  }
  const baseline = async (n: number) => {
    const snapshot = await fork.snapshot()
    try {
      const [first, second] = accounts.opsOwners
      const safeA = await Safe.init({
        provider,
        signer: first.privateKey,
        safeAddress: ops,
        contractNetworks,
      })
      const transaction = await safeA.createTransaction({
        transactions: schedules(n).map(({ call }) => ({
          to: call.to,
          value: call.value.toString(),
          data: call.data,
        })),
      })
      const signedA = await safeA.signTransaction(transaction)
      const safeB = await safeA.connect({ signer: second.privateKey })
      const signed = await safeB.signTransaction(signedA)
      const result = await safeB.executeTransaction(signed)
      const receipt = await fork.client.waitForTransactionReceipt({
        hash: result.hash as Hex,
      })
      if (receipt.status !== 'success')
        throw new Error(`baseline reverted for N = ${n}`)
    } finally {
      await fork.revert(snapshot)
    }
  }

  // Warm up both paths (module loading, JIT) once.
  await ours(2)
  await baseline(2)

  const rows: string[][] = []
  let target: { ratio: number } | undefined
  for (const n of sizes) {
    const oursRuns: {
      ms: number
      peakMiB: number
      requests: number
      reads: number
    }[] = []
    const baseRuns: { ms: number; peakMiB: number; requests: number }[] = []
    for (let run = 0; run < runs; run++) {
      counter.methods.length = 0
      const a = await measure(() => ours(n))
      const methods = [...counter.methods]
      oursRuns.push({
        ms: a.ms,
        peakMiB: a.peakMiB,
        requests: methods.length,
        // The invariant reads: checkSafePlan's eth_calls but the simulation's
        // own pre-read (owners, threshold, nonce, hash).
        reads:
          methods.slice(checkStart).filter((method) => method === 'eth_call')
            .length - 1,
      })
      counter.methods.length = 0
      const b = await measure(() => baseline(n))
      baseRuns.push({
        ms: b.ms,
        peakMiB: b.peakMiB,
        requests: counter.methods.length,
      })
    }
    const oursMs = median(oursRuns.map((r) => r.ms))
    const baseMs = median(baseRuns.map((r) => r.ms))
    const ratio = oursMs / baseMs
    if (n === 100) target = { ratio }
    rows.push([
      String(n),
      `${oursMs.toFixed(0)} ms`,
      `${baseMs.toFixed(0)} ms`,
      `${ratio.toFixed(2)}×`,
      String(oursRuns[0]!.requests),
      String(oursRuns[0]!.reads),
      String(baseRuns[0]!.requests),
      `${Math.max(...oursRuns.map((r) => r.peakMiB)).toFixed(0)} MiB`,
      `${Math.max(...baseRuns.map((r) => r.peakMiB)).toFixed(0)} MiB`,
    ])
  }

  const header = [
    'N calls',
    'check',
    'baseline',
    'ratio',
    'RPC (check)',
    'of which invariant reads',
    'RPC (baseline)',
    'peak heap (check)',
    'peak heap (baseline)',
  ]
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i]!.length)),
  )
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padStart(widths[i]!)).join(' | ')} |`
  console.log(
    `checkSafePlan vs protocol-kit baseline (median of ${runs} runs each)`,
  )
  console.log(line(header))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const row of rows) console.log(line(row))
  console.log(
    `\nTarget at N = 100: check within 1.5× of the baseline: ${target!.ratio <= 1.5 ? 'met' : 'missed'} (${target!.ratio.toFixed(2)}×).`,
  )
} finally {
  await fork.stop()
  await stack.stop()
}
