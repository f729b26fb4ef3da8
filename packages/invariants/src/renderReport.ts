import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { Report } from './checkSafePlan.js'
import {
  UnknownReportFormatError,
  type UnknownReportFormatErrorType,
} from './errors/parameters.js'
import { version } from './errors/version.js'
import { formatValue, stableJson } from './internal/values.js'
import type { InvariantResult, InvariantValue, ReportedCall } from './types.js'

export type RenderReportFormat = 'markdown' | 'json'

export type RenderReportParameters = {
  /** The report from `checkSafePlan`. */
  report: Report
  /** `'markdown'` or `'json'`. */
  format: RenderReportFormat
}

export type RenderReportReturnType = string

export type RenderReportErrorType =
  | UnknownReportFormatErrorType
  | MissingParameterErrorType

/**
 * Renders a {@link Report} for people or machines.
 *
 * - `markdown`: a page a signer can read before approving: verdict, the
 *   hashes their wallet shows, each decoded call (the calls of timelock
 *   operations, governor proposals and upgrade-and-call data included),
 *   invariants with expected and actual values, warnings, and the
 *   simulation's revert, balance changes, storage changes and events.
 * - `json`: the whole report, stable for CI: bigints as decimal strings, object
 *   keys sorted, arrays in the report's own deterministic order.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#renderreport
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs'
 * import { checkSafePlan, renderReport } from '@storydao/invariants'
 *
 * const report = await checkSafePlan(fork, { plan, manifest, invariants })
 * writeFileSync('report.md', renderReport({ report, format: 'markdown' }))
 * writeFileSync('report.json', renderReport({ report, format: 'json' }))
 * ```
 *
 * @param parameters - {@link RenderReportParameters}
 * @returns The rendered text (ends with a newline).
 * @throws {UnknownReportFormatError} `REPORT_FORMAT_UNKNOWN` for another format.
 */
