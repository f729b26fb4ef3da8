import {
  assertParameters,
  type ChainReadErrorType,
  isHexEqual,
  type Manifest,
  type MissingParameterErrorType,
} from '@storydao/core'
import {
  canonicalContracts,
  isMultiSendCallOnly,
  type SafePlan,
} from '@storydao/safe'
import {
  type Abi,
  type Address,
  getAddress,
  type Hex,
  isAddressEqual,
} from 'viem'
import type { ForkErrorType } from './errors/fork.js'
import { version } from './errors/version.js'
import { assertFork } from './internal/assertFork.js'
import { evaluateInvariants } from './internal/evaluateInvariants.js'
import {
  type ExtraName,
  indexManifest,
  type ManifestIndex,
} from './internal/manifestIndex.js'
import { readState } from './internal/readState.js'
import { roleName } from './internal/roles.js'
import { runSafePlan } from './internal/runSafePlan.js'
import { innerCallsOf } from './internal/safePlan.js'
import { withForkErrors } from './internal/withForkErrors.js'
import type { SimulateSafePlanErrorType } from './simulateSafePlan.js'
import type { Fork } from './types/fork.js'
import type { SafePlanSimulation } from './types/simulation.js'
import type {
  Invariant,
  InvariantResult,
  ReadResult,
  ReportedCall,
} from './types.js'

export type CheckSafePlanParameters = {
  /** The Safe plan (`buildSafePlan` from `@storydao/safe`). */
  plan: SafePlan
  /** The invariants to check (e.g. `getDefaultInvariants({ manifest, action: 'pause' })`). */
  invariants: readonly Invariant[]
  /** The network's manifest: names, ABIs and what counts as a known address. */
  manifest: Manifest
  /** Extra ABIs by artifact name. */
  abis?: { readonly [artifact: string]: Abi } | undefined
  /** Owners who sign; default the first `threshold` owners by address. */
  signers?: readonly Address[] | undefined
  /**
   * Names of addresses the manifest does not have yet but the caller knows,
   * by address (any letter case): a release's predicted CREATE2 addresses
   * before it is recorded. Calls to them and roles granted to them are
   * labelled with the name instead of warned about. The manifest's own name
   * wins for an address it lists.
   *
   * @example { '0x1835069efDE63081BA0833Ef9704bf2Cc0E45abc': 'StoryTimelock' }
   */
  known?: { readonly [address: Address]: string } | undefined
}

/** Something a signer should look at, even when every invariant holds. */
export type ReportWarning = {
  /**
   * `delegatecall` (to anything but MultiSendCallOnly), `unknown-target`
   * (a call to an address neither the manifest, the caller's `known` names
   * nor canonical infrastructure names), `safe-config-change`
   * (owners, threshold, modules, guard or fallback handler), `unknown-role-grant`
   * (a role granted to an address neither the manifest nor `known` names, or
   * to canonical infrastructure, through which anyone can call), `treasury-outflow`
   * (value leaving the Treasury), `calls-mismatch` (the plan's `calls` do not
   * describe its Safe transaction), `plan` (a warning the plan carried),
   * `simulation` (something the simulation adjusted).
   */
  code:
    | 'delegatecall'
    | 'unknown-target'
    | 'safe-config-change'
    | 'unknown-role-grant'
    | 'treasury-outflow'
    | 'calls-mismatch'
    | 'plan'
    | 'simulation'
  /** Readable sentence. */
  message: string
}

