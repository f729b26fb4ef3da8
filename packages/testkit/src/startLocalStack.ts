import type { Manifest } from '@storydao/core'
import { startAnvil } from '@storydao/invariants'
import type { Hex } from 'viem'
import { type LocalAccounts, localAccounts } from './accounts.js'
import { createLocalClient, type LocalClient } from './localClient.js'
import { createSafe } from './safe/createSafe.js'
import {
  deployCanonicalSafeContracts,
  type SafeContracts,
} from './safe/deployCanonicalSafeContracts.js'
import {
  deployStoryDao,
  type StoryDaoConfig,
} from './storydao/deployStoryDao.js'
import { toLocalManifest } from './storydao/toLocalManifest.js'
import {
  startTxService,
  type TxService,
  type TxServiceSnapshot,
} from './txService/startTxService.js'

/** Whether (and how) the local stack runs the Transaction Service stand-in. */
export type TxServiceOption =
  | boolean
  | {
      /** JSON file the queue persists to (see `startTxService`). */
      statePath?: string | undefined
      /** Loopback port; a free one when omitted. */
      port?: number | undefined
    }

export type StartLocalStackParameters<
  txService extends TxServiceOption | undefined = TxServiceOption | undefined,
> = {
  /** Loopback port for anvil; a free one when omitted. */
  port?: number
  /** StoryDAO protocol parameters (timelock delay, supply, …). */
  config?: Partial<StoryDaoConfig>
  /** Reports each start-up step (for CLIs and slow-test diagnostics). */
  onProgress?: (step: string) => void
  /**
   * Also start the local Safe Transaction Service against this chain
   * (`true`, or options). Off by default.
   */
  txService?: txService
}

export type LocalStack<
  txService extends TxServiceOption | undefined = TxServiceOption | undefined,
> = {
  rpcUrl: string
  /**
   * api-kit's `txServiceUrl` for the local Transaction Service
   * (`http://127.0.0.1:<port>/api`), when it was started.
   */
  txServiceUrl: txService extends false | undefined ? undefined : string
  chainId: number
  /** The deployment, in the schema of `deployments/<network>.json`. */
  manifest: Manifest
  /** Anvil dev accounts and their roles (Safe owners, deployer, stranger). */
  accounts: LocalAccounts
  /** Canonical Safe v1.4.1 addresses. */
  safeContracts: SafeContracts
  /** protocol-kit's `contractNetworks` for this chain. */
  contractNetworks: Record<string, SafeContracts>
  /** A client for the chain that sends as the deployer. */
  client: LocalClient
  /** `evm_snapshot` (plus a copy of the Transaction Service queue); returns the id to pass to `revert`. */
  snapshot(): Promise<Hex>
  /** `evm_revert` to a snapshot (which anvil then discards); the Transaction Service queue follows. */
  revert(id: Hex): Promise<void>
  /**
   * Back to the state right after deployment, with an empty Transaction
   * Service queue; cheap, so test files can share one stack.
   */
  reset(): Promise<void>
  /** Stops anvil and the Transaction Service. */
  stop(): Promise<void>
}

/**
 * Starts the local stack: anvil on a free loopback port, the canonical Safe
 * v1.4.1 contracts, an ops Safe and an emergency Safe (2-of-3 each, anvil dev
 * keys) and StoryDAO deployed and wired as in production; with `txService`,
 * also the local Safe Transaction Service against that chain.
 *
 * @throws {ForkError} When anvil cannot start (`ANVIL_*` codes, from @storydao/invariants).
 * @throws {TestkitError} When deploying the Safe or StoryDAO contracts fails.
 *
 * @example
 * const stack = await startLocalStack({ txService: true })
 * stack.manifest.contracts.AuthorCoin.address
 * new SafeApiKit({ chainId: 31337n, txServiceUrl: stack.txServiceUrl })
 * await stack.stop()
 */
export async function startLocalStack<
  txService extends TxServiceOption | undefined = undefined,
>(
  parameters: StartLocalStackParameters<txService> = {},
): Promise<LocalStack<txService>> {
  const progress = parameters.onProgress ?? (() => {})
  progress('starting anvil')
  const anvil = await startAnvil(
    parameters.port === undefined ? {} : { port: parameters.port },
  )
  let service: TxService | undefined
  try {
    const accounts = localAccounts
    const client = createLocalClient({
      rpcUrl: anvil.rpcUrl,
      account: accounts.deployer.address,
    })
    progress('deploying canonical Safe v1.4.1 contracts')
    const safeContracts = await deployCanonicalSafeContracts(client)
    progress('creating ops and emergency Safes')
    const ops = await createSafe(client, {
      contracts: safeContracts,
      owners: accounts.opsOwners.map((owner) => owner.address),
      threshold: 2,
      saltNonce: 1n,
    })
    const emergency = await createSafe(client, {
      contracts: safeContracts,
      owners: accounts.emergencyOwners.map((owner) => owner.address),
      threshold: 2,
      saltNonce: 2n,
    })
    progress('deploying StoryDAO contracts')
    const deployment = await deployStoryDao(client, {
      opsSafe: ops.address,
      emergencySafe: emergency.address,
      ...(parameters.config ? { config: parameters.config } : {}),
    })
    const chainId = client.chain.id
    const manifest = toLocalManifest({
      chainId,
      opsSafe: ops.address,
      emergencySafe: emergency.address,
      accounts,
      deployment,
    })

    const txService = parameters.txService as TxServiceOption | undefined
    if (txService) {
      progress('starting the local Safe Transaction Service')
      const options = txService === true ? {} : txService
      service = await startTxService({
        rpcUrl: anvil.rpcUrl,
        port: options.port,
        statePath: options.statePath,
      })
    }

    let baseline = await client.snapshot()
    const serviceSnapshots = new Map<Hex, TxServiceSnapshot>()
    return {
      rpcUrl: anvil.rpcUrl,
      txServiceUrl: service?.url as LocalStack<txService>['txServiceUrl'],
      chainId,
      manifest,
      accounts,
      safeContracts,
      contractNetworks: { [String(chainId)]: safeContracts },
      client,
      async snapshot() {
        const id = (await client.snapshot()) as Hex
        if (service) serviceSnapshots.set(id, service.snapshot())
        return id
      },
      async revert(id) {
        await client.revert({ id })
        const saved = serviceSnapshots.get(id)
        serviceSnapshots.delete(id)
        if (service && saved) await service.revert(saved)
      },
      async reset() {
        await client.revert({ id: baseline })
        baseline = await client.snapshot()
        serviceSnapshots.clear()
        await service?.reset()
      },
      async stop() {
        await service?.stop()
        await anvil.stop()
      },
    }
  } catch (error) {
    await service?.stop()
    await anvil.stop()
    throw error
  }
}
