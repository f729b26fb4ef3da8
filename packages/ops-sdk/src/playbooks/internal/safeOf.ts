import type { Manifest } from '@storydao/core'
import type { Address } from 'viem'
import { SafeNotInManifestError } from '../../errors/playbook.js'

/** @internal The manifest's Safes a playbook step may act from. */
export type SafeName = 'ops' | 'emergency'

/** @internal A Safe of the manifest by role, or a typed error naming the file. */
export function safeOf(
  manifest: Manifest,
  name: SafeName,
): { name: SafeName; address: Address; threshold: number } {
  const safe = manifest.safes[name]
  if (!safe)
    throw new SafeNotInManifestError({
      safe: name,
      network: manifest.network.name,
    })
  return { name, address: safe.address, threshold: safe.threshold }
}
