import type { ContractEntry } from '@storydao/core'
import {
  buildBeaconUpgrade,
  buildTransparentUpgrade,
  buildUupsUpgrade,
  type UpgradeKind,
} from '@storydao/governance'
import type { Address, Hex } from 'viem'
import { NotUpgradeableError } from '../../errors/upgrade.js'

/** @internal How a manifest contract is upgraded; throws for kinds that cannot be. */
export function upgradeKindOf(name: string, entry: ContractEntry): UpgradeKind {
  if (entry.kind === 'uups-proxy') return 'uups'
  if (entry.kind === 'transparent-proxy') return 'transparent'
  if (entry.kind === 'beacon') return 'beacon'
  throw new NotUpgradeableError({ name, kind: entry.kind })
}

/** @internal The upgrade call of a contract to an implementation (the rollback uses it too). */
export function buildUpgradeCall(
  entry: ContractEntry,
  {
    kind,
    implementation,
    data,
  }: { kind: UpgradeKind; implementation: Address; data: Hex | undefined },
) {
  if (entry.kind === 'transparent-proxy')
    return buildTransparentUpgrade({
      proxyAdmin: entry.proxyAdmin,
      proxy: entry.address,
      implementation,
      data,
    })
  if (kind === 'beacon')
    return buildBeaconUpgrade({ beacon: entry.address, implementation })
  return buildUupsUpgrade({ proxy: entry.address, implementation, data })
}
