import {
  ChainReadError,
  type ChainReadErrorType,
  type ToChecksummedAddressErrorType,
  toChecksummedAddress,
} from '@storydao/core'
import {
  type Address,
  BaseError,
  type Chain,
  type Client,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  getAddress,
  type Hex,
  type Transport,
} from 'viem'
import { getStorageAt, readContract } from 'viem/actions'
import { getAction } from 'viem/utils'
import { beaconAbi, proxiableAbi } from './internal/abis.js'
import { readChain } from './internal/readChain.js'

/** EIP-1967 `bytes32(uint256(keccak256('eip1967.proxy.implementation')) - 1)`. */
const implementationSlot: Hex =
  '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc'
/** EIP-1967 `bytes32(uint256(keccak256('eip1967.proxy.admin')) - 1)`. */
const adminSlot: Hex =
  '0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103'
/** EIP-1967 `bytes32(uint256(keccak256('eip1967.proxy.beacon')) - 1)`. */
const beaconSlot: Hex =
  '0xa3f0ad74e5423aebfd80d3ef4346578335a9a72aeaee59ff6cb3582b35133d50'

/**
 * What kind of proxy, from its EIP-1967 slots:
 * - `beacon`: the beacon slot is set;
 * - `transparent`: the admin slot is set (OpenZeppelin TransparentUpgradeableProxy);
 * - `uups`: only the implementation slot is set and the implementation answers
 *   `proxiableUUID()` with the implementation slot (ERC-1822);
 * - `erc1967`: only the implementation slot is set, the implementation is not UUPS;
 * - `none`: no EIP-1967 slot is set (not a proxy, or another standard).
 */
export type ProxyKind = 'uups' | 'transparent' | 'beacon' | 'erc1967' | 'none'

export type GetProxyStateParameters = {
  /** The proxy. */
  proxy: Address
}

export type GetProxyStateReturnType = {
  /** The kind of proxy. */
  kind: ProxyKind
  /** The logic contract in use: the implementation slot, or for a beacon proxy the beacon's `implementation()`. */
  implementation: Address | undefined
  /** The admin slot (a ProxyAdmin for transparent proxies). */
  admin: Address | undefined
  /** The beacon slot. */
  beacon: Address | undefined
}

export type GetProxyStateErrorType =
  | ChainReadErrorType
  | ToChecksummedAddressErrorType

function slotAddress(value: Hex | undefined): Address | undefined {
  if (!value || /^0x0*$/.test(value)) return undefined
  return getAddress(`0x${value.slice(-40)}`)
}

/**
 * Reads a proxy's EIP-1967 implementation, admin and beacon slots (in
 * parallel) and, for a beacon proxy, the beacon's `implementation()`; for a
 * plain ERC-1967 proxy, asks the implementation for `proxiableUUID()` to tell
 * UUPS apart.
 *
 * - Docs: packages/governance/README.md#getproxystate
 *
 * @example
 * ```ts
 * import { getProxyState } from '@storydao/governance'
 *
 * const { kind, implementation } = await getProxyState(client, { proxy: authorCoin })
 * // kind: 'uups'
 * ```
 *
 * @param client - A viem client for the proxy's chain.
 * @param parameters - {@link GetProxyStateParameters}
 * @returns The kind, implementation, admin and beacon.
 */
export async function getProxyState<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: GetProxyStateParameters,
): Promise<GetProxyStateReturnType> {
  const proxy = toChecksummedAddress(parameters.proxy, { path: 'proxy' })
  const readSlot = getAction(client, getStorageAt, 'getStorageAt')
  const read = getAction(client, readContract, 'readContract')
  const [implementationValue, adminValue, beaconValue] = await readChain(
    `the EIP-1967 slots of ${proxy}`,
    () =>
      [
        readSlot({ address: proxy, slot: implementationSlot }),
        readSlot({ address: proxy, slot: adminSlot }),
        readSlot({ address: proxy, slot: beaconSlot }),
      ] as const,
  )
  const slotImplementation = slotAddress(implementationValue)
  const admin = slotAddress(adminValue)
  const beacon = slotAddress(beaconValue)

  if (beacon) {
    const [implementation] = await readChain(
      `the implementation of the beacon ${beacon}`,
      () =>
        [
          read({
            address: beacon,
            abi: beaconAbi,
            functionName: 'implementation',
          }),
        ] as const,
    )
    return {
      kind: 'beacon',
      implementation: getAddress(implementation),
      admin,
      beacon,
    }
  }
  if (!slotImplementation)
    return { kind: 'none', implementation: undefined, admin, beacon }
  if (admin)
    return {
      kind: 'transparent',
      implementation: slotImplementation,
      admin,
      beacon,
    }
  const uuid = await read({
    address: slotImplementation,
    abi: proxiableAbi,
    functionName: 'proxiableUUID',
  }).catch((error: unknown) => {
    // A non-UUPS implementation reverts or returns nothing: not a failure.
    if (
      error instanceof BaseError &&
      error.walk(
        (cause) =>
          cause instanceof ContractFunctionRevertedError ||
          cause instanceof ContractFunctionZeroDataError,
      )
    )
      return undefined
    throw new ChainReadError({
      what: `proxiableUUID() of ${slotImplementation}`,
      cause: error,
    })
  })
  return {
    kind: uuid === implementationSlot ? 'uups' : 'erc1967',
    implementation: slotImplementation,
    admin,
    beacon,
  }
}
