import {
  assertParameters,
  type Call,
  type MissingParameterErrorType,
  type ToChecksummedAddressErrorType,
  toChecksummedAddress,
} from '@storydao/core'
import { type Address, encodeFunctionData } from 'viem'
import { version } from './errors/version.js'
import { beaconAbi } from './internal/abis.js'

export type BuildBeaconUpgradeParameters = {
  /** The UpgradeableBeacon. */
  beacon: Address
  /** The new implementation (already deployed). */
  implementation: Address
  /** Overrides the generated label. */
  label?: string | undefined
}

export type BuildBeaconUpgradeReturnType = Call

export type BuildBeaconUpgradeErrorType =
  | ToChecksummedAddressErrorType
  | MissingParameterErrorType

/**
 * Builds `UpgradeableBeacon.upgradeTo(implementation)`: every beacon proxy of
 * the beacon switches at once. Sent by the beacon's owner (StoryDAO: the
 * timelock). A beacon upgrade cannot call an initializer; call the proxies'
 * `initializeV2` separately.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#buildbeaconupgrade
 *
 * @example
 * ```ts
 * import { buildBeaconUpgrade } from '@storydao/governance'
 *
 * const call = buildBeaconUpgrade({ beacon, implementation: treasuryV2Implementation })
 * ```
 *
 * @param parameters - {@link BuildBeaconUpgradeParameters}
 * @returns The call.
 */
export function buildBeaconUpgrade(
  parameters: BuildBeaconUpgradeParameters,
): BuildBeaconUpgradeReturnType {
  assertParameters(
    'buildBeaconUpgrade',
    parameters,
    ['beacon', 'implementation'],
    { version },
  )
  const beacon = toChecksummedAddress({
    address: parameters.beacon,
    path: 'beacon',
  })
  const implementation = toChecksummedAddress({
    address: parameters.implementation,
    path: 'implementation',
  })
  return {
    to: beacon,
    value: 0n,
    data: encodeFunctionData({
      abi: beaconAbi,
      functionName: 'upgradeTo',
      args: [implementation],
    }),
    operation: 'call',
    label: parameters.label ?? `Upgrade beacon ${beacon} to ${implementation}`,
    abi: beaconAbi,
  }
}
