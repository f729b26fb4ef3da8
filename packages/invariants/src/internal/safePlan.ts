import { multiSendAbi } from '@storydao/core'
import { decodeMultiSend, type SafePlan } from '@storydao/safe'
import {
  type Abi,
  type Address,
  getAddress,
  type Hex,
  toFunctionSelector,
} from 'viem'
import { sameAddress } from './values.js'

export type { SafePlan }

const multiSendSelector = toFunctionSelector(multiSendAbi[0])

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
    safeTx.data.toLowerCase().startsWith(multiSendSelector)
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
