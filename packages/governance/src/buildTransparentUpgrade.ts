import {
  assertParameters,
  type Call,
  type MissingParameterErrorType,
  proxyAdminAbi,
  type ToChecksummedAddressErrorType,
  toChecksummedAddress,
} from '@storydao/core'
import { type Address, encodeFunctionData, type Hex } from 'viem'
import { version } from './errors/version.js'

export type BuildTransparentUpgradeParameters = {
  /** The proxy's ProxyAdmin (OpenZeppelin 5: one per proxy, created by the proxy). */
  proxyAdmin: Address
  /** The TransparentUpgradeableProxy. */
  proxy: Address
  /** The new implementation (already deployed). */
  implementation: Address
  /** Calldata run on the proxy right after the upgrade; none when omitted. */
  data?: Hex | undefined
  /** Overrides the generated label. */
  label?: string | undefined
}

export type BuildTransparentUpgradeReturnType = Call

export type BuildTransparentUpgradeErrorType =
  | ToChecksummedAddressErrorType
  | MissingParameterErrorType

/**
 * Builds `ProxyAdmin.upgradeAndCall(proxy, implementation, data)` (OpenZeppelin
 * 5 ProxyAdmin, whose `UPGRADE_INTERFACE_VERSION` is `5.0.0`: there is no
 * `upgrade` without call; empty data is allowed). Sent by the ProxyAdmin's
 * owner.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#buildtransparentupgrade
 *
 * @example
 * ```ts
 * import { buildTransparentUpgrade } from '@storydao/governance'
 *
 * const call = buildTransparentUpgrade({ proxyAdmin, proxy, implementation })
 * ```
 *
 * @param parameters - {@link BuildTransparentUpgradeParameters}
 * @returns The call.
 */
export function buildTransparentUpgrade(
  parameters: BuildTransparentUpgradeParameters,
): BuildTransparentUpgradeReturnType {
  assertParameters(
    'buildTransparentUpgrade',
    parameters,
    ['proxyAdmin', 'proxy', 'implementation'],
    { version },
  )
  const proxyAdmin = toChecksummedAddress({
    address: parameters.proxyAdmin,
    path: 'proxyAdmin',
  })
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
    to: proxyAdmin,
    value: 0n,
    data: encodeFunctionData({
      abi: proxyAdminAbi,
      functionName: 'upgradeAndCall',
      args: [proxy, implementation, data],
    }),
    operation: 'call',
    label:
      parameters.label ??
      `Upgrade transparent proxy ${proxy} to ${implementation} through ProxyAdmin ${proxyAdmin}${data === '0x' ? '' : ' and call it'}`,
    abi: proxyAdminAbi,
  }
}