/** Everything a signer needs to judge a Safe transaction before approving it. */
export type Report = {
  /** `true` when the simulation succeeded and every invariant holds. */
  ok: boolean
  /** The network (from the manifest). */
  network: { name: string; chainId: number }
  /** Block the fork was taken at. */
  forkBlock: bigint
  /** The Safe. */
  safe: {
    address: Address
    name?: string | undefined
    version: string
    nonce: bigint
  }
  /** What the owners sign, and the hashes their hardware wallets show. */
  safeTxHash: Hex
  /** EIP-712 domain separator. */
  domainHash: Hex
  /** EIP-712 struct hash. */
  messageHash: Hex
  /** The Safe transaction's fields. */
  safeTx: SafePlan['safeTx']
  /** The calls the Safe transaction makes, decoded. */
  calls: ReportedCall[]
  /** The rehearsal on the fork. */
  simulation: SafePlanSimulation
  /** Each invariant's result, in the order given. */
  invariants: InvariantResult[]
  /** Counts. */
  summary: {
    invariants: number
    passed: number
    failed: number
    warnings: number
  }
  /** Things to look at, in a stable order. */
  warnings: ReportWarning[]
}

export type CheckSafePlanReturnType = Report

export type CheckSafePlanErrorType =
  | SimulateSafePlanErrorType
  | ChainReadErrorType
  | ForkErrorType
  | MissingParameterErrorType

/**
 * Rehearses a Safe plan on a fork and checks invariants around it: reads
 * every invariant's state before (one batch), runs the exact Safe transaction
 * ({@link simulateSafePlan}), reads the state after (one batch) and evaluates
 * each invariant on before, after and the transaction's logs. The fork is
 * reverted afterwards, so one fork serves many checks.
 *
 * The report also carries the decoded calls and warnings: delegatecalls other
 * than to MultiSendCallOnly, calls to addresses not in the manifest (the
 * calls of timelock operations, proposals and upgrades included), Safe
 * owner/threshold/module/guard/fallback-handler changes, role grants to
 * addresses not in the manifest, and value leaving the Treasury. Canonical
 * infrastructure (`canonicalContracts` from `@storydao/safe`: the CREATE2
 * deployer, Multicall3, the Safe singletons, factories and MultiSend
 * contracts) and the addresses the caller names in `known` are named, not
 * flagged as unknown targets. Render it with {@link renderReport}.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/invariants/README.md#checksafeplan
 *
 * @example
 * ```ts
 * import { checkSafePlan, createFork, getDefaultInvariants, renderReport } from '@storydao/invariants'
 *
 * const fork = await createFork({ rpcUrl })
 * const report = await checkSafePlan(fork, {
 *   plan,
 *   manifest,
 *   invariants: getDefaultInvariants({ manifest, action: 'pause' }),
 * })
 * console.log(renderReport({ report, format: 'markdown' }))
 * await fork.stop()
 * ```
 *
 * @param fork - The fork to rehearse on ({@link createFork}).
 * @param parameters - {@link CheckSafePlanParameters}
 * @returns The {@link Report}.
 * @throws {SimulationError} When the plan cannot be run on the fork.
 * @throws {ChainReadError} When a read on the fork fails.
 * @throws {ForkError} `FORK_EXITED` when the fork's anvil dies, `FORK_UNREACHABLE` when it stops answering.
 */
export async function checkSafePlan(
  fork: Fork,
  parameters: CheckSafePlanParameters,
): Promise<CheckSafePlanReturnType> {
  assertFork('checkSafePlan', fork)
  assertParameters(
    'checkSafePlan',
    parameters,
    ['plan', 'manifest', 'invariants'],
    { version },
  )
  return withForkErrors(fork, () => rehearse(fork, parameters))
}

