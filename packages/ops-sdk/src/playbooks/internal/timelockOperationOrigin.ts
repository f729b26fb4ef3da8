import {
  isHexEqual,
  type Manifest,
  storyTimelockAbi,
  type UpgradeEntry,
} from '@storydao/core'
import {
  hashTimelockOperation,
  type TimelockOperation,
} from '@storydao/governance'
import type { SafePlan } from '@storydao/safe'
import {
  type Address,
  decodeFunctionData,
  type Hex,
  isAddressEqual,
} from 'viem'
import type {
  QueuedSchedule,
  TimelockOperationOrigin,
} from '../../types/timelockOperationOrigin.js'

/**
 * @internal Why a timelock operation is expected: a manifest `upgrades[]`
 * entry (operation id or calldata), else a schedule waiting in a manifest
 * Safe's queue; `undefined` when nothing explains it (UNKNOWN). One rule for
 * `timelock list` and `watch`.
 */
export function originOf({
  manifest,
  operation,
  queuedSchedules,
}: {
  manifest: Manifest
  operation: Pick<TimelockOperation, 'id' | 'calls'>
  queuedSchedules: readonly QueuedSchedule[]
}): TimelockOperationOrigin | undefined {
  return (
    matchUpgrade(manifest, operation) ??
    queuedSchedules.find((schedule) => isHexEqual(schedule.id, operation.id))
      ?.origin
  )
}

function matchUpgrade(
  manifest: Manifest,
  operation: Pick<TimelockOperation, 'id' | 'calls'>,
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
 * @internal The operation ids that Safe transactions waiting in the manifest
 * Safes' queues would schedule on the timelock: an operation scheduled by
 * another path with the same id was reviewed as that proposal.
 */
export function toQueuedSchedules({
  timelock,
  queues,
}: {
  timelock: Address
  queues: readonly {
    safe: string
    plans: readonly Pick<SafePlan, 'calls' | 'safeTxHash'>[]
  }[]
}): QueuedSchedule[] {
  return queues.flatMap(({ safe, plans }) =>
    plans.flatMap((plan) =>
      plan.calls
        .filter((call) => isAddressEqual(call.to, timelock))
        .flatMap((call) => scheduledIds(call.data))
        .map((id) => ({
          id,
          origin: {
            kind: 'safe-proposal' as const,
            safe,
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
