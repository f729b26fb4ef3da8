import type { Hex } from 'viem'
import type { OpsContext } from '../../playbooks/createOpsContext.js'
import {
  type PollDeploymentReturnType,
  pollDeployment,
  type WatchEvent,
  type WatchState,
} from '../../playbooks/watch/pollDeployment.js'
import { CliUsageError } from '../cliUsageError.js'
import { parseMetricsAddress, startMetricsServer } from '../metricsServer.js'
import { openContext } from '../openContext.js'
import { createOutput, type Output } from '../output.js'
import { recordForIncident } from '../recordForIncident.js'
import type { CommandInvocation } from '../types.js'
import { stringOption } from '../values.js'
import { prepareWatchCancel } from '../watchCancel.js'
import { createWatchMetrics, type WatchMetrics } from '../watchMetrics.js'

/** `storydao-ops watch`. */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const options = readOptions(invocation)
  output.step(`Load the ${invocation.values.network ?? 'local'} network`)
  const context = await openContext(invocation)
  const metrics = await createWatchMetrics({ network: context.networkName })
  const server = options.metrics
    ? await startMetricsServer(options.metrics, metrics.registry)
    : undefined
  if (server) output.info(`Serving Prometheus metrics at ${server.url}`)
  const stop = stopOnSignal()
  try {
    // Inside the try: an unknown incident slug must close the server too.
    await recordForIncident(invocation, output, {
      summary: `watch started on ${context.networkName}${options.proposeCancel ? ' (--propose-cancel)' : ''}`,
      details: server ? [`metrics at ${server.url}`] : [],
    })
    return await watchLoop({
      invocation,
      output,
      context,
      metrics,
      options,
      stop,
    })
  } finally {
    stop.dispose()
    await server?.close()
    if (stop.stopped()) {
      output.info('Stopped.')
      exitSoon()
    }
  }
}

type WatchOptions = {
  once: boolean
  intervalMs: number
  proposeCancel: boolean
  metrics: ReturnType<typeof parseMetricsAddress> | undefined
}

function readOptions(invocation: CommandInvocation): WatchOptions {
  const interval = stringOption(invocation, 'interval') ?? '12'
  if (!/^\d{1,6}(?:\.\d{1,3})?$/.test(interval) || Number(interval) < 0.1)
    throw new CliUsageError({
      message: `--interval must be a number of seconds of at least 0.1, got "${interval}".`,
      command: 'watch',
    })
  const metrics = stringOption(invocation, 'metrics')
  return {
    once: invocation.values.once === true,
    intervalMs: Math.round(Number(interval) * 1000),
    proposeCancel: invocation.values['propose-cancel'] === true,
    metrics: metrics === undefined ? undefined : parseMetricsAddress(metrics),
  }
}

type Stop = {
  stopped(): boolean
  /** Resolves when SIGINT or SIGTERM arrives. */
  signal: Promise<void>
  dispose(): void
}

function stopOnSignal(): Stop {
  let stopped = false
  let resolve: () => void = () => {}
  const signal = new Promise<void>((done) => {
    resolve = done
  })
  const onSignal = () => {
    stopped = true
    resolve()
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  return {
    stopped: () => stopped,
    signal,
    dispose() {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    },
  }
}

/**
 * A poll or a cancel still running when a signal arrived is abandoned, not
 * awaited (a fork rehearsal can take seconds): once the command returns,
 * whatever it left is ended with the process, and forks with it (anvil is
 * killed on exit).
 */
function exitSoon(): void {
  setTimeout(() => process.exit(), 200).unref()
}

async function watchLoop({
  invocation,
  output,
  context,
  metrics,
  options,
  stop,
}: {
  invocation: CommandInvocation
  output: Output
  context: OpsContext
  metrics: WatchMetrics
  options: WatchOptions
  stop: Stop
}): Promise<number> {
  let state: WatchState | undefined
  const handled = new Set<Hex>()
  for (let poll = 1; ; poll++) {
    const result = await untilStopped(
      pollOnce(context, { state, metrics, output, first: poll === 1 }),
      stop,
    )
    if (result === 'stopped') return 0
    if (result) {
      state = result.state
      for (const event of result.events) printEvent(invocation, event)
      const cancelled = await untilStopped(
        cancelUnknown(context, { state, handled, options, output, invocation }),
        stop,
      )
      if (cancelled === 'stopped') return 0
    }
    if (options.once) return unknownCount(state) > 0 ? 1 : 0
    if ((await sleep(options.intervalMs, stop)) === 'stopped') return 0
  }
}

async function untilStopped<value>(
  work: Promise<value>,
  stop: Stop,
): Promise<value | 'stopped'> {
  // An abandoned step's late failure must not surface as unhandled.
  work.catch(() => {})
  return Promise.race([work, stop.signal.then(() => 'stopped' as const)])
}

/** The interval's timer is what keeps the process alive between polls; a signal clears it. */
function sleep(ms: number, stop: Stop): Promise<'slept' | 'stopped'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('slept'), ms)
    void stop.signal.then(() => {
      clearTimeout(timer)
      resolve('stopped')
    })
  })
}

