import {
  assertParameters,
  type ChainReadErrorType,
  type MissingParameterErrorType,
  pausableAbi,
} from '@storydao/core'
import {
  buildTimelockExecute,
  type TimelockOperation,
} from '@storydao/governance'
import { encodeFunctionData, type Hex, isAddressEqual, isHex } from 'viem'
import type {
  ContractNotInManifestErrorType,
  NotPausableErrorType,
  SafeNotInManifestErrorType,
  SignerNotOwnerErrorType,
} from '../../errors/playbook.js'
import type { TimelockNotInManifestErrorType } from '../../errors/timelock.js'
import {
  type NotPausedErrorType,
  UnpauseNotReadyError,
  type UnpauseNotReadyErrorType,
} from '../../errors/unpause.js'
import { version } from '../../errors/version.js'
import type { SafeTransactionOutcome } from '../../types/safeTransactionOutcome.js'
import type { OpsContext } from '../createOpsContext.js'
import { prepareSafeTransaction } from '../internal/prepareSafeTransaction.js'
import {
  describeReadyAt,
  readTimelockOperations,
} from '../internal/timelockOperation.js'
import {
  pausedTargets,
  type UnpauseTarget,
} from '../internal/unpauseTargets.js'

export type ExecuteUnpauseParameters = {
  /** Manifest names of the contracts whose scheduled unpause to run. Default `['AuthorCoin']`. */
  targets?: readonly string[] | undefined
  /** An ops Safe nonce to use instead of the next free one. */
  nonce?: bigint | undefined
  /** Send it to the Safe Transaction Service, signed by an owner. */
  propose?: boolean | undefined
  /** Progress callback for long steps. */
  onStep?: ((message: string) => void) | undefined
}

export type ExecuteUnpauseReturnType = SafeTransactionOutcome & {
  /** The contracts the executed operation unpauses. */
  unpaused: string[]
  /** The timelock operation executed. */
  operationId: Hex
}

export type ExecuteUnpauseErrorType =
  | MissingParameterErrorType
  | ChainReadErrorType
  | ContractNotInManifestErrorType
  | NotPausableErrorType
  | NotPausedErrorType
  | SafeNotInManifestErrorType
  | SignerNotOwnerErrorType
  | TimelockNotInManifestErrorType
  | UnpauseNotReadyErrorType

/**
 * The incident playbook's way out of a pause, second half: once the delay of
 * the unpause {@link scheduleUnpause} put on the timelock has passed, one
 * ops-Safe transaction (the ops Safe holds the timelock's EXECUTOR_ROLE)
 * that executes it, rehearsed on a fork with the `unpause` invariants
 * (AuthorCoin not paused; supply, balances and roles unchanged), written as
 * a Transaction Builder file and, with `propose`, sent to the Safe
 * Transaction Service. Refused when no target is paused, when no unpause is
 * scheduled, or before the delay (with the time left).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/incident-response.md#7-recover-unpause
 *
 * @example
 * ```ts
 * import { createOpsContext, executeUnpause } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'mainnet', signerEnv: 'OPS_KEY' })
 * const { safeTxHash } = await executeUnpause(context, { propose: true })
 * ```
 */
export async function executeUnpause(
  context: OpsContext,
  parameters: ExecuteUnpauseParameters = {},
): Promise<ExecuteUnpauseReturnType> {
  assertParameters('executeUnpause', { context }, ['context'], { version })
  const { paused } = await pausedTargets(context, parameters.targets)
  parameters.onStep?.('Find the scheduled unpause on the timelock')
  const { timelock, operations, now } = await readTimelockOperations(context)
  const operation = readyUnpause(operations, { paused, now })
  const unpaused = paused
    .filter(({ address }) =>
      operation.calls.some((call) => isAddressEqual(call.to, address)),
    )
    .map(({ name }) => name)
  const { call } = buildTimelockExecute({
    timelock: timelock.address,
    calls: operation.calls,
    predecessor: operation.predecessor,
    salt: operation.salt,
    batch: operation.batch,
    label: `${timelock.name}.execute(unpause ${unpaused.join(', ')}, operation ${operation.id})`,
  })
  const { outcome } = await prepareSafeTransaction(context, {
    safeName: 'ops',
    calls: [call],
    title: `Unpause ${unpaused.join(', ')}`,
    description: `Recovery: executes the scheduled unpause of ${unpaused.join(', ')} on ${timelock.name} (operation ${operation.id}).`,
    invariants: { action: 'unpause' },
    nonce: parameters.nonce,
    propose: parameters.propose,
    onStep: parameters.onStep,
  })
  return { ...outcome, unpaused, operationId: operation.id }
}

const unpauseData = encodeFunctionData({
  abi: pausableAbi,
  functionName: 'unpause',
})

/** The newest ready operation that only unpauses paused targets; refused with what is missing. */
function readyUnpause(
  operations: readonly TimelockOperation[],
  { paused, now }: { paused: readonly UnpauseTarget[]; now: bigint },
): TimelockOperation {
  const unpauses = operations.filter(
    (operation) =>
      (operation.state === 'pending' || operation.state === 'ready') &&
      operation.calls.every(
        (call) =>
          isHex(call.data) &&
          call.data.toLowerCase() === unpauseData &&
          paused.some(({ address }) => isAddressEqual(address, call.to)),
      ),
  )
  const ready = unpauses.findLast((operation) => operation.state === 'ready')
  if (ready) return ready
  const names = paused.map(({ name }) => name)
  const next = unpauses.toSorted((a, b) =>
    a.readyAt < b.readyAt ? -1 : a.readyAt > b.readyAt ? 1 : 0,
  )[0]
  if (!next)
    throw new UnpauseNotReadyError({
      names,
      reason: 'no unpause is scheduled on the timelock.',
      hint: 'Schedule it first: storydao-ops unpause (the ops Safe schedules unpause() on the timelock), execute that Safe transaction, wait for the delay.',
    })
  throw new UnpauseNotReadyError({
    names,
    reason: 'the timelock delay has not passed.',
    details: [
      `Operation ${next.id} is executable from ${describeReadyAt({ readyAt: next.readyAt, now })}.`,
    ],
    hint: 'Run storydao-ops unpause --execute again once it is executable.',
  })
}
