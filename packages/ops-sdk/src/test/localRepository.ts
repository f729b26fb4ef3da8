import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeManifest } from '@storydao/core'
import { type LocalStack, startLocalStack } from '@storydao/testkit'

/** A temp repository root whose `local` network is a running local stack. */
export type LocalRepository = {
  root: string
  stack: LocalStack<true>
  /** Environment for the spawned bin (`LOCAL_RPC_URL` points at the stack). */
  env: Record<string, string | undefined>
  /** Back to the deployed state, empty Transaction Service queue, fresh files. */
  reset(): Promise<void>
  stop(): Promise<void>
}

const networksTemplate = fileURLToPath(
  new URL('../../../../deployments/networks.json', import.meta.url),
)

/**
 * Starts the local stack (anvil, canonical Safes, StoryDAO, local Transaction
 * Service) and writes a repository root for it: `deployments/local.json`
 * and `deployments/networks.json` whose `local` entry points at the stack.
 */
export async function startLocalRepository(): Promise<LocalRepository> {
  const stack = await startLocalStack({ txService: true })
  const root = mkdtempSync(join(tmpdir(), 'storydao-ops-repo-'))
  const writeFiles = async () => {
    mkdirSync(join(root, 'deployments'), { recursive: true })
    const networks = JSON.parse(readFileSync(networksTemplate, 'utf8'))
    networks.networks.local.defaultRpcUrl = stack.rpcUrl
    networks.networks.local.txServiceUrl = stack.txServiceUrl
    writeFileSync(
      join(root, 'deployments', 'networks.json'),
      `${JSON.stringify(networks, null, 2)}\n`,
    )
    await writeManifest(join(root, 'deployments', 'local.json'), {
      manifest: stack.manifest,
      archive: false,
    })
  }
  await writeFiles()
  return {
    root,
    stack,
    env: { LOCAL_RPC_URL: stack.rpcUrl },
    async reset() {
      await stack.reset()
      await writeFiles()
    },
    stop: () => stack.stop(),
  }
}