/** Reads before, runs the plan, reads after, then judges and reports. */
async function rehearse(
  fork: Fork,
  parameters: CheckSafePlanParameters,
): Promise<Report> {
  const { plan, invariants, manifest } = parameters
  const index = indexManifest(
    manifest,
    parameters.abis,
    extraNames(parameters.known),
  )
  const reads = invariants.flatMap((invariant) =>
    Object.values(invariant.reads),
  )
  const before = await readState(fork.client, reads)
  let after: Map<string, ReadResult> | undefined
  const simulation = await runSafePlan(plan, {
    fork,
    index,
    revert: true,
    signers: parameters.signers,
    async after() {
      after = await readState(fork.client, reads)
    },
  })
  const results = evaluateInvariants({
    invariants,
    before,
    after: after ?? new Map(),
    logs: simulation.logs,
  })
  const warnings = collectWarnings(plan, simulation, index)
  const failed = results.filter((result) => !result.ok).length
  const safeName = index.get(plan.safe)?.name
  return {
    ok: simulation.status === 'success' && failed === 0,
    network: { name: manifest.network.name, chainId: manifest.network.chainId },
    forkBlock: fork.blockNumber,
    safe: {
      address: getAddress(plan.safe),
      ...(safeName ? { name: safeName } : {}),
      version: plan.safeVersion,
      nonce: plan.nonce,
    },
    safeTxHash: plan.safeTxHash,
    domainHash: plan.domainHash,
    messageHash: plan.messageHash,
    safeTx: plan.safeTx,
    calls: simulation.calls,
    simulation,
    invariants: results,
    summary: {
      invariants: results.length,
      passed: results.length - failed,
      failed,
      warnings: warnings.length,
    },
    warnings,
  }
}

/** The caller's `known` names, then canonical infrastructure's. */
function extraNames(known: CheckSafePlanParameters['known'] = {}): ExtraName[] {
  return [
    ...Object.entries(known).map(([address, name]) => ({
      address: address as Address,
      name,
      role: 'known' as const,
    })),
    ...canonicalContracts.map(({ address, name }) => ({
      address,
      name,
      role: 'canonical' as const,
    })),
  ]
}

const safeConfigEvents = new Set([
  'AddedOwner',
  'RemovedOwner',
  'ChangedThreshold',
  'EnabledModule',
  'DisabledModule',
  'ChangedGuard',
  'ChangedModuleGuard',
  'ChangedFallbackHandler',
])

function collectWarnings(
  plan: SafePlan,
  simulation: SafePlanSimulation,
  index: ManifestIndex,
): ReportWarning[] {
  return [
    ...delegatecallWarnings(plan, simulation, index),
    ...unknownTargetWarnings(simulation, index),
    ...simulation.logs.flatMap((log) => logWarnings(plan, log, index)),
    ...treasuryOutflowWarnings(simulation, index),
    ...callsMismatchWarnings(plan),
    ...plan.warnings.map((message) => ({ code: 'plan' as const, message })),
    ...simulation.notes.map((message) => ({
      code: 'simulation' as const,
      message,
    })),
  ]
}

/** A delegatecall that is not to MultiSendCallOnly, at the top or inside a batch. */
function delegatecallWarnings(
  plan: SafePlan,
  simulation: SafePlanSimulation,
  index: ManifestIndex,
): ReportWarning[] {
  const warnings: ReportWarning[] = []
  const { safeTx } = plan
  if (safeTx.operation === 1 && !isMultiSendCallOnly({ address: safeTx.to }))
    warnings.push({
      code: 'delegatecall',
      message: `The Safe delegatecalls ${index.label(safeTx.to)}, which is not MultiSendCallOnly: that code runs with the Safe's own storage and can change its owners, modules or funds.`,
    })
  // Calls decoded from a MultiSend payload (not the Safe transaction itself).
  const batched = !(
    simulation.calls.length === 1 &&
    isAddressEqual(simulation.calls[0]!.to, safeTx.to) &&
    isHexEqual(simulation.calls[0]!.data ?? '0x', safeTx.data)
  )
  for (const call of batched ? simulation.calls : [])
    if (call.operation === 'delegatecall')
      warnings.push({
        code: 'delegatecall',
        message: `Call ${call.index} delegatecalls ${index.label(call.to)} (MultiSendCallOnly refuses this; a MultiSend batch would run it with the Safe's storage).`,
      })
  return warnings
}

