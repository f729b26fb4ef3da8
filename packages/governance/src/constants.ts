import type { Address } from 'viem'

/**
 * The deterministic deployment proxy (Arachnid's CREATE2 deployer): calldata
 * `salt ‖ initCode` deploys `initCode` with CREATE2 and returns the address.
 * Same address on anvil and most EVM chains.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#create2deployeraddress
 *
 * @example
 * ```ts
 * import { create2DeployerAddress } from '@storydao/governance'
 *
 * create2DeployerAddress // '0x4e59b44847b379578588920cA78FbF26c0B4956C'
 * ```
 */
export const create2DeployerAddress: Address =
  '0x4e59b44847b379578588920cA78FbF26c0B4956C'
