import {
  assertParameters,
  type Call,
  type MissingParameterErrorType,
  type ToChecksummedAddressErrorType,
  toChecksummedAddress,
} from '@storydao/core'
import { type Address, encodeFunctionData, type Hex } from 'viem'
import { version } from './errors/version.js'
import { uupsAbi } from './internal/abis.js'

export type BuildUupsUpgradeParameters = {
  /** The ERC-1967 proxy whose implementation is UUPS. */
  proxy: Address
  /** The new implementation (already deployed). */
  implementation: Address
  /** Calldata run on the proxy right after the upgrade (e.g. `initializeV2(…)`); none when omitted. */
  data?: Hex | undefined
  /** Overrides the generated label. */
  label?: string | undefined
}

export type BuildUupsUpgradeReturnType = Call

export type BuildUupsUpgradeErrorType =
  | ToChecksummedAddressErrorType
  | MissingParameterErrorType

/**
 * Builds `upgradeToAndCall(implementation, data)` on a UUPS proxy (OpenZeppelin
 * 5 `UUPSUpgradeable`). Sent by the account the implementation's
 * `_authorizeUpgrade` allows (StoryDAO: the timelock, `UPGRADER_ROLE`).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#builduupsupgrade
 *
 * @example
 * ```ts
 * import { authorCoinV2Abi } from '@storydao/core'
 * import { buildUupsUpgrade } from '@storydao/governance'
 * import { encodeFunctionData } from 'viem'
 *
 * const call = buildUupsUpgrade({
 *   proxy: authorCoin,
 *   implementation: authorCoinV2Implementation,
 *   data: encodeFunctionData({ abi: authorCoinV2Abi, functionName: 'initializeV2', args: [10n ** 24n] }),
 * })
 * ```
 *
 * @param parameters - {@link BuildUupsUpgradeParameters}
 * @returns The call.
 */
export function buildUupsUpgrade(
  parameters: BuildUupsUpgradeParameters,
): BuildUupsUpgradeReturnType {
  assertParameters(
    'buildUupsUpgrade',
    parameters,
    ['proxy', 'implementation'],
    { version },
  )
  const proxy = toChecksummedAddress({
    address: parameters.proxy,
    path: 'proxy',
  })
  const implementation = toChecksummedAddress({
    address: parameters.implementation,
    path: 'implementation',
  })
  const data = parameters.data ?? '0x'
  return {
    to: proxy,
    value: 0n,
    data: encodeFunctionData({
      abi: uupsAbi,
      functionName: 'upgradeToAndCall',
      args: [implementation, data],
    }),
    operation: 'call',
    label:
      parameters.label ??
      `Upgrade UUPS proxy ${proxy} to ${implementation}${data === '0x' ? '' : ' and call it'}`,
    abi: uupsAbi,
  }
}
