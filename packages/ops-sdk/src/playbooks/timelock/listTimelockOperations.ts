import {
  type ChainReadErrorType,
  isHexEqual,
  type Manifest,
  storyDaoAbis,
  storyTimelockAbi,
  type UpgradeEntry,
} from '@storydao/core'
import {
  type DecodedCall,
  decodeCall,
  getPendingTimelockOperations,
  hashTimelockOperation,
  type TimelockOperation,
  type TimelockOperationState,
} from '@storydao/governance'
import {
  getQueuedSafePlans,
  type SafeServiceErrorType,
  type SafeServiceTimeoutErrorType,
  type SafeServiceUnreachableErrorType,
} from '@storydao/safe'
import {
  type Address,
  decodeFunctionData,
  type Hex,
  isAddressEqual,
} from 'viem'
import type { TimelockNotInManifestErrorType } from '../../errors/timelock.js'
import type { OpsContext } from '../createOpsContext.js'
import { timelockOf } from '../internal/timelockOf.js'

export type ListTimelockOperationsParameters = {
  /** Keep only operations in these states. Default: all four. */
  states?: readonly TimelockOperationState[] | undefined
}

/** Why an operation is expected: a manifest upgrade, or a Safe proposal in a queue. */
export type TimelockOperationOrigin =
  | {
      kind: 'upgrade'
      /** The manifest `upgrades[]` entry's id. */
      id: string
    }
  | {
      kind: 'safe-proposal'
      /** The manifest Safe whose queue holds the schedule (`ops`). */
      safe: string
      /** The queued Safe transaction that schedules it. */
      safeTxHash: Hex
    }

/** One timelock operation, decoded and marked known or UNKNOWN. */
export type ListedTimelockOperation = TimelockOperation & {
  /** Its calls, decoded with the manifest's ABIs. */
  decoded: DecodedCall[]
  /** It matches a manifest upgrade entry or a queued Safe proposal. */
  known: boolean
  /** What it matches, when known. */
  origin: TimelockOperationOrigin | undefined
}

export type ListTimelockOperationsReturnType = {
  /** The manifest's timelock. */
  timelock: { name: string; address: Address }
  /** First block scanned (the timelock's deployment block when recorded). */
  fromBlock: bigint
  /** Operations in scheduling order. */
  operations: ListedTimelockOperation[]
}

export type ListTimelockOperationsErrorType =
  | TimelockNotInManifestErrorType
  | ChainReadErrorType
  | SafeServiceErrorType
  | SafeServiceTimeoutErrorType
  | SafeServiceUnreachableErrorType

/**
 * The incident playbook's first look: every operation of the manifest's
 * timelock (pending, ready, done, cancelled), its calls decoded, each marked
 * known when it matches a manifest `upgrades[]` entry (operation id or
 * calldata) or a schedule waiting in a manifest Safe's queue on the
 * Transaction Service, else UNKNOWN: a pending UNKNOWN operation is what
 * `cancelTimelockOperations` is for.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/incident-response.md#2-look-timelock-list
 *
 * @example
 * ```ts
 * import { createOpsContext, listTimelockOperations } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'mainnet' })
 * const { operations } = await listTimelockOperations(context, { states: ['pending', 'ready'] })
 * const rogue = operations.filter((operation) => !operation.known)
 * ```
 */
export async function listTimelockOperations(
  context: OpsContext,
  parameters: ListTimelockOperationsParameters = {},
): Promise<ListTimelockOperationsReturnType> {
  const timelock = timelockOf(context.manifest)
  const [operations, queuedSchedules] = await Promise.all([
    getPendingTimelockOperations(context.client, {
      timelock: timelock.address,
      fromBlock: timelock.fromBlock,
      ...(parameters.states ? { states: parameters.states } : {}),
    }),
    readQueuedSchedules(context, timelock.address),
  ])
  return {
    timelock: { name: timelock.name, address: timelock.address },
    fromBlock: timelock.fromBlock,
    operations: operations.map((operation) => {
      const origin =
        matchUpgrade(context.manifest, operation) ??
        queuedSchedules.find((schedule) =>
          isHexEqual(schedule.id, operation.id),
        )?.origin
      return {
        ...operation,
        decoded: operation.calls.map((call) =>
          decodeCall({ call, abis: storyDaoAbis }),
        ),
        known: origin !== undefined,
        origin,
      }
    }),
  }
}

function matchUpgrade(
  manifest: Manifest,
  operation: TimelockOperation,
): TimelockOperationOrigin | undefined {
  const matches = (entry: UpgradeEntry) => {
    if (entry.operationId) return isHexEqual(entry.operationId, operation.id)
    const target = manifest.contracts[entry.target]?.address
    return operation.calls.some(
      (call) =>
        isHexEqual(call.data, entry.calldata) &&
        (!target || isAddressEqual(call.to, target)),
    )
  }
  const entry = (manifest.upgrades ?? []).find(matches)
  return entry ? { kind: 'upgrade', id: entry.id } : undefined
}

/**
 * The operation ids that Safe transactions waiting in the manifest Safes'
 * queues would schedule on the timelock: an operation scheduled by another
 * path with the same id was reviewed as that proposal.
 */
async function readQueuedSchedules(
  context: OpsContext,
  timelock: Address,
): Promise<{ id: Hex; origin: TimelockOperationOrigin }[]> {
  const safes = Object.entries(context.manifest.safes).flatMap(
    ([name, safe]) => (safe ? [{ name, address: safe.address }] : []),
  )
  const queues = await Promise.all(
    safes.map(async (safe) => ({
      safe,
      plans: await getQueuedSafePlans(context.service, { safe: safe.address }),
    })),
  )
  return queues.flatMap(({ safe, plans }) =>
    plans.flatMap((plan) =>
      plan.calls
        .filter((call) => isAddressEqual(call.to, timelock))
        .flatMap((call) => scheduledIds(call.data))
        .map((id) => ({
          id,
          origin: {
            kind: 'safe-proposal' as const,
            safe: safe.name,
            safeTxHash: plan.safeTxHash,
          },
        })),
    ),
  )
}

/** The operation id a `schedule`/`scheduleBatch` call to the timelock creates. */
function scheduledIds(data: Hex): Hex[] {
  let decoded: ReturnType<typeof decodeTimelockCall>
  try {
    decoded = decodeTimelockCall(data)
  } catch {
    // Any other timelock call (cancel, execute, grantRole) schedules nothing.
    return []
  }
  if (decoded.functionName === 'schedule') {
    const [to, value, callData, predecessor, salt] = decoded.args
    return [
      hashTimelockOperation({
        calls: [{ to, value, data: callData }],
        predecessor,
        salt,
        batch: false,
      }),
    ]
  }
  if (decoded.functionName === 'scheduleBatch') {
    const [targets, values, payloads, predecessor, salt] = decoded.args
    return [
      hashTimelockOperation({
        calls: targets.map((to, index) => ({
          to,
          value: values[index] ?? 0n,
          data: payloads[index] ?? '0x',
        })),
        predecessor,
        salt,
        batch: true,
      }),
    ]
  }
  return []
}

function decodeTimelockCall(data: Hex) {
  return decodeFunctionData({ abi: storyTimelockAbi, data })
}
