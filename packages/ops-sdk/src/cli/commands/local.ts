import { join, relative, resolve } from 'node:path'
import { loadLocalStackKit } from '../loadLocalStackKit.js'
import { createOutput } from '../output.js'
import type { CommandInvocation } from '../types.js'
import { stringOption, wholeNumberOption } from '../values.js'

/**
 * `storydao-ops local`: the local stack until Ctrl-C, its manifest written to
 * `deployments/local.json` so every other command works with `--network local`.
 */
export async function run(invocation: CommandInvocation): Promise<number> {
  const output = createOutput(
    { json: invocation.values.json === true },
    invocation.streams,
  )
  const port = wholeNumberOption(invocation, 'port', 'a port number')
  const servicePort = wholeNumberOption(
    invocation,
    'tx-service-port',
    'a port number',
  )
  const delay = wholeNumberOption(
    invocation,
    'timelock-delay',
    'a whole number of seconds',
  )
  const manifestPath = resolve(
    invocation.cwd,
    stringOption(invocation, 'manifest') ?? join('deployments', 'local.json'),
  )
  const statePath = stringOption(invocation, 'tx-service-state')
  const { serveLocalStack } = await loadLocalStackKit('storydao-ops local')
  const started = Date.now()
  const { stack, ready, movedOffDefaultPort } = await serveLocalStack({
    manifestPath,
    port: port === undefined ? undefined : Number(port),
    timelockDelay: delay,
    txService: {
      port: servicePort === undefined ? undefined : Number(servicePort),
      statePath:
        statePath === undefined
          ? undefined
          : resolve(invocation.cwd, statePath),
    },
    onProgress: (step) => output.step(step),
  })
  output.result(ready, [
    `Local stack ready in ${Date.now() - started} ms`,
    `  RPC                  ${ready.rpcUrl} (chain ${ready.chainId})`,
    `  Transaction Service  ${ready.txServiceUrl}`,
    `  ops Safe             ${ready.safes.ops}`,
    `  emergency Safe       ${ready.safes.emergency}`,
    `  manifest             ${relative(invocation.cwd, manifestPath)}`,
    ...(movedOffDefaultPort
      ? [`  8545 was taken: export LOCAL_RPC_URL=${ready.rpcUrl}`]
      : []),
    '',
    'Try: storydao-ops validate   (Ctrl-C stops the stack)',
  ])
  await new Promise<void>((done) => {
    process.once('SIGINT', done)
    process.once('SIGTERM', done)
  })
  output.step('Stop the local stack')
  await stack.stop()
  return 0
}