/** Calls (inner calls included, by path `0.1.2`) to addresses nobody names: not the manifest, not `known`, not canonical infrastructure. */
function unknownTargetWarnings(
  simulation: SafePlanSimulation,
  index: ManifestIndex,
): ReportWarning[] {
  const unknown = new Map<string, string>()
  const visit = (call: ReportedCall, path: string) => {
    if (!index.get(call.to)) unknown.set(`${path}`, call.to)
    for (const inner of call.inner ?? []) visit(inner, `${path}.${inner.index}`)
  }
  for (const call of simulation.calls) visit(call, String(call.index))
  return [...unknown].map(([path, to]) => ({
    code: 'unknown-target',
    message: `Call ${path} targets ${to}, which is not in the manifest.`,
  }))
}

/** A Safe configuration event, or a role granted to an account the manifest does not name. */
function logWarnings(
  plan: SafePlan,
  log: SafePlanSimulation['logs'][number],
  index: ManifestIndex,
): ReportWarning[] {
  const warnings: ReportWarning[] = []
  const entry = index.get(log.address)
  if (
    log.eventName &&
    safeConfigEvents.has(log.eventName) &&
    (entry?.role === 'safe' || isAddressEqual(log.address, plan.safe))
  )
    warnings.push({
      code: 'safe-config-change',
      message: `${index.label(log.address)} emits ${log.eventName}(${Object.values(
        log.args ?? {},
      )
        .map(String)
        .join(
          ', ',
        )}): its owners, threshold, modules, guard or fallback handler change.`,
    })
  if (log.eventName === 'RoleGranted' && log.args)
    warnings.push(...roleGrantWarnings(log, index))
  return warnings
}

/**
 * A role granted to an account nobody names, or to canonical infrastructure:
 * anyone can call through the CREATE2 deployer, Multicall3 or MultiSend, so
 * a role held by one of them is a role held by everyone.
 */
function roleGrantWarnings(
  log: SafePlanSimulation['logs'][number],
  index: ManifestIndex,
): ReportWarning[] {
  const account = getAddress(String(log.args?.account))
  const grant = `${index.label(log.address)} grants ${roleName(String(log.args?.role))} to`
  const entry = index.get(account)
  if (entry?.role === 'canonical')
    return [
      {
        code: 'unknown-role-grant',
        message: `${grant} ${entry.name} (${account}), canonical infrastructure anyone can call through: anyone could use this role.`,
      },
    ]
  if (entry) return []
  return [
    {
      code: 'unknown-role-grant',
      message: `${grant} ${account}, which is not in the manifest.`,
    },
  ]
}

/** Value leaving the manifest's `roles.treasury` contract. */
function treasuryOutflowWarnings(
  simulation: SafePlanSimulation,
  index: ManifestIndex,
): ReportWarning[] {
  const treasuryName = index.manifest?.roles?.treasury
  const treasury = treasuryName
    ? index.manifest?.contracts[treasuryName]
    : undefined
  if (!treasury) return []
  return simulation.balanceChanges
    .filter(
      (change) =>
        isAddressEqual(change.holder, treasury.address) && change.delta < 0n,
    )
    .map((change) => ({
      code: 'treasury-outflow',
      message: `${treasuryName} sends out ${-change.delta} ${change.asset === 'ETH' ? 'wei' : `base units of ${change.assetName ?? change.asset}`}.`,
    }))
}

/** The plan's listed calls differ from what its Safe transaction really makes. */
function callsMismatchWarnings(plan: SafePlan): ReportWarning[] {
  const described = plan.calls
  const actual = innerCallsOf(plan)
  const same =
    described.length === actual.length &&
    described.every(
      (call, i) =>
        isAddressEqual(call.to, actual[i]!.to) &&
        call.value === actual[i]!.value &&
        isHexEqual(call.data, actual[i]!.data),
    )
  if (same) return []
  return [
    {
      code: 'calls-mismatch',
      message: `The plan lists ${described.length} call(s) that do not match the ${actual.length} its Safe transaction makes: review the decoded calls, not the plan's labels.`,
    },
  ]
}
