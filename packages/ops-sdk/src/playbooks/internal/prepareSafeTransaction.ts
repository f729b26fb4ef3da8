import { join } from 'node:path'
import { type Call, safeAbi, writeFileAtomic } from '@storydao/core'
import {
  type CheckSafePlanParameters,
  type GetDefaultInvariantsParameters,
  type Invariant,
  type Report,
  renderReport,
} from '@storydao/invariants'
import {
  buildSafePlan,
  proposeSafePlan,
  type SafePlan,
  type SafeSignature,
  signSafePlan,
  toTransactionBuilderBatch,
} from '@storydao/safe'
import { type Address, isAddressEqual } from 'viem'
import type { LocalAccount } from 'viem/accounts'
import { readContract } from 'viem/actions'
import { SignerNotOwnerError } from '../../errors/playbook.js'
import type { SafeTransactionOutcome } from '../../types/safeTransactionOutcome.js'
import type { OpsContext } from '../createOpsContext.js'
import { toSlug } from '../incident/incidentLog.js'
import {
  rehearsalFailures,
  rehearseSafePlan,
  settleLater,
  startRehearsalFork,
} from './rehearsal.js'
import { type SafeName, safeOf } from './safeOf.js'
import { toSafeWalletUrl } from './safeWalletUrl.js'

/** @internal What a step asks of {@link prepareSafeTransaction}. */
export type PrepareSafeTransactionParameters = {
  safeName: SafeName
  /** The calls to plan, or a plan built already (a rejection) on `safeName`'s Safe. */
  calls: readonly Call[] | { plan: SafePlan }
  title: string
  description: string
  /** Which default invariants the rehearsal checks. */
  invariants: Omit<GetDefaultInvariantsParameters, 'manifest'>
  /** Checked too: what the defaults cannot know (contracts the manifest does not have yet). */
  extraInvariants?: readonly Invariant[] | undefined
  /** Names the report gives addresses the manifest does not have yet (a release's predicted ones) instead of warning about them. */
  known?: CheckSafePlanParameters['known']
  /** A nonce to use instead of the next free one (replacing what is queued there). */
  nonce?: bigint | undefined
  /** Send it to the Transaction Service, signed by an owner among the context's signers. */
  propose?: boolean | undefined
  /** Shown as the origin in Safe{Wallet}. */
  origin?: string | undefined
  /** Called before each long step (progress for the CLI). */
  onStep?: ((message: string) => void) | undefined
}

/**
 * @internal The path every Safe-transaction step shares: plan it on the Safe,
 * rehearse it on a fork with the default invariants, write the Transaction
 * Builder file and the report, and propose it when asked and the rehearsal
 * passed.
 */
export async function prepareSafeTransaction(
  context: OpsContext,
  parameters: PrepareSafeTransactionParameters,
): Promise<{
  plan: SafePlan
  report: Report
  outcome: SafeTransactionOutcome
}> {
  const step = parameters.onStep ?? (() => {})
  const safe = safeOf(context.manifest, parameters.safeName)
  // anvil takes the longest to get ready; it starts now and boots while the
  // owners and the plan are read. Failures keep their old order: signer,
  // plan, then the fork.
  const rehearsal = startRehearsalFork({ rpcUrl: context.rpcUrl })
  try {
    const proposing = settleLater(
      parameters.propose ? findOwnerSigner(context, safe) : undefined,
    )
    const planning = settleLater(planOn(context, safe.address, parameters))
    const proposer = await proposing()
    step(`Plan it on the ${safe.name} Safe ${safe.address}`)
    const plan = await planning()
    // The first signature pays for the curve's precomputation (~0.1 s of
    // CPU): it runs while anvil boots and is only sent if the rehearsal
    // passes.
    const signing =
      proposer && settleLater(signSafePlan({ plan, account: proposer }))
    step('Rehearse it on a fork with the default invariants')
    const fork = await rehearsal.fork()
    const report = await rehearseSafePlan(fork, {
      manifest: context.manifest,
      plan,
      invariants: parameters.invariants,
      extraInvariants: parameters.extraInvariants ?? [],
      known: parameters.known,
    })
    // Nothing else runs on the fork: anvil exits while the files are written
    // and the proposal is sent (stop is idempotent; finally waits for it).
    void fork.stop()
    const files = await writeArtefacts(context, { plan, report, ...parameters })
    return await finish(context, {
      safe,
      plan,
      report,
      files,
      proposer,
      signing,
      parameters,
      step,
    })
  } finally {
    await rehearsal.stop()
  }
}

