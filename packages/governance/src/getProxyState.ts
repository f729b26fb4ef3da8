import {
  assertParameters,
  ChainReadError,
  type ChainReadErrorType,
  eip1967Slots,
  type MissingParameterErrorType,
  type ToAddressFromSlotErrorType,
  type ToChecksummedAddressErrorType,
  toAddressFromSlot,
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
  zeroAddress,
} from 'viem'
import { getStorageAt, readContract } from 'viem/actions'
import { getAction } from 'viem/utils'
import { version } from './errors/version.js'
import { beaconAbi, proxiableAbi } from './internal/abis.js'
import { readChain } from './internal/readChain.js'

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
  | MissingParameterErrorType
  | ChainReadErrorType
  | ToAddressFromSlotErrorType
  | ToChecksummedAddressErrorType

/** The address in a slot; `undefined` when the slot is empty (zero). */
function slotAddress(value: Hex | undefined): Address | undefined {
  const address = toAddressFromSlot(value ?? '0x')
  return address === zeroAddress ? undefined : address
}

/**
 * Reads a proxy's EIP-1967 implementation, admin and beacon slots (in
 * parallel) and, for a beacon proxy, the beacon's `implementation()`; for a
 * plain ERC-1967 proxy, asks the implementation for `proxiableUUID()` to tell
 * UUPS apart.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#getproxystate
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
  assertParameters('getProxyState', { client }, ['client'], { version })
  assertParameters('getProxyState', parameters, ['proxy'], { version })
  const proxy = toChecksummedAddress({
    address: parameters.proxy,
    path: 'proxy',
  })
  const readSlot = getAction(client, getStorageAt, 'getStorageAt')
  const read = getAction(client, readContract, 'readContract')
  const [implementationValue, adminValue, beaconValue] = await readChain(
    `the EIP-1967 slots of ${proxy}`,
    () =>
      [
        readSlot({ address: proxy, slot: eip1967Slots.implementation }),
        readSlot({ address: proxy, slot: eip1967Slots.admin }),
        readSlot({ address: proxy, slot: eip1967Slots.beacon }),
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
    kind: uuid === eip1967Slots.implementation ? 'uups' : 'erc1967',
    implementation: slotImplementation,
    admin,
    beacon,
  }
}
