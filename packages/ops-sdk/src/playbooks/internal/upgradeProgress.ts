import {
  ChainReadError,
  storyDaoAbi,
  type UpgradeEntry,
  updateManifest,
} from '@storydao/core'
import { type Address, BaseError, ContractFunctionRevertedError } from 'viem'
import { readContract } from 'viem/actions'
import {
  UnknownUpgradeError,
  UpgradeNotReadyError,
} from '../../errors/upgrade.js'
import type { UpgradeRoute } from '../../types/upgrade.js'
import type { OpsContext } from '../createOpsContext.js'

/** @internal An entry with a proposal id was drafted for the governor; the rest were scheduled by the ops Safe. */
export function upgradeRouteOf(upgrade: UpgradeEntry): UpgradeRoute {
  return upgrade.proposalId !== undefined ? 'governor' : 'timelock'
}

/** @internal The `upgrades[]` entry with this id. */
export function knownUpgrade(context: OpsContext, id: string): UpgradeEntry {
  const upgrades = context.manifest.upgrades ?? []
  const upgrade = upgrades.find((entry) => entry.id === id)
  if (!upgrade)
    throw new UnknownUpgradeError({
      id,
      network: context.networkName,
      known: upgrades.map((entry) => entry.id),
    })
  return upgrade
}

/**
 * @internal Writes fields of one `upgrades[]` entry (the previous manifest is
 * archived) and returns the context on the written manifest.
 */
export async function recordUpgrade(
  context: OpsContext,
  { id, patch }: { id: string; patch: Partial<UpgradeEntry> },
): Promise<{ context: OpsContext; upgrade: UpgradeEntry }> {
  const written = await updateManifest(context.manifestPath, {
    update: (current) => ({
      ...current,
      upgrades: (current.upgrades ?? []).map((entry) =>
        entry.id === id ? { ...entry, ...patch } : entry,
      ),
    }),
  })
  return {
    context: { ...context, manifest: written.manifest },
    upgrade: written.manifest.upgrades!.find((entry) => entry.id === id)!,
  }
}

/** @internal OpenZeppelin Governor's `ProposalState`, in enum order. */
export const proposalStates = [
  'Pending',
  'Active',
  'Canceled',
  'Defeated',
  'Succeeded',
  'Queued',
  'Expired',
  'Executed',
] as const

/** @internal A governor proposal as the chain sees it. */
export type ProposalStatus = {
  /** `undefined` when the governor does not know the proposal (not proposed yet). */
  state: (typeof proposalStates)[number] | undefined
  /** The governor's clock now and when voting starts and ends, in clock units. */
  clock: bigint
  snapshot: bigint
  deadline: bigint
  unit: 'blocks' | 'seconds'
}

/** @internal Reads a proposal's state and voting window. */
export async function readProposalStatus(
  context: OpsContext,
  { governor, proposalId }: { governor: Address; proposalId: bigint },
): Promise<ProposalStatus> {
  const read = (functionName: string, args?: readonly unknown[]) =>
    readContract(context.client, {
      address: governor,
      abi: storyDaoAbi,
      functionName,
      args,
    } as never) as Promise<unknown>
  try {
    const state = Number(await read('state', [proposalId]))
    const [clock, snapshot, deadline, mode] = (await Promise.all([
      read('clock'),
      read('proposalSnapshot', [proposalId]),
      read('proposalDeadline', [proposalId]),
      read('CLOCK_MODE'),
    ])) as [bigint | number, bigint, bigint, string]
    return {
      state: proposalStates[state],
      clock: BigInt(clock),
      snapshot,
      deadline,
      unit: mode.includes('mode=timestamp') ? 'seconds' : 'blocks',
    }
  } catch (cause) {
    // An unknown proposal id reverts (GovernorNonexistentProposal).
    if (
      cause instanceof BaseError &&
      cause.walk((error) => error instanceof ContractFunctionRevertedError)
    )
      return {
        state: undefined,
        clock: 0n,
        snapshot: 0n,
        deadline: 0n,
        unit: 'blocks',
      }
    throw new ChainReadError({
      what: `the state of proposal ${proposalId} on the governor ${governor}`,
      cause,
    })
  }
}

/** @internal Executed and cancelled upgrades have no step left. */
export function assertOpen(
  upgrade: UpgradeEntry,
  step: 'queued' | 'executed',
): void {
  if (upgrade.status === 'executed' || upgrade.status === 'cancelled')
    throw new UpgradeNotReadyError({
      id: upgrade.id,
      step,
      reason: `its status is ${upgrade.status}.`,
      hint:
        upgrade.status === 'executed'
          ? 'It is done: "storydao-ops upgrade rollback --id <id>" proposes the reverse upgrade.'
          : 'Prepare a new upgrade: storydao-ops upgrade prepare --target <contract> --to <contract>.',
    })
}