async function finish(
  context: OpsContext,
  {
    safe,
    plan,
    report,
    files,
    proposer,
    signing,
    parameters,
    step,
  }: {
    safe: { name: SafeName; address: Address; threshold: number }
    plan: SafePlan
    report: Report
    files: SafeTransactionOutcome['files']
    proposer: LocalAccount | undefined
    signing: (() => Promise<SafeSignature>) | undefined
    parameters: PrepareSafeTransactionParameters
    step: (message: string) => void
  },
): Promise<{
  plan: SafePlan
  report: Report
  outcome: SafeTransactionOutcome
}> {
  const proposed =
    proposer && signing && report.ok
      ? await propose(context, { plan, proposer, signing, parameters, step })
      : undefined
  const shortName = context.network.shortName ?? undefined
  return {
    plan,
    report,
    outcome: {
      title: parameters.title,
      safe: safe.address,
      safeName: safe.name,
      threshold: safe.threshold,
      nonce: plan.nonce,
      safeTxHash: plan.safeTxHash,
      domainHash: plan.domainHash,
      messageHash: plan.messageHash,
      calls: plan.calls.map((call) => ({
        to: call.to,
        value: call.value,
        label: call.label ?? '',
      })),
      rehearsal: {
        ok: report.ok,
        invariants: report.summary.invariants,
        failed: rehearsalFailures(report),
        warnings: report.warnings,
      },
      files,
      proposed,
      approveUrl:
        proposed && shortName
          ? toSafeWalletUrl({
              shortName,
              safe: safe.address,
              safeTxHash: plan.safeTxHash,
            })
          : undefined,
    },
  }
}

async function planOn(
  context: OpsContext,
  safe: Address,
  { calls, nonce }: PrepareSafeTransactionParameters,
): Promise<SafePlan> {
  // A prebuilt plan comes from the same safeOf(manifest, safeName) lookup.
  if ('plan' in calls) return calls.plan
  return buildSafePlan(context.client, {
    safe,
    calls,
    service: context.service,
    ...(nonce !== undefined ? { nonce, replace: true } : {}),
  })
}

async function findOwnerSigner(
  context: OpsContext,
  safe: { name: SafeName; address: Address },
): Promise<LocalAccount> {
  const owners = await readContract(context.client, {
    address: safe.address,
    abi: safeAbi,
    functionName: 'getOwners',
  })
  const signer = context.signers.find((account) =>
    owners.some((owner) => isAddressEqual(owner, account.address)),
  )
  if (!signer)
    throw new SignerNotOwnerError({
      safe: `${safe.name} Safe ${safe.address}`,
      signers:
        context.signerSource === 'env'
          ? context.signers.map((account) => account.address)
          : [],
    })
  return signer
}

async function writeArtefacts(
  context: OpsContext,
  {
    plan,
    report,
    safeName,
    title,
    description,
  }: {
    plan: SafePlan
    report: Report
    safeName: SafeName
    title: string
    description: string
  },
): Promise<SafeTransactionOutcome['files']> {
  const base = join(
    context.paths.transactions,
    `${safeName}-nonce-${plan.nonce}-${toSlug(title, 48) || 'transaction'}`,
  )
  const batch = toTransactionBuilderBatch({ plan, name: title, description })
  const transactionBuilder = `${base}.json`
  const reportPath = `${base}.report.md`
  await Promise.all([
    writeFileAtomic({
      path: transactionBuilder,
      data: `${JSON.stringify(batch, null, 2)}\n`,
    }),
    writeFileAtomic({
      path: reportPath,
      data: renderReport({ report, format: 'markdown' }),
    }),
  ])
  return { transactionBuilder, report: reportPath }
}

async function propose(
  context: OpsContext,
  {
    plan,
    proposer,
    signing,
    parameters,
    step,
  }: {
    plan: SafePlan
    proposer: LocalAccount
    signing: () => Promise<SafeSignature>
    parameters: PrepareSafeTransactionParameters
    step: (message: string) => void
  },
): Promise<{ sender: Address }> {
  step(`Propose it to the Safe Transaction Service as ${proposer.address}`)
  const signature = await signing()
  await proposeSafePlan(context.service, {
    plan,
    sender: proposer.address,
    signature,
    origin: parameters.origin ?? `storydao-ops: ${parameters.title}`,
  })
  return { sender: proposer.address }
}
