import { isHexEqual } from '@storydao/core'
import { decodeSafeTransaction, type SafePlan } from '@storydao/safe'
import { type Abi, type Address, type Hex, isAddressEqual } from 'viem'

export type { SafePlan }

/** @internal One call the Safe transaction makes. */
export type InnerCall = {
  to: Address
  value: bigint
  data: Hex
  operation: 'call' | 'delegatecall'
  label?: string | undefined
  abi?: Abi | undefined
}

/**
 * @internal The calls the Safe transaction really makes, as
 * `decodeSafeTransaction` from `@storydao/safe` reads `safeTx` (never taken
 * from `plan.calls` on trust): a MultiSendCallOnly batch's entries, else the
 * one call or flagged delegatecall. A plan call describing the same
 * `(to, value, data)` at the same position lends its label and ABI.
 */
export function innerCallsOf(plan: SafePlan): InnerCall[] {
  const { kind, calls } = decodeSafeTransaction(plan.safeTx)
  const batched = kind === 'batch'
  return calls.map((call, position) => {
    const described = plan.calls[position]
    const matches =
      described !== undefined &&
      (batched || plan.calls.length === 1) &&
      isAddressEqual(described.to, call.to) &&
      described.value === call.value &&
      isHexEqual(described.data, call.data)
    return matches
      ? {
          ...call,
          label: described.label,
          ...(described.abi ? { abi: described.abi } : {}),
        }
      : call
  })
}
