import { storyDaoAbis } from '@storydao/core'
import { decodeCall, hashTimelockOperation } from '@storydao/governance'
import type { GetDefaultInvariantsParameters } from '@storydao/invariants'
import { getCanonicalContract, type SafeTransactionCall } from '@storydao/safe'
import type { Address, Hex } from 'viem'

/** @internal The playbook action whose default invariants fit the calls, if any. */
export type RecognisedAction = Omit<GetDefaultInvariantsParameters, 'manifest'>

// Only a transaction made of one kind of call is recognised: a batch that
// mixes a pause with a transfer matches no playbook, and checking it against
// one playbook's invariants would report a failure that is not one.
const actionByFunction: Record<string, RecognisedAction['action']> = {
  pause: 'pause',
  unpause: 'unpause',
  cancel: 'timelock-cancel',
  schedule: 'timelock-schedule',
  scheduleBatch: 'timelock-schedule',
  grantRole: 'role-change',
  revokeRole: 'role-change',
  upgradeToAndCall: 'upgrade',
  upgradeAndCall: 'upgrade',
}

type DecodedCall = { functionName: string; args: Record<string, unknown> }

/** @internal Decodes the Safe's calls and names the action they perform. */
export function recogniseAction(
  calls: readonly SafeTransactionCall[],
): RecognisedAction | undefined {
  // A CREATE2 deploy prepares the action (the upgrade playbook deploys the
  // implementation in the batch that schedules the upgrade); it is not one.
  const acting = calls.filter(
    (call) =>
      getCanonicalContract({ address: call.to })?.kind !== 'create2-deployer',
  )
  const decoded = acting.map((call) => decodeCall({ call, abis: storyDaoAbis }))
  const names = new Set(
    decoded.map((call) =>
      call.status === 'decoded' ? call.functionName : undefined,
    ),
  )
  if (names.size !== 1) return undefined
  const [name] = [...names]
  const action = name ? actionByFunction[name] : undefined
  if (!action) return undefined
  const operations = decoded.flatMap((call) =>
    call.status === 'decoded' ? [call] : [],
  )
  if (action === 'timelock-cancel')
    return {
      action,
      operationIds: operations.flatMap((call) =>
        typeof call.args.id === 'string' ? [call.args.id as Hex] : [],
      ),
    }
  if (action === 'timelock-schedule')
    return { action, operationIds: operations.map(scheduledOperationId) }
  return { action }
}

/** The id the timelock gives a `schedule` or `scheduleBatch` call's operation. */
function scheduledOperationId({ functionName, args }: DecodedCall): Hex {
  const common = {
    predecessor: args.predecessor as Hex,
    salt: args.salt as Hex,
  }
  if (functionName === 'schedule')
    return hashTimelockOperation({
      ...common,
      batch: false,
      calls: [
        {
          to: args.target as Address,
          value: args.value as bigint,
          data: args.data as Hex,
        },
      ],
    })
  const targets = args.targets as readonly Address[]
  const values = args.values as readonly bigint[]
  const payloads = args.payloads as readonly Hex[]
  return hashTimelockOperation({
    ...common,
    batch: true,
    calls: targets.map((to, index) => ({
      to,
      value: values[index] ?? 0n,
      data: payloads[index] ?? '0x',
    })),
  })
}
