import { join } from 'node:path'
import { safeAbi, writeFileAtomic } from '@storydao/core'
import { buildPause } from '@storydao/governance'
import type { Fork } from '@storydao/invariants'
import { buildSafePlan, type SafePlan } from '@storydao/safe'
import type { Address } from 'viem'
import { readContract } from 'viem/actions'
import {
  EmergencyNothingPausableError,
  type EmergencyNothingPausableErrorType,
} from '../../errors/emergency.js'
import {
  AlreadyPausedError,
  type AlreadyPausedErrorType,
  type SafeNotInManifestErrorType,
} from '../../errors/playbook.js'
import type { OpsContext } from '../createOpsContext.js'
import {
  rehearsalFailures,
  rehearseSafePlan,
  startRehearsalFork,
} from '../internal/rehearsal.js'
import { safeOf } from '../internal/safeOf.js'
import { collectLaneSignatures } from './collectLaneSignatures.js'
import {
  type EmergencyLane,
  type EmergencyLanesFile,
  stringifyEmergencyLanes,
} from './emergencyLanes.js'
import { findPausableContracts } from './findPausableContracts.js'

export type PrepareEmergencyLanesParameters = {
  /**
   * How many nonces to reserve, from the Safe's current one. Default 2: when
   * one lane fires (or anything else uses the current nonce) the next
   * nonce's lanes are still live, so a second pause needs no signers either.
   */
  depth?: number | undefined
  /** Where to write the lanes. Default `safe-transactions/<network>/emergency-lanes.json`. */
  out?: string | undefined
  /**
   * Where signatures come from: the anvil dev accounts that own the Safe
   * (default on chain 31337 without `signerEnv`), or the Safe Transaction
   * Service (default elsewhere: each lane is proposed when the context's
   * signer is an owner, and the confirmations gathered there are stored).
   */
  signatures?: 'dev-accounts' | 'service' | undefined
  /** Progress callback for long steps. */
  onStep?: ((message: string) => void) | undefined
}

export type PrepareEmergencyLanesReturnType = {
  /** Absolute path of the lanes file. */
  path: string
  file: EmergencyLanesFile
  /** Pausable contracts left out because they are paused already. */
  skipped: string[]
  /** Contracts with pause() the emergency Safe cannot pause, and why. */
  excluded: string[]
  /** Every lane's rehearsal passed. */
  ok: boolean
}

export type PrepareEmergencyLanesErrorType =
  | AlreadyPausedErrorType
  | EmergencyNothingPausableErrorType
  | SafeNotInManifestErrorType

/**
 * Break-glass preparation: for every contract the emergency Safe can pause
 * (and, with several, one batch pausing them all) builds the pause at each
 * of the next `depth` Safe nonces, collects the owners' signatures,
 * rehearses every lane at its nonce on a fork with the pause invariants, and
 * writes them all to one lanes file (no keys in it: signatures only).
 * `emergency fire` later sends the lane matching the Safe's nonce in one
 * transaction, without waiting for signers.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/incident-response.md#break-glass-lanes
 *
 * @example
 * ```ts
 * import { createOpsContext, prepareEmergencyLanes } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'local' })
 * const { path, file } = await prepareEmergencyLanes(context, { depth: 3 })
 * ```
 */
export async function prepareEmergencyLanes(
  context: OpsContext,
  parameters: PrepareEmergencyLanesParameters = {},
): Promise<PrepareEmergencyLanesReturnType> {
  const step = parameters.onStep ?? (() => {})
  const safe = safeOf(context.manifest, 'emergency')
  const rehearsal = startRehearsalFork({ rpcUrl: context.rpcUrl })
  try {
    const [found, state] = await Promise.all([
      findPausableContracts(context, { safe: safe.address }),
      readSafeState(context, safe.address),
    ])
    if (found.pausable.length === 0)
      throw new EmergencyNothingPausableError({
        safe: safe.address,
        checked: found.excluded,
      })
    const targets = found.pausable.filter(({ paused }) => !paused)
    if (targets.length === 0)
      throw new AlreadyPausedError({
        names: found.pausable.map(({ name }) => name),
      })
    const specs = laneSpecs(targets, {
      nonce: state.nonce,
      depth: parameters.depth ?? 2,
    })
    step(
      `Plan ${specs.length} lanes on the emergency Safe ${safe.address} at nonces ${state.nonce}–${state.nonce + BigInt((parameters.depth ?? 2) - 1)}`,
    )
    const plans = await Promise.all(
      specs.map((spec) => planLane(context, safe.address, spec)),
    )
    step('Collect the owners’ signatures')
    const signed = await collectLaneSignatures(context, {
      plans,
      owners: state.owners,
      threshold: state.threshold,
      mode: signatureMode(context, parameters),
      titles: specs.map(
        (spec) => `Emergency lane ${spec.target}@${spec.nonce}`,
      ),
    })
    step('Rehearse every lane at its nonce on a fork with the pause invariants')
    const fork = await rehearsal.fork()
    const lanes: EmergencyLane[] = []
    for (const [index, spec] of specs.entries())
      lanes.push(
        await rehearseLane(fork, context, {
          spec,
          plan: plans[index]!,
          signed: signed[index]!,
          threshold: state.threshold,
        }),
      )
    void rehearsal.stop()
    return await writeLanes(context, {
      parameters,
      state,
      safe: safe.address,
      lanes,
      pausable: targets.map(({ name }) => name),
      skipped: found.pausable
        .filter(({ paused }) => paused)
        .map(({ name }) => name),
      excluded: found.excluded,
    })
  } finally {
    await rehearsal.stop()
  }
}

