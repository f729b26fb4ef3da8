#!/usr/bin/env node
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { OpsError, writeManifest } from '@storydao/core'
import { isPortFree } from '../anvil/isPortFree.js'
import { startLocalStack } from '../startLocalStack.js'

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

const manifestPath = resolve(values.manifest)
const started = Date.now()
// deployments/networks.json names 8545/8546 for "local"; take them when free.
const anvilPort = port ?? ((await isPortFree(8545)) ? 8545 : undefined)
const servicePort =
  txServicePort ?? ((await isPortFree(8546)) ? 8546 : undefined)
const start = (anvilPort: number | undefined) =>
  startLocalStack({
    ...(anvilPort === undefined ? {} : { port: anvilPort }),
    ...(delay === undefined
      ? {}
      : { config: { timelockMinDelay: BigInt(delay) } }),
    txService: noTxService
      ? false
      : {
          port: servicePort,
          statePath:
            values['tx-service-state'] === undefined
              ? undefined
              : resolve(values['tx-service-state']),
        },
    onProgress: (step) => {
      if (!values.quiet) process.stderr.write(`… ${step}\n`)
    },
  })
// 8545 may be taken between the check and anvil's bind: then any free port.
const stack = await start(anvilPort)
  .catch((error: unknown) => {
    if (
      port === undefined &&
      anvilPort !== undefined &&
      isOpsError(error, 'ANVIL_PORT_IN_USE')
    )
      return start(undefined)
    throw error
  })
  .catch((error: unknown) => {
    fail(error instanceof Error ? error.message : String(error))
  })

let stopping = false
async function shutdown(code: number) {
  if (stopping) return
  stopping = true
  await stack.stop()
  process.exit(code)
}
process.on('SIGINT', () => void shutdown(0))
process.on('SIGTERM', () => void shutdown(0))

try {
  mkdirSync(dirname(manifestPath), { recursive: true })
  // A local chain is throwaway: no archive of the previous local manifest.
  await writeManifest(manifestPath, {
    manifest: { ...stack.manifest, $schema: schemaRef(manifestPath) },
    archive: false,
  })
} catch (error) {
  process.stderr.write(
    `${error instanceof OpsError ? error.message : String(error)}\n`,
  )
  await shutdown(1)
}

const { manifest } = stack
process.stdout.write(
  `${JSON.stringify({
    rpcUrl: stack.rpcUrl,
    chainId: stack.chainId,
    txServiceUrl: stack.txServiceUrl ?? null,
    manifestPath,
    safes: Object.fromEntries(
      Object.entries(manifest.safes).map(([name, safe]) => [
        name,
        safe?.address,
      ]),
    ),
    contracts: Object.fromEntries(
      Object.entries(manifest.contracts).map(([name, entry]) => [
        name,
        entry.address,
      ]),
    ),
  })}\n`,
)
if (!values.quiet) {
  if (port === undefined && !stack.rpcUrl.endsWith(':8545'))
    process.stderr.write(
      `8545 was taken: export LOCAL_RPC_URL=${stack.rpcUrl} for tools that read deployments/networks.json\n`,
    )
  process.stderr.write(`ready in ${Date.now() - started} ms; Ctrl-C to stop\n`)
}

/** `$schema` relative to where the manifest is written, so editors find it. */
function schemaRef(path: string): string {
  // src/bin and dist/bin are both four levels below the repository root.
  const schema = fileURLToPath(
    new URL('../../../../deployments/manifest.schema.json', import.meta.url),
  )
  if (!existsSync(schema)) return './manifest.schema.json'
  const ref = relative(dirname(path), schema).split('\\').join('/')
  return ref.startsWith('.') ? ref : `./${ref}`
}

function isOpsError(error: unknown, code: string): boolean {
  return error instanceof OpsError && error.code === code
}
