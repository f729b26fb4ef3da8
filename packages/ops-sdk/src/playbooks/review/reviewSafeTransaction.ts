import { join, resolve } from 'node:path'
import { assertParameters, isHexEqual, safeAbi } from '@storydao/core'
import {
  checkSafePlan,
  createFork,
  type Fork,
  getDefaultInvariants,
  type Invariant,
  type Report,
} from '@storydao/invariants'
import {
  type DecodeSafeTransactionReturnType,
  decodeSafeTransaction,
  hashSafeTransaction,
  type SafePlan,
  type SafeTransaction,
} from '@storydao/safe'
import type { Address, Hex } from 'viem'
import { readContract } from 'viem/actions'
import type {
  ReviewInputErrorType,
  ReviewServiceErrorType,
  ReviewTransactionNotFoundErrorType,
} from '../../errors/review.js'
import { version } from '../../errors/version.js'
import type { OpsContext } from '../createOpsContext.js'
import { nameOf } from '../internal/describeCall.js'
import { loadReviewInput, type ReviewInput } from './loadReviewInput.js'
import { type RecognisedAction, recogniseAction } from './recogniseAction.js'
import { releaseNames } from './releaseNames.js'
import {
  batchLines,
  type ReviewCallLine,
  toCallLines,
  tokenCallTargets,
} from './reviewCallLines.js'
import { reviewImplementations } from './reviewImplementations.js'
import { type ReviewNonce, reviewNonce } from './reviewNonce.js'
import {
  deployedBy,
  type ReviewWarning,
  refundWarnings,
  rehearsalWarnings,
} from './reviewWarnings.js'
import {
  formatEtherAmount,
  formatTokenAmount,
  readTokenUnits,
} from './tokenUnits.js'

export type { ReviewInput } from './loadReviewInput.js'
export type { ReviewNonce } from './reviewNonce.js'
export type { ReviewSeverity, ReviewWarning } from './reviewWarnings.js'

export type ReviewSafeTransactionParameters = ReviewInput & {
  /**
   * The Foundry project (built with `forge build`) whose build an upgrade's
   * new implementation is compared with. Default `<root>/contracts`.
   */
  contracts?: string | undefined
  /** Called before each long step (progress for the CLI). */
  onStep?: ((message: string) => void) | undefined
}

/** A hash someone asserted, against the one computed here. */
export type ReviewHashCheck = { by: string; claimed: Hex; matches: boolean }

export type { ReviewCallLine } from './reviewCallLines.js'

export type ReviewSafeTransactionReturnType = {
  /** `false` when a warning is critical, a claimed hash differs, the rehearsal reverted or an invariant failed. */
  ok: boolean
  /** The chain the Safe lives on (the EIP-712 domain's chain id). */
  chainId: number
  safe: Address
  safeName: string
  safeVersion: string
  source: 'service' | 'file' | 'transaction'
  /** Computed here from the fields, never copied from the source. */
  safeTxHash: Hex
  domainHash: Hex
  messageHash: Hex
  hashChecks: ReviewHashCheck[]
  safeTx: SafeTransaction
  nonce: ReviewNonce
  calls: ReviewCallLine[]
  /** The playbook action whose default invariants ran, if one was recognised. */
  action: RecognisedAction['action'] | undefined
  rehearsal: {
    status: 'success' | 'reverted'
    revertReason: string | undefined
    invariants: { name: string; ok: boolean; message: string }[]
  }
  /** What changes, in plain words. */
  stateChanges: string[]
  warnings: ReviewWarning[]
}

export type ReviewSafeTransactionErrorType =
  | ReviewInputErrorType
  | ReviewServiceErrorType
  | ReviewTransactionNotFoundErrorType

/**
 * Reviews a Safe transaction without trusting whoever proposed it: recomputes
 * the domain hash, message hash and safeTxHash from its fields and compares
 * them with what the service or the file's report claims, checks the nonce
 * against the chain and the queue, decodes the call tree with the manifest's
 * ABIs, rehearses it on a fork with the default invariants of the action it
 * recognises, and lists warnings by severity.
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/review.md#what-review-checks
 * @example
 * ```ts
 * import { createOpsContext, reviewSafeTransaction } from '@storydao/ops-sdk'
 * const context = await createOpsContext({ network: 'sepolia' })
 * const review = await reviewSafeTransaction(context, { safeTxHash: '0x…' })
 * if (!review.ok) console.log(review.warnings)
 * ```
 * @param context - {@link OpsContext} (`createOpsContext`).
 * @param parameters - {@link ReviewSafeTransactionParameters}: `{ safeTxHash }`, `{ file }` or `{ safe, safeTx }`.
 * @returns The review: hashes, checks, call tree, rehearsal, state changes and warnings.
 * @throws {ReviewInputError} `REVIEW_INPUT_INVALID` for an unreadable file or input.
 * @throws {ReviewTransactionNotFoundError} `REVIEW_TX_NOT_FOUND` when the service does not know the hash.
 */