/**
 * One poll. The first one's failure is the command's (a wrong manifest or
 * network fails fast, exit 2 or 3); a later one is counted and reported, and
 * the watch goes on.
 */
async function pollOnce(
  context: OpsContext,
  {
    state,
    metrics,
    output,
    first,
  }: {
    state: WatchState | undefined
    metrics: WatchMetrics
    output: Output
    first: boolean
  },
): Promise<PollDeploymentReturnType | undefined> {
  try {
    const started = performance.now()
    const result = await pollDeployment(context, { state })
    metrics.record(result)
    output.step(
      `${summary(result)} (${Math.round(performance.now() - started)} ms)`,
    )
    return result
  } catch (error) {
    if (first) throw error
    metrics.recordError()
    const { code, shortMessage, message } = error as {
      code?: unknown
      shortMessage?: unknown
      message?: unknown
    }
    output.warn(
      `poll failed (${String(code ?? 'UNEXPECTED')}): ${String(shortMessage ?? message)}; retrying at the next interval`,
    )
    return undefined
  }
}

function unknownCount(state: WatchState | undefined): number {
  return (state?.operations ?? []).filter((operation) => !operation.known)
    .length
}

function summary({ state, service }: PollDeploymentReturnType): string {
  const unknown = unknownCount(state)
  const paused = Object.entries(state.paused)
    .filter(([, value]) => value)
    .map(([name]) => name)
  return [
    `block ${state.block}: ${state.operations.length} pending timelock operation(s), ${unknown} UNKNOWN`,
    paused.length > 0 ? `paused: ${paused.join(', ')}` : 'nothing paused',
    service.up
      ? 'Safe service up'
      : `Safe service DOWN (${service.error.code})`,
  ].join('; ')
}

/** One compact JSON line per event on stdout (bigints as decimal strings). */
function printEvent(invocation: CommandInvocation, event: WatchEvent): void {
  invocation.streams.stdout.write(
    `${JSON.stringify(
      {
        type: event.type,
        block: event.block,
        operationId: event.operationId ?? null,
        known: event.known ?? null,
        time: new Date().toISOString(),
        details: event.details,
      },
      (_key, value) => (typeof value === 'bigint' ? value.toString() : value),
    )}\n`,
  )
}

/**
 * Prepares the emergency Safe's cancel for the UNKNOWN operations not handled
 * yet, once each: a failure is reported as an event (the watch goes on), and
 * a second UNKNOWN operation gets its own cancel.
 */
async function cancelUnknown(
  context: OpsContext,
  {
    state,
    handled,
    options,
    output,
    invocation,
  }: {
    state: WatchState
    handled: Set<Hex>
    options: WatchOptions
    output: Output
    invocation: CommandInvocation
  },
): Promise<void> {
  const ids = state.operations
    .filter((operation) => !operation.known && !handled.has(operation.id))
    .map((operation) => operation.id)
  if (ids.length === 0) return
  for (const id of ids) handled.add(id)
  output.step(
    `Prepare the emergency Safe's cancel of ${ids.length} UNKNOWN operation(s)${options.proposeCancel ? ' and propose it' : ''}`,
  )
  const event = (
    type: 'cancel-prepared' | 'cancel-failed',
    operationId: Hex,
    details: Record<string, unknown>,
  ): WatchEvent => ({
    type,
    block: state.block,
    operationId,
    known: false,
    details,
  })
  try {
    const cancel = await prepareWatchCancel(context, {
      operations: ids,
      propose: options.proposeCancel,
      onStep: output.step,
    })
    for (const id of ids)
      printEvent(invocation, event('cancel-prepared', id, { ...cancel }))
    output.info(
      `Cancel ${cancel.safeTxHash} at emergency Safe nonce ${cancel.nonce}${cancel.proposed ? ' proposed' : ''}: ${cancel.files.transactionBuilder}`,
    )
    await recordForIncident(invocation, output, {
      summary: `watch flagged ${ids.length} UNKNOWN timelock operation(s); emergency Safe cancel nonce ${cancel.nonce}${cancel.proposed ? ', proposed' : ''}`,
      details: [
        ...ids.map((id) => `UNKNOWN operation ${id}`),
        `safeTxHash ${cancel.safeTxHash}`,
        `Transaction Builder file ${cancel.files.transactionBuilder}`,
        `review ${cancel.files.review}`,
        ...(cancel.approveUrl ? [`Approve: ${cancel.approveUrl}`] : []),
      ],
    })
  } catch (error) {
    const { code, shortMessage, message } = error as {
      code?: unknown
      shortMessage?: unknown
      message?: unknown
    }
    const details = {
      error: {
        code: String(code ?? 'UNEXPECTED'),
        message: String(shortMessage ?? message),
      },
    }
    for (const id of ids)
      printEvent(invocation, event('cancel-failed', id, details))
    output.warn(`Could not prepare the cancel: ${details.error.message}`)
  }
}
