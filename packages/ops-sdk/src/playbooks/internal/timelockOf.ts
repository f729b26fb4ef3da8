import type { Manifest } from '@storydao/core'
import type { Address } from 'viem'
import { TimelockNotInManifestError } from '../../errors/timelock.js'

/**
 * @internal The manifest's TimelockController (`roles.timelock`, else the
 * first contract of kind `timelock`) and the block to scan its events from:
 * its deployment block when recorded, as nothing is scheduled before it.
 */
export function timelockOf(manifest: Manifest): {
  name: string
  address: Address
  fromBlock: bigint
} {
  const name =
    manifest.roles?.timelock ??
    Object.entries(manifest.contracts).find(
      ([, entry]) => entry.kind === 'timelock',
    )?.[0]
  const entry = name ? manifest.contracts[name] : undefined
  if (!name || !entry)
    throw new TimelockNotInManifestError({ network: manifest.network.name })
  return {
    name,
    address: entry.address,
    fromBlock: BigInt(entry.deployment?.block ?? 0),
  }
}