export async function reviewSafeTransaction(
  context: OpsContext,
  parameters: ReviewSafeTransactionParameters,
): Promise<ReviewSafeTransactionReturnType> {
  assertParameters(
    'reviewSafeTransaction',
    { context, parameters },
    ['context', 'parameters'],
    { version },
  )
  const step = parameters.onStep ?? (() => {})
  step('Read the Safe transaction')
  const input = await loadReviewInput(context, parameters)
  const safeVersion = await readContract(context.client, {
    address: input.safe,
    abi: safeAbi,
    functionName: 'VERSION',
  })
  const { plan, kind } = toPlan(context, input.safe, safeVersion, input.safeTx)
  const hashChecks = input.claims.map(({ by, safeTxHash }) => ({
    by,
    claimed: safeTxHash,
    matches:
      typeof safeTxHash === 'string' && isHexEqual(safeTxHash, plan.safeTxHash),
  }))
  step('Check the nonce against the chain and the queue')
  const nonce = await reviewNonce(context, plan)
  const action = recogniseAction(plan.calls)
  step('Rehearse it on a fork with the default invariants')
  const { report, implementations } = await rehearse(context, {
    plan,
    action,
    contracts: resolve(
      context.root,
      parameters.contracts ?? join(context.root, 'contracts'),
    ),
  })
  const warnings = [
    ...hashWarnings(hashChecks, plan.safeTxHash),
    ...nonce.warnings,
    ...refundWarnings(plan.safeTx),
    ...rehearsalWarnings(report, await releaseNames(context, plan.safeTxHash)),
    ...implementations,
  ]
  return {
    ok: isOk(report, warnings),
    chainId: plan.chainId,
    safe: plan.safe,
    safeName: nameOf(context.manifest, plan.safe),
    safeVersion,
    source: input.source,
    safeTxHash: plan.safeTxHash,
    domainHash: plan.domainHash,
    messageHash: plan.messageHash,
    hashChecks,
    safeTx: plan.safeTx,
    nonce: nonce.nonce,
    calls: await callTree(context, plan.safeTx, kind, report),
    action: action?.action,
    rehearsal: {
      status: report.simulation.status,
      revertReason: report.simulation.revert?.reason,
      invariants: report.invariants.map(({ name, ok, message }) => ({
        name,
        ok,
        message,
      })),
    },
    stateChanges: await toStateChanges(context, report),
    warnings,
  }
}

function toPlan(
  context: OpsContext,
  safe: Address,
  safeVersion: string,
  safeTx: SafeTransaction,
): { plan: SafePlan; kind: DecodeSafeTransactionReturnType['kind'] } {
  const hashes = hashSafeTransaction({
    chainId: context.chainId,
    safe,
    safeVersion,
    safeTx,
  })
  const decoded = decodeSafeTransaction(safeTx)
  const plan = {
    chainId: context.chainId,
    safe,
    safeVersion,
    nonce: safeTx.nonce,
    safeTx,
    ...hashes,
    calls: decoded.calls.map((call, index, all) => ({
      ...call,
      label:
        all.length > 1
          ? `Batch call ${index + 1} of ${all.length}`
          : 'Safe transaction',
    })),
    warnings: [],
  }
  return { plan, kind: decoded.kind }
}

/** The call tree's lines, a batch under its MultiSendCallOnly root. */
async function callTree(
  context: OpsContext,
  safeTx: SafeTransaction,
  kind: DecodeSafeTransactionReturnType['kind'],
  report: Report,
): Promise<ReviewCallLine[]> {
  const lines = toCallLines(report.calls, {
    deployed: deployedBy(report.calls),
    tokens: await readTokenUnits(context, tokenCallTargets(report.calls)),
  })
  return batchLines(safeTx, kind, lines)
}

function hashWarnings(
  checks: readonly ReviewHashCheck[],
  computed: Hex,
): ReviewWarning[] {
  return checks
    .filter((check) => !check.matches)
    .map((check) => ({
      severity: 'critical' as const,
      code: 'hash-mismatch',
      message: `${check.by} claims safeTxHash ${check.claimed}, but the transaction's fields hash to ${computed}: what you would sign is not what was shown.`,
    }))
}

/** Runs the plan on a fork, then reads there the code any upgrade installs. */
async function rehearse(
  context: OpsContext,
  {
    plan,
    action,
    contracts,
  }: {
    plan: SafePlan
    action: RecognisedAction | undefined
    contracts: string
  },
): Promise<{ report: Report; implementations: ReviewWarning[] }> {
  const invariants: Invariant[] = action
    ? getDefaultInvariants({ manifest: context.manifest, ...action })
    : []
  const fork: Fork = await createFork({ rpcUrl: context.rpcUrl })
  try {
    const report = await checkSafePlan(fork, {
      plan,
      manifest: context.manifest,
      invariants,
    })
    const implementations = await reviewImplementations(fork, {
      manifest: context.manifest,
      calls: report.calls,
      contracts,
    })
    return { report, implementations }
  } finally {
    await fork.stop()
  }
}

function isOk(report: Report, warnings: readonly ReviewWarning[]): boolean {
  return (
    report.ok && !warnings.some((warning) => warning.severity === 'critical')
  )
}

/** Invariant reads that moved, and balances that changed, as sentences. */
async function toStateChanges(
  context: OpsContext,
  report: Report,
): Promise<string[]> {
  const lines = new Set<string>()
  for (const result of report.invariants)
    for (const [key, after] of Object.entries(result.after)) {
      const before = result.before?.[key]
      if (before !== undefined && String(before) !== String(after))
        lines.add(
          `${result.description} (${key}): ${String(before)} → ${String(after)}`,
        )
    }
  const tokens = await readTokenUnits(
    context,
    report.simulation.balanceChanges.flatMap((change) =>
      change.asset === 'ETH' ? [] : [change.asset],
    ),
  )
  for (const change of report.simulation.balanceChanges) {
    const units =
      change.asset === 'ETH'
        ? undefined
        : tokens.get(change.asset.toLowerCase())
    const amount =
      change.asset === 'ETH'
        ? formatEtherAmount(change.delta, { sign: true })
        : units
          ? formatTokenAmount(units, change.delta, { sign: true })
          : `${change.delta} base units of ${change.asset}`
    lines.add(`${change.holderName ?? change.holder}: ${amount}`)
  }
  return [...lines]
}
