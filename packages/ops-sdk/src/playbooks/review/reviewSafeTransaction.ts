import { assertParameters, isHexEqual, safeAbi } from '@storydao/core'
import {
  checkSafePlan,
  createFork,
  getDefaultInvariants,
  type Invariant,
  type Report,
  type ReportedCall,
} from '@storydao/invariants'
import {
  decodeSafeTransaction,
  hashSafeTransaction,
  type SafePlan,
  type SafeTransaction,
} from '@storydao/safe'
import {
  type Address,
  erc20Abi,
  formatEther,
  formatUnits,
  type Hex,
} from 'viem'
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
import { type ReviewNonce, reviewNonce } from './reviewNonce.js'
import {
  labelOf,
  type ReviewWarning,
  refundWarnings,
  rehearsalWarnings,
} from './reviewWarnings.js'

export type { ReviewInput } from './loadReviewInput.js'
export type { ReviewNonce } from './reviewNonce.js'
export type { ReviewSeverity, ReviewWarning } from './reviewWarnings.js'

export type ReviewSafeTransactionParameters = ReviewInput & {
  /** Called before each long step (progress for the CLI). */
  onStep?: ((message: string) => void) | undefined
}

/** A hash someone asserted, against the one computed here. */
export type ReviewHashCheck = { by: string; claimed: Hex; matches: boolean }

/** One line of the call tree: depth 0 is a call the Safe makes. */
export type ReviewCallLine = { depth: number; text: string; raw: boolean }

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
  const plan = toPlan(context, input.safe, safeVersion, input.safeTx)
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
  const report = await rehearse(context, plan, action)
  const warnings = [
    ...hashWarnings(hashChecks, plan.safeTxHash),
    ...nonce.warnings,
    ...refundWarnings(plan.safeTx),
    ...rehearsalWarnings(report),
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
    calls: toCallLines(report.calls),
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
): SafePlan {
  const hashes = hashSafeTransaction({
    chainId: context.chainId,
    safe,
    safeVersion,
    safeTx,
  })
  return {
    chainId: context.chainId,
    safe,
    safeVersion,
    nonce: safeTx.nonce,
    safeTx,
    ...hashes,
    calls: decodeSafeTransaction(safeTx).calls.map((call, index, all) => ({
      ...call,
      label:
        all.length > 1
          ? `Batch call ${index + 1} of ${all.length}`
          : 'Safe transaction',
    })),
    warnings: [],
  }
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

async function rehearse(
  context: OpsContext,
  plan: SafePlan,
  action: RecognisedAction | undefined,
): Promise<Report> {
  const invariants: Invariant[] = action
    ? getDefaultInvariants({ manifest: context.manifest, ...action })
    : []
  const fork = await createFork({ rpcUrl: context.rpcUrl })
  try {
    return await checkSafePlan(fork, {
      plan,
      manifest: context.manifest,
      invariants,
    })
  } finally {
    await fork.stop()
  }
}

function isOk(report: Report, warnings: readonly ReviewWarning[]): boolean {
  return (
    report.ok && !warnings.some((warning) => warning.severity === 'critical')
  )
}

/** Each call as one line, nested calls indented, undecoded selectors shown raw. */
function toCallLines(
  calls: readonly ReportedCall[],
  depth = 0,
): ReviewCallLine[] {
  return calls.flatMap((call) => {
    const value =
      call.value > 0n
        ? ` with ${formatEther(call.value)} ETH (${call.value} wei)`
        : ''
    const decoded =
      call.functionName !== undefined || call.create2 !== undefined
    const text = call.create2
      ? `${labelOf(call)}: deploy ${call.create2.address}${value}`
      : decoded
        ? `${labelOf(call)}.${call.functionName}(${(call.args ?? [])
            .map((arg) => `${arg.name}: ${String(arg.value)}`)
            .join(', ')})${value}`
        : `${labelOf(call)}: ${call.data === '0x' || !call.data ? 'no calldata' : `undecoded ${call.data.slice(0, 10)} (${call.data})`}${value}`
    return [
      { depth, text, raw: !decoded && !!call.data && call.data !== '0x' },
      ...toCallLines(call.inner ?? [], depth + 1),
    ]
  })
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
  for (const change of report.simulation.balanceChanges)
    lines.add(
      `${change.holderName ?? change.holder}: ${await formatAmount(context, change.asset, change.delta)}`,
    )
  return [...lines]
}

/** `-10 ETH (-10000000000000000000 wei)`, `+1,000 AUTH (… base units)`: token units first, raw beside them. */
async function formatAmount(
  context: OpsContext,
  asset: Address | 'ETH',
  delta: bigint,
): Promise<string> {
  if (asset === 'ETH')
    return `${signed(withThousands(formatEther(delta)))} ETH (${delta} wei)`
  const [symbol, decimals] = await Promise.all([
    readContract(context.client, {
      address: asset,
      abi: erc20Abi,
      functionName: 'symbol',
    }),
    readContract(context.client, {
      address: asset,
      abi: erc20Abi,
      functionName: 'decimals',
    }),
  ]).catch(() => [asset, undefined] as const)
  return decimals === undefined
    ? `${signed(String(delta))} base units of ${symbol}`
    : `${signed(withThousands(formatUnits(delta, decimals)))} ${symbol} (${delta} base units)`
}

function withThousands(amount: string): string {
  const [whole = '', fraction] = amount.split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return fraction ? `${grouped}.${fraction}` : grouped
}

function signed(amount: string): string {
  return amount.startsWith('-') ? amount : `+${amount}`
}
