import { decodeMultiSend, type SafePlan } from '@storydao/safe'
import { type Abi, type Address, getAddress, type Hex } from 'viem'
import { sameAddress } from './values.js'

export type { SafePlan }

/**
 * @internal Canonical MultiSendCallOnly deployments (safe-deployments
 * v1.3.0 canonical and eip155, v1.4.1, v1.5.0): the only delegatecall
 * targets a plan should have.
 */
export const multiSendCallOnlyAddresses: readonly Address[] = [
  '0xA83c336B20401Af773B6219BA5027174338D1836',
  '0x9641d764fc13c8B624c04430C7356C1C7C8102e2',
  '0x40A2aCCbd92BCA938b02010E17A5b8929b49130D',
  '0xA1dabEF33b3B82c7814B6D82A79e50F4AC44102B',
]

/** @internal Whether `address` is a canonical MultiSendCallOnly. */
export function isMultiSendCallOnly(address: string): boolean {
  return multiSendCallOnlyAddresses.some((known) => sameAddress(known, address))
}

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
 * @internal The calls the Safe transaction really makes, decoded from
 * `safeTx` (never taken from `plan.calls` on trust): the MultiSend entries of
 * a delegatecall whose data decodes as `multiSend(bytes)`, else the one call.
 * A plan call describing the same `(to, value, data)` at the same position
 * lends its label and ABI.
 */
export function innerCallsOf(plan: SafePlan): InnerCall[] {
  const { safeTx } = plan
  let calls: InnerCall[]
  if (
    safeTx.operation === 1 &&
    safeTx.data.toLowerCase().startsWith('0x8d80ff0a')
  ) {
    try {
      calls = decodeMultiSend(safeTx.data).map((entry) => ({
        to: getAddress(entry.to),
        value: entry.value,
        data: entry.data,
        operation: entry.operation === 1 ? 'delegatecall' : 'call',
      }))
    } catch {
      calls = [single(plan)]
    }
  } else calls = [single(plan)]
  const batched = calls.length > 1 || safeTx.operation === 1
  return calls.map((call, position) => {
    const described = plan.calls[position]
    const matches =
      described !== undefined &&
      (batched || plan.calls.length === 1) &&
      sameAddress(described.to, call.to) &&
      described.value === call.value &&
      described.data.toLowerCase() === call.data.toLowerCase()
    return matches
      ? {
          ...call,
          label: described.label,
          ...(described.abi ? { abi: described.abi } : {}),
        }
      : call
  })
}

function single(plan: SafePlan): InnerCall {
  return {
    to: getAddress(plan.safeTx.to),
    value: plan.safeTx.value,
    data: plan.safeTx.data,
    operation: plan.safeTx.operation === 1 ? 'delegatecall' : 'call',
  }
}
