import { join, resolve } from 'node:path'
import {
  getNetwork,
  loadManifest,
  loadNetworks,
  type Manifest,
  type Network,
  resolveRpcUrl,
} from '@storydao/core'
import type { SafeService } from '@storydao/safe'
import { createSafeService } from '@storydao/safe'
import {
  type Chain,
  type Client,
  createPublicClient,
  http,
  type PublicClient,
  type Transport,
} from 'viem'
import type { LocalAccount } from 'viem/accounts'
import { getChainId } from 'viem/actions'
import {
  NetworkChainMismatchError,
  type NetworkChainMismatchErrorType,
  RpcUnreachableError,
  type RpcUnreachableErrorType,
} from '../errors/context.js'
import { resolveSigner } from './internal/resolveSigner.js'

export type CreateOpsContextParameters = {
  /** A network of `deployments/networks.json`; its manifest is `deployments/<network>.json`. Default `'local'`. */
  network?: string | undefined
  /** The repository root holding `deployments/`. Default: the current directory. */
  root?: string | undefined
  /** The environment to read RPC URLs, `SAFE_API_KEY` and the signer key from. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>> | undefined
  /**
   * Name of the environment variable holding the signer's private key. Keys
   * are never taken from flags, printed or written. On the `local` network
   * (chain 31337) the anvil dev accounts are used when this is not set.
   */
  signerEnv?: string | undefined
  /** Timeout of each RPC request in milliseconds. Default 15 000. */
  rpcTimeoutMs?: number | undefined
}

/** Everything a playbook step needs about one network, resolved and checked once. */
export type OpsContext = {
  /** Absolute repository root. */
  root: string
  networkName: string
  network: Network
  /** `deployments/<network>.json` (absolute). */
  manifestPath: string
  manifest: Manifest
  rpcUrl: string
  chainId: number
  client: PublicClient<Transport, Chain | undefined>
  /** The Safe Transaction Service for the network (no request is made until used). */
  service: SafeService
  /**
   * The signer from `signerEnv`, or on chain 31337 the anvil dev accounts
   * (first is the default); `undefined` when no key is available, in which
   * case commands write the Transaction Builder file and say how to propose.
   */
  signers: readonly LocalAccount[]
  /** Where `signers` come from: the named variable, anvil's dev accounts (chain 31337) or nowhere. */
  signerSource: 'env' | 'anvil-dev-accounts' | 'none'
  /** Where artefacts go, absolute. */
  paths: {
    deployments: string
    /** Transaction Builder files and rehearsal reports. */
    transactions: string
    /** `docs/operations`. */
    operations: string
  }
}

export type CreateOpsContextReturnType = OpsContext

export type CreateOpsContextErrorType =
  | NetworkChainMismatchErrorType
  | RpcUnreachableErrorType

/**
 * Resolves a network for the playbook steps: loads `deployments/<network>.json`
 * and `deployments/networks.json`, picks the RPC URL (the entry's `rpcEnv`
 * variable, else `defaultRpcUrl`), checks that the RPC is on the manifest's
 * chain, selects the Safe Transaction Service (`SAFE_API_KEY` for the hosted
 * one) and the signer.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/ops-sdk/README.md#createopscontext
 *
 * @example
 * ```ts
 * import { createOpsContext } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'sepolia', signerEnv: 'OPS_KEY' })
 * console.log(context.manifest.safes.ops.address)
 * ```
 */
export async function createOpsContext(
  parameters: CreateOpsContextParameters = {},
): Promise<CreateOpsContextReturnType> {
  const root = resolve(parameters.root ?? process.cwd())
  const env = parameters.env ?? process.env
  const networkName = parameters.network ?? 'local'
  const deployments = join(root, 'deployments')
  const networks = await loadNetworks({
    path: join(deployments, 'networks.json'),
  })
  const network = getNetwork({ networks, network: networkName })
  const manifestPath = join(deployments, `${network.name}.json`)
  const manifest = await loadManifest(manifestPath)
  const rpcUrl = resolveRpcUrl({ network, env })
  const client = createPublicClient({
    // A context outlives one step (a script, the demo): viem's default caches
    // the block number for 4 s, and a step right after an execution would
    // read logs up to a block before it.
    cacheTime: 0,
    transport: http(rpcUrl, {
      timeout: parameters.rpcTimeoutMs ?? 15_000,
      retryCount: 1,
    }),
  })
  const chainId = await readChainId(client, rpcUrl)
  if (chainId !== manifest.network.chainId || chainId !== network.chainId)
    throw new NetworkChainMismatchError({
      network: network.name,
      rpcUrl,
      rpcChainId: chainId,
      manifestChainId: manifest.network.chainId,
    })
  const signers = resolveSigner({
    chainId,
    env,
    signerEnv: parameters.signerEnv,
  })
  return {
    root,
    networkName: network.name,
    network,
    manifestPath,
    manifest,
    rpcUrl,
    chainId,
    client,
    service: createSafeService({
      chainId,
      ...(network.txServiceUrl ? { txServiceUrl: network.txServiceUrl } : {}),
    }),
    signers,
    signerSource: parameters.signerEnv
      ? 'env'
      : signers.length > 0
        ? 'anvil-dev-accounts'
        : 'none',
    paths: {
      deployments,
      transactions: join(root, 'safe-transactions', network.name),
      operations: join(root, 'docs', 'operations'),
    },
  }
}

async function readChainId(
  client: Client<Transport, Chain | undefined>,
  rpcUrl: string,
): Promise<number> {
  try {
    return await getChainId(client)
  } catch (cause) {
    throw new RpcUnreachableError({ rpcUrl, cause })
  }
}
