import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Manifest, writeManifest } from '@storydao/core'

/**
 * Lays out the demo's output folder as a repository root, the way a
 * protocol repository holds its deployments: `deployments/networks.json`
 * whose `local` entry points at the running stack, and
 * `deployments/local.json`. Every step then runs on it as `storydao-ops
 * --root <out>` would.
 */
export async function writeDemoRepository({
  root,
  rpcUrl,
  txServiceUrl,
  manifest,
}: {
  root: string
  rpcUrl: string
  txServiceUrl: string
  manifest: Manifest
}): Promise<{ manifestPath: string }> {
  const deployments = join(root, 'deployments')
  mkdirSync(deployments, { recursive: true })
  const networks = {
    networks: {
      local: {
        chainId: manifest.network.chainId,
        rpcEnv: 'LOCAL_RPC_URL',
        defaultRpcUrl: rpcUrl,
        txServiceUrl,
        explorer: null,
        shortName: null,
      },
    },
  }
  writeFileSync(
    join(deployments, 'networks.json'),
    `${JSON.stringify(networks, null, 2)}\n`,
  )
  const manifestPath = join(deployments, 'local.json')
  await writeManifest(manifestPath, { manifest, archive: false })
  return { manifestPath }
}
