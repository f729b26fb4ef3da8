// Only the three MultiSendCallOnly assets, not the package index: the index
// loads every asset of every release (~1 MB of JSON, ~60–160 ms), which every
// import of @storydao/safe would pay.
import v130 from '@safe-global/safe-deployments/dist/assets/v1.3.0/multi_send_call_only.json' with {
  type: 'json',
}
import v141 from '@safe-global/safe-deployments/dist/assets/v1.4.1/multi_send_call_only.json' with {
  type: 'json',
}
import v150 from '@safe-global/safe-deployments/dist/assets/v1.5.0/multi_send_call_only.json' with {
  type: 'json',
}
import { type Address, getAddress, type Hex } from 'viem'
import type { MultiSendCallOnlyVersion } from '../types/safe.js'
import { parseSafeVersion } from './safeVersion.js'

/** @internal A canonical MultiSendCallOnly deployment (safe-deployments). */
export type MultiSendCallOnlyDeployment = {
  version: MultiSendCallOnlyVersion
  address: Address
  /** keccak256 of the runtime code. */
  codeHash: Hex
}

type DeploymentAsset = {
  released: boolean
  deployments: Partial<
    Record<string, { address: string; codeHash: string } | undefined>
  >
}

/**
 * The EVM variants: `canonical` (singleton factory) and `eip155` (its
 * replay-protected twin). `zksync` is another VM with other code hashes.
 */
const evmDeploymentTypes = ['canonical', 'eip155'] as const

/** Each release's asset, newest first. */
const releases: readonly (readonly [
  MultiSendCallOnlyVersion,
  DeploymentAsset,
])[] = [
  ['1.5.0', v150],
  ['1.4.1', v141],
  ['1.3.0', v130],
]

/**
 * @internal Canonical MultiSendCallOnly deployments, newest first, derived
 * when the module loads from `@safe-global/safe-deployments`
 * (`assets/v*\/multi_send_call_only.json`: the released `canonical` and
 * `eip155` variants). The contract first shipped with Safe 1.3.0; older Safes
 * use 1.3.0's.
 */
export const multiSendCallOnlyDeployments: readonly MultiSendCallOnlyDeployment[] =
  releases.flatMap(([version, asset]) =>
    evmDeploymentTypes.flatMap((type) => {
      const deployment = asset.deployments[type]
      return asset.released && deployment
        ? [
            {
              version,
              address: getAddress(deployment.address),
              codeHash: deployment.codeHash.toLowerCase() as Hex,
            },
          ]
        : []
    }),
  )

/**
 * @internal The deployments to try for a Safe version, preferred first: the
 * version's own release, then the others from newest to oldest.
 */
export function multiSendCallOnlyCandidates(
  safeVersion: string,
): readonly MultiSendCallOnlyDeployment[] {
  const [, minor] = parseSafeVersion(safeVersion)
  const family = minor >= 5 ? '1.5.0' : minor === 4 ? '1.4.1' : '1.3.0'
  return [
    ...multiSendCallOnlyDeployments.filter((d) => d.version === family),
    ...multiSendCallOnlyDeployments.filter((d) => d.version !== family),
  ]
}
