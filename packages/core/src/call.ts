import type { Abi, Address, Hex } from 'viem'

/**
 * One call a Safe (or the timelock) will make: the shared vocabulary between
 * the calldata builders, the Safe planner and the invariant checks.
 *
 * Builders never emit delegatecall: batching goes through MultiSendCallOnly,
 * which the Safe package adds itself.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/core/README.md#call
 *
 * @example
 * ```ts
 * import type { Call } from '@storydao/core'
 * import { encodeFunctionData, erc20Abi } from 'viem'
 *
 * const call: Call = {
 *   to: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
 *   value: 0n,
 *   data: encodeFunctionData({
 *     abi: erc20Abi,
 *     functionName: 'transfer',
 *     args: ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8', 1n],
 *   }),
 *   operation: 'call',
 *   label: 'Treasury: send 1 wei of AuthorCoin',
 *   abi: erc20Abi,
 * }
 * ```
 */
export type Call = {
  /** Target contract. */
  to: Address
  /** Wei sent with the call. */
  value: bigint
  /** Calldata. */
  data: Hex
  /** Always a plain call; delegatecall is never produced by a builder. */
  operation: 'call'
  /** Human-readable description shown to reviewers and signers. */
  label: string
  /** ABI that decodes `data` again for review (optional context). */
  abi?: Abi | undefined
}