type LaneSpec = {
  target: string
  targets: { name: string; address: Address }[]
  nonce: bigint
}

function laneSpecs(
  targets: { name: string; address: Address }[],
  { nonce, depth }: { nonce: bigint; depth: number },
): LaneSpec[] {
  const selections = [
    ...targets.map((target) => ({ target: target.name, targets: [target] })),
    // One contract: its own lane already pauses everything.
    ...(targets.length > 1 ? [{ target: 'all', targets }] : []),
  ]
  return Array.from({ length: depth }, (_, offset) =>
    selections.map((selection) => ({
      ...selection,
      targets: selection.targets.map(({ name, address }) => ({
        name,
        address,
      })),
      nonce: nonce + BigInt(offset),
    })),
  ).flat()
}

async function readSafeState(
  context: OpsContext,
  safe: Address,
): Promise<{
  nonce: bigint
  owners: Address[]
  threshold: number
  version: string
}> {
  const read = <
    name extends 'nonce' | 'getOwners' | 'getThreshold' | 'VERSION',
  >(
    functionName: name,
  ) =>
    readContract(context.client, { address: safe, abi: safeAbi, functionName })
  const [nonce, owners, threshold, version] = await Promise.all([
    read('nonce'),
    read('getOwners'),
    read('getThreshold'),
    read('VERSION'),
  ])
  return {
    nonce: nonce as bigint,
    owners: [...(owners as readonly Address[])],
    threshold: Number(threshold),
    version: version as string,
  }
}

function planLane(
  context: OpsContext,
  safe: Address,
  spec: LaneSpec,
): Promise<SafePlan> {
  // Reserved nonces: an explicit nonce at or after the chain's, allowed to
  // sit beside queued transactions (a lane is a replacement in waiting).
  return buildSafePlan(context.client, {
    safe,
    chainId: context.chainId,
    calls: spec.targets.map(({ name, address }) => ({
      ...buildPause({ target: address }),
      label: `${name}.pause()`,
    })),
    nonce: spec.nonce,
    replace: true,
  })
}

function signatureMode(
  context: OpsContext,
  parameters: PrepareEmergencyLanesParameters,
): 'dev-accounts' | 'service' {
  if (parameters.signatures) return parameters.signatures
  return context.signerSource === 'anvil-dev-accounts'
    ? 'dev-accounts'
    : 'service'
}

async function rehearseLane(
  fork: Fork,
  context: OpsContext,
  {
    spec,
    plan,
    signed,
    threshold,
  }: {
    spec: LaneSpec
    plan: SafePlan
    signed: { signers: Address[]; signatures: `0x${string}` }
    threshold: number
  },
): Promise<EmergencyLane> {
  const report = await rehearseSafePlan(fork, {
    manifest: context.manifest,
    plan,
    invariants: { action: 'pause' },
    // The owners who signed, once there are enough; until then the fork's
    // default owners stand in (the rehearsal checks the calls, not who signs).
    ...(signed.signers.length >= threshold ? { signers: signed.signers } : {}),
  })
  const gasUsed = report.simulation.gasUsed
  return {
    id: `${spec.target}@${spec.nonce}`,
    target: spec.target,
    targets: spec.targets,
    nonce: plan.nonce,
    safeTx: { ...plan.safeTx },
    safeTxHash: plan.safeTxHash,
    domainHash: plan.domainHash,
    messageHash: plan.messageHash,
    // Twice the rehearsal's gas: the fork approves by hash, the real
    // transaction also recovers each signature; unused gas is not paid.
    gasLimit: gasUsed * 2n > 150_000n ? gasUsed * 2n : 150_000n,
    signers: signed.signers,
    signatures: signed.signatures,
    rehearsal: {
      ok: report.ok,
      forkBlock: report.forkBlock,
      gasUsed,
      invariants: report.summary.invariants,
      failed: rehearsalFailures(report),
    },
  }
}

async function writeLanes(
  context: OpsContext,
  input: {
    parameters: PrepareEmergencyLanesParameters
    state: { owners: Address[]; threshold: number; version: string }
    safe: Address
    lanes: EmergencyLane[]
    pausable: string[]
    skipped: string[]
    excluded: string[]
  },
): Promise<PrepareEmergencyLanesReturnType> {
  const path =
    input.parameters.out ??
    join(context.paths.transactions, 'emergency-lanes.json')
  const file: EmergencyLanesFile = {
    kind: 'storydao-emergency-lanes',
    version: 1,
    network: context.networkName,
    chainId: context.chainId,
    safe: input.safe,
    safeVersion: input.state.version,
    owners: input.state.owners,
    threshold: input.state.threshold,
    pausable: input.pausable,
    preparedAt: new Date().toISOString(),
    lanes: input.lanes,
  }
  await writeFileAtomic({ path, data: stringifyEmergencyLanes(file) })
  return {
    path,
    file,
    skipped: input.skipped,
    excluded: input.excluded,
    ok: input.lanes.every((lane) => lane.rehearsal.ok),
  }
}
