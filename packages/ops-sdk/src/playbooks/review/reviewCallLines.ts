import type { ReportedCall } from '@storydao/invariants'
import { getCanonicalContract, type SafeTransaction } from '@storydao/safe'
import { labelOf } from './reviewWarnings.js'
import {
  formatEtherAmount,
  formatTokenAmount,
  type TokenUnits,
} from './tokenUnits.js'

/** One line of the call tree: depth 0 is a call the Safe makes. */
export type ReviewCallLine = { depth: number; text: string; raw: boolean }

// Token functions whose amount argument is in the token's base units.
const amountArguments: Record<string, readonly string[]> = {
  transfer: ['value', 'amount'],
  transferFrom: ['value', 'amount'],
  approve: ['value', 'amount'],
  mint: ['value', 'amount'],
  burn: ['value', 'amount'],
  burnFrom: ['value', 'amount'],
}

/**
 * @internal Each call as one line, nested calls indented, undecoded
 * selectors shown raw, token amounts in units with the raw value beside.
 */
export function toCallLines(
  calls: readonly ReportedCall[],
  context: {
    deployed: readonly string[]
    tokens: ReadonlyMap<string, TokenUnits>
  },
  depth = 0,
): ReviewCallLine[] {
  return calls.flatMap((call) => {
    const label = labelOf(call, context.deployed)
    const value =
      call.value > 0n ? ` with ${formatEtherAmount(call.value)}` : ''
    const decoded =
      call.functionName !== undefined || call.create2 !== undefined
    const text = call.create2
      ? `${label}: deploy ${call.create2.address}${value}`
      : decoded
        ? `${label}.${call.functionName}(${argumentsOf(call, context.tokens)})${value}`
        : `${label}: ${call.data === '0x' || !call.data ? 'no calldata' : `undecoded ${call.data.slice(0, 10)} (${call.data})`}${value}`
    return [
      { depth, text, raw: !decoded && !!call.data && call.data !== '0x' },
      ...toCallLines(call.inner ?? [], context, depth + 1),
    ]
  })
}

function argumentsOf(
  call: ReportedCall,
  tokens: ReadonlyMap<string, TokenUnits>,
): string {
  const units = tokens.get(call.to.toLowerCase())
  const amounts = amountArguments[call.functionName ?? ''] ?? []
  return (call.args ?? [])
    .map((arg) =>
      units &&
      amounts.includes(arg.name.replace(/_$/, '')) &&
      typeof arg.value === 'bigint'
        ? `${arg.name}: ${formatTokenAmount(units, arg.value)}`
        : `${arg.name}: ${String(arg.value)}`,
    )
    .join(', ')
}

/** @internal Targets of token calls whose amounts {@link toCallLines} shows in units. */
export function tokenCallTargets(
  calls: readonly ReportedCall[],
): ReportedCall['to'][] {
  return calls.flatMap((call) => [
    ...(amountArguments[call.functionName ?? ''] ? [call.to] : []),
    ...tokenCallTargets(call.inner ?? []),
  ])
}

/** @internal A MultiSendCallOnly batch is the root the Safe delegatecalls; its calls hang below it. */
export function batchLines(
  safeTx: SafeTransaction,
  kind: 'call' | 'batch' | 'delegatecall',
  lines: ReviewCallLine[],
): ReviewCallLine[] {
  if (kind !== 'batch') return lines
  const name =
    getCanonicalContract({ address: safeTx.to })?.name ?? 'MultiSendCallOnly'
  const count = lines.filter((line) => line.depth === 0).length
  return [
    {
      depth: 0,
      text: `${name} ${safeTx.to}.multiSend(${count} call${count === 1 ? '' : 's'}) by DELEGATECALL`,
      raw: false,
    },
    ...lines.map((line) => ({ ...line, depth: line.depth + 1 })),
  ]
}
