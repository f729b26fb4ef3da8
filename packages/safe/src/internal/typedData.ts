import type { Address, TypedDataDomain } from 'viem'
import type { SafeTransaction } from '../types/safe.js'
import { domainHasChainId } from './safeVersion.js'

/** @internal EIP-712 types of `SafeTx` (Safe ≥ 1.0.0, with `baseGas`). */
export const safeTxTypes = {
  SafeTx: [
    { name: 'to', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'data', type: 'bytes' },
    { name: 'operation', type: 'uint8' },
    { name: 'safeTxGas', type: 'uint256' },
    { name: 'baseGas', type: 'uint256' },
    { name: 'gasPrice', type: 'uint256' },
    { name: 'gasToken', type: 'address' },
    { name: 'refundReceiver', type: 'address' },
    { name: 'nonce', type: 'uint256' },
  ],
} as const

/**
 * @internal The EIP-712 typed data of a Safe transaction, ready for viem's
 * `signTypedData` / `hashTypedData`.
 */
export function getSafeTxTypedData(parameters: {
  chainId: number
  safe: Address
  safeVersion: string
  safeTx: SafeTransaction
}) {
  const { chainId, safe, safeVersion, safeTx } = parameters
  const domain: TypedDataDomain = domainHasChainId(safeVersion)
    ? { chainId, verifyingContract: safe }
    : { verifyingContract: safe }
  return {
    domain,
    types: safeTxTypes,
    primaryType: 'SafeTx' as const,
    message: {
      to: safeTx.to,
      value: safeTx.value,
      data: safeTx.data,
      operation: safeTx.operation,
      safeTxGas: safeTx.safeTxGas,
      baseGas: safeTx.baseGas,
      gasPrice: safeTx.gasPrice,
      gasToken: safeTx.gasToken,
      refundReceiver: safeTx.refundReceiver,
      nonce: safeTx.nonce,
    },
  }
}
