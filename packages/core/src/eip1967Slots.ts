/**
 * The EIP-1967 proxy storage slots, each `bytes32(uint256(keccak256(name)) - 1)`:
 * - `implementation`: `eip1967.proxy.implementation` (UUPS, transparent and plain ERC-1967 proxies);
 * - `admin`: `eip1967.proxy.admin` (the ProxyAdmin of a transparent proxy);
 * - `beacon`: `eip1967.proxy.beacon` (beacon proxies).
 *
 * Decode a slot's value with {@link toAddressFromSlot}.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#eip1967slots
 *
 * @example
 * ```ts
 * import { eip1967Slots, toAddressFromSlot } from '@storydao/core'
 * import { getStorageAt } from 'viem/actions'
 *
 * const value = await getStorageAt(client, { address: proxy, slot: eip1967Slots.implementation })
 * const implementation = toAddressFromSlot(value ?? '0x')
 * ```
 */
export const eip1967Slots = {
  /** `bytes32(uint256(keccak256('eip1967.proxy.implementation')) - 1)`. */
  implementation:
    '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc',
  /** `bytes32(uint256(keccak256('eip1967.proxy.admin')) - 1)`. */
  admin: '0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103',
  /** `bytes32(uint256(keccak256('eip1967.proxy.beacon')) - 1)`. */
  beacon: '0xa3f0ad74e5423aebfd80d3ef4346578335a9a72aeaee59ff6cb3582b35133d50',
} as const
