#!/usr/bin/env node
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { serveLocalStack } from '../serveLocalStack.js'

const usage = `Usage: storydao-local [options]

Starts the StoryDAO local stack: anvil on a loopback port, the canonical Safe
v1.4.1 contracts, an ops Safe and an emergency Safe (2-of-3, anvil dev keys),
the StoryDAO contracts and a local Safe Transaction Service (what api-kit's
txServiceUrl points at). Prints one JSON line once ready, then runs until
SIGINT/SIGTERM.

Options:
  --manifest <path>   where to write the local manifest (default deployments/local.json)
  --port <n>          anvil port (default 8545 if free, else a free one)
  --timelock-delay <s> timelock minimum delay in seconds (default 3600)
  --no-tx-service     do not start the local Safe Transaction Service
  --tx-service-port <n>
                      Transaction Service port (default 8546 if free, else a free one)
  --tx-service-state <path>
                      persist the Transaction Service queue to this JSON file
                      (default: in memory); reuse it to resume a queue
  --quiet             no progress on stderr
  -h, --help          show this help

The defaults match the "local" entry of deployments/networks.json, so
LOCAL_RPC_URL can stay unset while they are free.

Ready line (stdout):
  {"rpcUrl","chainId","txServiceUrl","manifestPath","safes":{"ops","emergency"},"contracts":{…}}
  txServiceUrl is http://127.0.0.1:<port>/api (null with --no-tx-service).
`

function fail(message: string, hint?: string): never {
  process.stderr.write(
    `storydao-local: ${message}\n${hint ? `Hint: ${hint}\n` : ''}`,
  )
  process.exit(2)
}

let values: ReturnType<typeof parse>['values']
function parse() {
  return parseArgs({
    options: {
      manifest: { type: 'string', default: 'deployments/local.json' },
      port: { type: 'string' },
      'timelock-delay': { type: 'string' },
      'no-tx-service': { type: 'boolean', default: false },
      'tx-service-port': { type: 'string' },
      'tx-service-state': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  })
}
try {
  values = parse().values
} catch (error) {
  fail((error as Error).message, 'see `storydao-local --help`')
}
if (values.help) {
  process.stdout.write(usage)
  process.exit(0)
}

const parsePort = (flag: string, text: string | undefined) => {
  if (text === undefined) return undefined
  const value = Number(text)
  if (!(Number.isInteger(value) && value > 0 && value < 65536))
    fail(`${flag} must be an integer between 1 and 65535, got "${text}"`)
  return value
}
const port = parsePort('--port', values.port)
const txServicePort = parsePort('--tx-service-port', values['tx-service-port'])
const noTxService = values['no-tx-service']
if (noTxService && (txServicePort !== undefined || values['tx-service-state']))
  fail(
    '--no-tx-service cannot be combined with --tx-service-port or --tx-service-state',
  )
const delay = values['timelock-delay']
if (delay !== undefined && !/^\d+$/.test(delay))
  fail(`--timelock-delay must be a whole number of seconds, got "${delay}"`)

const started = Date.now()
const served = await serveLocalStack({
  manifestPath: values.manifest,
  port,
  timelockDelay: delay === undefined ? undefined : BigInt(delay),
  txService: noTxService
    ? false
    : {
        port: txServicePort,
        statePath:
          values['tx-service-state'] === undefined
            ? undefined
            : resolve(values['tx-service-state']),
      },
  onProgress: (step) => {
    if (!values.quiet) process.stderr.write(`… ${step}\n`)
  },
}).catch((error: unknown) => {
  fail(error instanceof Error ? error.message : String(error))
})

let stopping = false
async function shutdown(code: number) {
  if (stopping) return
  stopping = true
  await served.stack.stop()
  process.exit(code)
}
process.on('SIGINT', () => void shutdown(0))
process.on('SIGTERM', () => void shutdown(0))

process.stdout.write(`${JSON.stringify(served.ready)}\n`)
if (!values.quiet) {
  if (served.movedOffDefaultPort)
    process.stderr.write(
      `8545 was taken: export LOCAL_RPC_URL=${served.ready.rpcUrl} for tools that read deployments/networks.json\n`,
    )
  process.stderr.write(`ready in ${Date.now() - started} ms; Ctrl-C to stop\n`)
}
