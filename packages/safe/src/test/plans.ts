import { type Address, type Hex, zeroAddress } from 'viem'
import { encodeMultiSend } from '../encodeMultiSend.js'
import { hashSafeTransaction } from '../hashSafeTransaction.js'
import type { SafePlan, SafePlanCall, SafeTransaction } from '../types/safe.js'

/** MultiSendCallOnly v1.4.1 (canonical). */
export const multiSendCallOnly141: Address =
  '0x9641d764fc13c8B624c04430C7356C1C7C8102e2'

/**
 * A plan built without a chain (as buildSafePlan would for a 1.4.1 Safe), for
 * pure tests of signing and Transaction Builder export.
 */
export function offlinePlan(parameters: {
  calls: SafePlanCall[]
  safe?: Address
  chainId?: number
  nonce?: bigint
  safeVersion?: string
  safeTx?: Partial<SafeTransaction>
}): SafePlan {
  const {
    calls,
    safe = '0x2B0b9cBDA3D7b0F760187c52A8FFB18C48E5d96A',
    chainId = 31337,
    nonce = 0n,
    safeVersion = '1.4.1',
  } = parameters
  const [first] = calls
  const batch = calls.length > 1
  const safeTx: SafeTransaction = {
    to: batch ? multiSendCallOnly141 : first!.to,
    value: batch ? 0n : first!.value,
    data: batch
      ? encodeMultiSend(
          calls.map(({ to, value, data }) => ({ to, value, data })),
        )
      : (first!.data.toLowerCase() as Hex),
    operation: batch ? 1 : first!.operation === 'delegatecall' ? 1 : 0,
    safeTxGas: 0n,
    baseGas: 0n,
    gasPrice: 0n,
    gasToken: zeroAddress,
    refundReceiver: zeroAddress,
    nonce,
    ...parameters.safeTx,
  }
  return {
    chainId,
    safe,
    safeVersion,
    nonce: safeTx.nonce,
    safeTx,
    ...hashSafeTransaction({ chainId, safe, safeVersion, safeTx }),
    calls,
    warnings: [],
  }
}
