import { storyDaoAbis } from '@storydao/core'
import { decodeCall } from '@storydao/governance'
import type { GetDefaultInvariantsParameters } from '@storydao/invariants'
import type { SafeTransactionCall } from '@storydao/safe'
import type { Hex } from 'viem'

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

/** @internal Decodes the Safe's calls and names the action they perform. */
export function recogniseAction(
  calls: readonly SafeTransactionCall[],
): RecognisedAction | undefined {
  const decoded = calls.map((call) => decodeCall({ call, abis: storyDaoAbis }))
  const names = new Set(
    decoded.map((call) =>
      call.status === 'decoded' ? call.functionName : undefined,
    ),
  )
  if (names.size !== 1) return undefined
  const [name] = [...names]
  const action = name ? actionByFunction[name] : undefined
  if (!action) return undefined
  if (action === 'timelock-cancel')
    return {
      action,
      operationIds: decoded.flatMap((call) =>
        call.status === 'decoded' && typeof call.args.id === 'string'
          ? [call.args.id as Hex]
          : [],
      ),
    }
  return { action }
}
