import type { Report, ReportedCall, ReportWarning } from '@storydao/invariants'
import { getCanonicalContract, type SafeTransaction } from '@storydao/safe'
import { zeroAddress } from 'viem'

/** How loudly a review finding speaks: `critical` fails the review (exit 1). */
export type ReviewSeverity = 'critical' | 'warning' | 'info'

/** One thing a signer must look at before signing. */
export type ReviewWarning = {
  severity: ReviewSeverity
  /** Stable code: the rehearsal's (`delegatecall`, `unknown-target`…) or the review's own (`hash-mismatch`, `nonce-…`, `gas-refund`). */
  code: string
  message: string
}

// A Safe that changes its own owners or modules, or grants a role to a
// stranger, is how a takeover looks; value leaving the Treasury and unknown
// targets can be routine, so they are shown without failing the review.
const severityByCode: Record<ReportWarning['code'], ReviewSeverity> = {
  delegatecall: 'critical',
  'safe-config-change': 'critical',
  'unknown-role-grant': 'critical',
  'calls-mismatch': 'critical',
  'unknown-target': 'warning',
  'treasury-outflow': 'warning',
  plan: 'warning',
  simulation: 'info',
}

/**
 * @internal The rehearsal's warnings with a severity. The rehearsal names
 * canonical infrastructure itself (`checkSafePlan`); contracts this very
 * batch deploys are named here instead of flagged as unknown targets (a
 * deploy batch calls what it deploys), and a role granted to one is shown,
 * not critical, because the deploy and its code are in the same call tree
 * the signer reads.
 */
export function rehearsalWarnings(
  report: Report,
  /** Names of what the batch deploys, from its pending-deployment record. */
  names: ReadonlyMap<string, string> = new Map(),
): ReviewWarning[] {
  const deployed = deployedBy(report.calls)
  // The grantee of "<contract> grants <ROLE> to <account>, …", when the
  // batch deploys it and its record names it.
  const named = (message: string) => {
    const grantee = / to (0x[0-9a-fA-F]{40})/.exec(message)?.[1]?.toLowerCase()
    return grantee && deployed.includes(grantee) && names.has(grantee)
      ? grantee
      : undefined
  }
  const mentions = (message: string, addresses: readonly string[]) =>
    addresses.some((address) => message.toLowerCase().includes(address))
  return report.warnings
    .filter(
      (warning) =>
        warning.code !== 'unknown-target' ||
        !mentions(warning.message, deployed),
    )
    .map((warning) =>
      warning.code === 'unknown-role-grant' && named(warning.message)
        ? {
            severity: 'info' as const,
            code: warning.code,
            message: `${warning.message.replace(/, which is not in the manifest\.$/, '')}: ${names.get(named(warning.message)!)}, which this batch deploys.`,
          }
        : warning.code === 'unknown-role-grant' &&
            mentions(warning.message, deployed)
          ? {
              severity: 'warning' as const,
              code: warning.code,
              message: `${warning.message.replace(/, which is not in the manifest\.$/, '')}, a contract this batch deploys: add it to the manifest once deployed.`,
            }
          : {
              severity: severityByCode[warning.code] ?? 'warning',
              code: warning.code,
              message: warning.message,
            },
    )
}

/** @internal Addresses the batch's own CREATE2 deploys create, lowercase. */
export function deployedBy(calls: readonly ReportedCall[]): string[] {
  return flatten(calls).flatMap((call) =>
    call.create2 ? [call.create2.address.toLowerCase()] : [],
  )
}

/** @internal gasPrice, gasToken and refundReceiver pay whoever executes: rarely intended. */
export function refundWarnings(safeTx: SafeTransaction): ReviewWarning[] {
  const set: string[] = []
  if (safeTx.gasPrice !== 0n) set.push(`gasPrice ${safeTx.gasPrice}`)
  if (safeTx.gasToken !== zeroAddress) set.push(`gasToken ${safeTx.gasToken}`)
  if (safeTx.refundReceiver !== zeroAddress)
    set.push(`refundReceiver ${safeTx.refundReceiver}`)
  if (safeTx.baseGas !== 0n) set.push(`baseGas ${safeTx.baseGas}`)
  return set.length === 0
    ? []
    : [
        {
          severity: 'warning',
          code: 'gas-refund',
          message: `The Safe pays the executor back (${set.join(', ')}): funds leave the Safe on execution.`,
        },
      ]
}

/** @internal Every call of the tree, inner calls included. */
export function flatten(calls: readonly ReportedCall[]): ReportedCall[] {
  return calls.flatMap((call) => [call, ...flatten(call.inner ?? [])])
}

/** @internal A name for an address: the manifest's, else canonical infrastructure's, else what deployed it. */
export function labelOf(
  call: ReportedCall,
  deployed: readonly string[] = [],
): string {
  return (
    call.contract ??
    getCanonicalContract({ address: call.to })?.name ??
    (deployed.includes(call.to.toLowerCase())
      ? `${call.to} (deployed by this batch)`
      : call.to)
  )
}
