import { existsSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { type Manifest, OpsError, writeManifest } from '@storydao/core'
import type { Address } from 'viem'
import { isPortFree } from './anvil/isPortFree.js'
import { type LocalStack, startLocalStack } from './startLocalStack.js'

export type ServeLocalStackParameters = {
  /** Where to write the local manifest. */
  manifestPath: string
  /** anvil port. Default 8545 when free, else any free port. */
  port?: number | undefined
  /** Timelock minimum delay in seconds (default: the stack's 3600). */
  timelockDelay?: bigint | undefined
  /** `false`: no Transaction Service. Default: one on 8546 when free, else any free port. */
  txService?:
    | false
    | { port?: number | undefined; statePath?: string | undefined }
    | undefined
  /** Progress of the start-up steps. */
  onProgress?: ((step: string) => void) | undefined
}

/** What `storydao-local` and `storydao-ops local` print once ready. */
export type LocalStackReady = {
  rpcUrl: string
  chainId: number
  txServiceUrl: string | null
  manifestPath: string
  safes: Record<string, Address | undefined>
  contracts: Record<string, Address>
}

export type ServeLocalStackReturnType = {
  stack: LocalStack
  ready: LocalStackReady
  /** True when 8545 was taken and anvil listens elsewhere (set `LOCAL_RPC_URL`). */
  movedOffDefaultPort: boolean
}

/**
 * Starts the local stack on the ports `deployments/networks.json` names for
 * `local` (8545 / 8546) when they are free, and writes its manifest, so the
 * `local` network works with no environment variable. Shared by the
 * `storydao-local` bin and `storydao-ops local`.
 *
 * @example
 * const { stack, ready } = await serveLocalStack({ manifestPath: 'deployments/local.json' })
 * console.log(ready.rpcUrl)
 * await stack.stop()
 */
export async function serveLocalStack(
  parameters: ServeLocalStackParameters,
): Promise<ServeLocalStackReturnType> {
  const manifestPath = resolve(parameters.manifestPath)
  const anvilPort =
    parameters.port ?? ((await isPortFree(8545)) ? 8545 : undefined)
  const service = parameters.txService ?? {}
  const servicePort =
    service === false
      ? undefined
      : (service.port ?? ((await isPortFree(8546)) ? 8546 : undefined))
  const start = (port: number | undefined) =>
    startLocalStack({
      ...(port === undefined ? {} : { port }),
      ...(parameters.timelockDelay === undefined
        ? {}
        : { config: { timelockMinDelay: parameters.timelockDelay } }),
      txService:
        service === false
          ? false
          : { port: servicePort, statePath: service.statePath },
      ...(parameters.onProgress ? { onProgress: parameters.onProgress } : {}),
    })
  // 8545 may be taken between the check and anvil's bind: then any free port.
  const stack = await start(anvilPort).catch((error: unknown) => {
    if (
      parameters.port === undefined &&
      anvilPort !== undefined &&
      error instanceof OpsError &&
      error.code === 'ANVIL_PORT_IN_USE'
    )
      return start(undefined)
    throw error
  })
  try {
    mkdirSync(dirname(manifestPath), { recursive: true })
    // A local chain is throwaway: no archive of the previous local manifest.
    await writeManifest(manifestPath, {
      manifest: { ...stack.manifest, $schema: schemaRef(manifestPath) },
      archive: false,
    })
  } catch (error) {
    await stack.stop()
    throw error
  }
  return {
    stack,
    ready: toReady(stack, manifestPath),
    movedOffDefaultPort:
      parameters.port === undefined && !stack.rpcUrl.endsWith(':8545'),
  }
}

function toReady(stack: LocalStack, manifestPath: string): LocalStackReady {
  const manifest: Manifest = stack.manifest
  return {
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
  }
}

/**
 * `$schema` relative to where the manifest is written, so editors find it:
 * the repository's `deployments/manifest.schema.json` beside it, else the
 * copy `@storydao/core` ships.
 */
function schemaRef(path: string): string {
  const beside = join(dirname(path), 'manifest.schema.json')
  if (existsSync(beside)) return './manifest.schema.json'
  let schema: string
  try {
    schema = createRequire(import.meta.url).resolve(
      '@storydao/core/manifest.schema.json',
    )
  } catch {
    return './manifest.schema.json'
  }
  const ref = relative(dirname(path), schema).split('\\').join('/')
  return ref.startsWith('.') ? ref : `./${ref}`
}