export function renderReport(
  parameters: RenderReportParameters,
): RenderReportReturnType {
  assertParameters('renderReport', parameters, ['report', 'format'], {
    version,
  })
  const { report, format } = parameters
  if (format === 'json') return `${stableJson(report, 2)}\n`
  if (format === 'markdown') return renderMarkdown(report)
  throw new UnknownReportFormatError({ format, formats: ['markdown', 'json'] })
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
const code = (text: string) => `\`${text}\``

function show(value: InvariantValue | undefined): string {
  if (value === undefined) return ''
  if (value === null) return '—'
  if (typeof value === 'string' || typeof value === 'bigint')
    return code(String(value))
  if (typeof value === 'boolean' || typeof value === 'number')
    return code(String(value))
  return code(formatValue(value))
}

/**
 * What a call's `inner` calls are, by the parent's function and arity (the
 * shapes `decodeCall` of `@storydao/governance` recurses into).
 */
const innerCallKinds: { readonly [key: string]: string } = {
  'schedule/6': 'timelock call',
  'scheduleBatch/6': 'timelock call',
  'execute/5': 'timelock call',
  'executeBatch/5': 'timelock call',
  'propose/4': 'proposal call',
  'queue/4': 'proposal call',
  'execute/4': 'proposal call',
  'cancel/4': 'proposal call',
  'upgradeToAndCall/2': 'upgrade call',
  'upgradeAndCall/3': 'upgrade call',
}

function callLines(
  call: ReportedCall,
  depth: number,
  parent?: ReportedCall,
): string[] {
  const target = call.contract ? `${call.contract} (${call.to})` : call.to
  const data = call.data ?? '0x'
  const signature = call.functionName
    ? `${call.functionName}(${(call.args ?? []).map((arg) => `${arg.name}: ${formatValue(arg.value)}`).join(', ')})`
    : call.create2
      ? `CREATE2 deployment of ${call.create2.contract ? `${call.create2.contract} (${call.create2.address})` : call.create2.address} (salt: ${call.create2.salt}, initCodeHash: ${call.create2.initCodeHash})`
      : data === '0x'
        ? '(no calldata)'
        : `calldata ${data.length > 74 ? `${data.slice(0, 74)}…` : data}`
  const kind = parent
    ? `${innerCallKinds[`${parent.functionName}/${parent.args?.length}`] ?? 'inner call'} `
    : ''
  const indent = '  '.repeat(depth)
  const lines = [
    `${indent}- ${kind}**${call.index}.** ${call.operation === 'delegatecall' ? '**DELEGATECALL** ' : ''}${target}: ${code(signature)}${call.value > 0n ? `, value ${call.value} wei` : ''}${call.label ? ` — ${call.label}` : ''}`,
  ]
  for (const inner of call.inner ?? [])
    lines.push(...callLines(inner, depth + 1, call))
  return lines
}

function invariantRow(result: InvariantResult): string {
  return `| ${result.ok ? '✅' : '❌'} | ${cell(result.description)} | ${cell(show(result.expected))} | ${cell(show(result.actual))} |`
}

function renderMarkdown(report: Report): string {
  const { simulation } = report
  const lines: string[] = []
  lines.push(
    `# Safe transaction check: ${report.ok ? 'PASS' : 'FAIL'}`,
    '',
    report.ok
      ? 'The transaction executed on a fork and every invariant holds.'
      : simulation.status !== 'success'
        ? '**Do not sign: the transaction reverts on the fork.**'
        : `**Do not sign: ${report.summary.failed} invariant(s) fail.**`,
    '',
    '| | |',
    '|---|---|',
    `| Network | ${report.network.name} (chain ${report.network.chainId}), fork of block ${report.forkBlock} |`,
    `| Safe | ${report.safe.name ? `${report.safe.name} ` : ''}${code(report.safe.address)} (Safe ${report.safe.version}) |`,
    `| Nonce | ${report.safe.nonce} |`,
    `| safeTxHash | ${code(report.safeTxHash)} |`,
    `| Domain hash | ${code(report.domainHash)} |`,
    `| Message hash | ${code(report.messageHash)} |`,
    `| Operation | ${report.safeTx.operation === 1 ? 'DELEGATECALL' : 'CALL'} to ${code(report.safeTx.to)}, value ${report.safeTx.value} wei |`,
    `| Simulation | ${simulation.status}, gas used ${simulation.gasUsed} |`,
    '',
    `## Calls (${report.calls.length})`,
    '',
  )
  for (const call of report.calls) lines.push(...callLines(call, 0))
  lines.push(
    '',
    `## Invariants: ${report.summary.passed} passed, ${report.summary.failed} failed`,
    '',
  )
  if (report.invariants.length === 0)
    lines.push('No invariants were checked.', '')
  else {
    lines.push('| | Invariant | Expected | Actual |', '|---|---|---|---|')
    for (const result of report.invariants) lines.push(invariantRow(result))
    lines.push('')
    const failed = report.invariants.filter((result) => !result.ok)
    for (const result of failed) {
      lines.push(`### ❌ ${result.id}`, '', result.message, '')
      for (const [key, value] of Object.entries(result.after))
        lines.push(
          `- ${key}: ${result.before ? `before ${show(result.before[key] ?? null)}, ` : ''}after ${show(value)}`,
        )
      if (Object.keys(result.after).length > 0) lines.push('')
    }
  }
  lines.push(`## Warnings (${report.warnings.length})`, '')
  if (report.warnings.length === 0) lines.push('None.', '')
  else {
    for (const warning of report.warnings)
      lines.push(`- ⚠️ ${code(warning.code)} ${warning.message}`)
    lines.push('')
  }

  lines.push('## Simulation', '')
  lines.push(
    `Executed by ${code(simulation.executor)}${simulation.approvers.length > 0 ? ` after approveHash from ${simulation.approvers.map(code).join(', ')}` : ''}; fork transaction ${code(simulation.transactionHash)} in block ${simulation.blockNumber}.`,
    '',
  )
  if (simulation.revert) {
    const { revert } = simulation
    lines.push(
      `**Reverted**${revert.callIndex === undefined ? '' : ` at call ${revert.callIndex}${revert.call ? ` (${revert.call.label ?? `${revert.call.contract ?? revert.call.to}${revert.call.functionName ? `.${revert.call.functionName}` : ''}`})` : ''}`}: ${code(revert.reason)}${revert.safeReason ? ` (Safe: ${code(revert.safeReason)})` : ''}`,
      '',
    )
  }
  lines.push('### Balance changes', '')
  if (simulation.balanceChanges.length === 0) lines.push('None.', '')
  else {
    lines.push('| Holder | Asset | Change |', '|---|---|---|')
    for (const change of simulation.balanceChanges)
      lines.push(
        `| ${change.holderName ?? code(change.holder)} | ${change.asset === 'ETH' ? 'ETH (wei)' : (change.assetName ?? code(change.asset))} | ${change.delta > 0n ? '+' : ''}${change.delta} |`,
      )
    lines.push('')
  }
  lines.push('### Storage changes', '')
  if (simulation.storageChanges.length === 0) lines.push('None.', '')
  else {
    lines.push('| Contract | Slot | Before | After |', '|---|---|---|---|')
    for (const change of simulation.storageChanges)
      lines.push(
        `| ${change.contract ?? code(change.address)} | ${code(change.slot)} | ${code(change.before)} | ${code(change.after)} |`,
      )
    lines.push('')
  }
  lines.push('### Events', '')
  if (simulation.logs.length === 0) lines.push('None.', '')
  else {
    for (const log of simulation.logs)
      lines.push(
        `- ${log.contract ?? code(log.address)}: ${
          log.eventName
            ? code(
                `${log.eventName}(${Object.entries(log.args ?? {})
                  .map(([key, value]) => `${key}: ${formatValue(value)}`)
                  .join(', ')})`,
              )
            : `undecoded log ${code(log.topics[0] ?? '(no topic)')}`
        }`,
      )
    lines.push('')
  }
  return `${lines.join('\n').trimEnd()}\n`
}
