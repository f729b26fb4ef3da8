import {
  assertParameters,
  type ChainReadErrorType,
  type MissingParameterErrorType,
} from '@storydao/core'
import {
  buildUnpause,
  type PrepareTimelockScheduleErrorType,
  prepareTimelockSchedule,
} from '@storydao/governance'
import { type Hex, keccak256, toHex } from 'viem'
import { getBlockNumber } from 'viem/actions'
import type {
  ContractNotInManifestErrorType,
  NotPausableErrorType,
  SafeNotInManifestErrorType,
  SignerNotOwnerErrorType,
} from '../../errors/playbook.js'
import type { TimelockNotInManifestErrorType } from '../../errors/timelock.js'
import type { NotPausedErrorType } from '../../errors/unpause.js'
import { version } from '../../errors/version.js'
import type { SafeTransactionOutcome } from '../../types/safeTransactionOutcome.js'
import type { OpsContext } from '../createOpsContext.js'
import { prepareSafeTransaction } from '../internal/prepareSafeTransaction.js'
import { timelockOf } from '../internal/timelockOf.js'
import { readMinDelay } from '../internal/timelockOperation.js'
import { pausedTargets } from '../internal/unpauseTargets.js'

export type ScheduleUnpauseParameters = {
  /** Manifest names of the contracts to unpause. Default `['AuthorCoin']`. */
  targets?: readonly string[] | undefined
  /** Timelock delay in seconds. Default: the timelock's `getMinDelay()`. */
  delay?: bigint | undefined
  /** An ops Safe nonce to use instead of the next free one. */
  nonce?: bigint | undefined
  /** Send it to the Safe Transaction Service, signed by an owner. */
  propose?: boolean | undefined
  /** Progress callback for long steps. */
  onStep?: ((message: string) => void) | undefined
}

export type ScheduleUnpauseReturnType = SafeTransactionOutcome & {
  /** The contracts the operation unpauses. */
  unpaused: string[]
  /** Targets that are not paused (left out). */
  skipped: string[]
  /** The timelock operation scheduled. */
  operationId: Hex
  /** Its delay in seconds. */
  delay: bigint
}

export type ScheduleUnpauseErrorType =
  | MissingParameterErrorType
  | ChainReadErrorType
  | ContractNotInManifestErrorType
  | NotPausableErrorType
  | NotPausedErrorType
  | PrepareTimelockScheduleErrorType
  | SafeNotInManifestErrorType
  | SignerNotOwnerErrorType
  | TimelockNotInManifestErrorType

/**
 * The incident playbook's way out of a pause, first half. Only the timelock
 * may unpause (AuthorCoin's `unpause()` needs DEFAULT_ADMIN_ROLE, which the
 * timelock holds; the emergency Safe holds PAUSER_ROLE only), so the ops
 * Safe, the timelock's proposer, schedules `unpause()` of the paused targets
 * on it: one ops-Safe transaction, rehearsed on a fork with the
 * `timelock-schedule` invariants, written as a Transaction Builder file and,
 * with `propose`, sent to the Safe Transaction Service. After the delay,
 * {@link executeUnpause} runs it. Refused when no target is paused.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/docs/operations/incident-response.md#7-recover-unpause
 *
 * @example
 * ```ts
 * import { createOpsContext, scheduleUnpause } from '@storydao/ops-sdk'
 *
 * const context = await createOpsContext({ network: 'mainnet', signerEnv: 'OPS_KEY' })
 * const { safeTxHash, operationId } = await scheduleUnpause(context, { propose: true })
 * ```
 */
export async function scheduleUnpause(
  context: OpsContext,
  parameters: ScheduleUnpauseParameters = {},
): Promise<ScheduleUnpauseReturnType> {
  assertParameters('scheduleUnpause', { context }, ['context'], { version })
  const { paused, skipped } = await pausedTargets(context, parameters.targets)
  const timelock = timelockOf(context.manifest)
  const [delay, block] = await Promise.all([
    parameters.delay ?? readMinDelay(context, timelock),
    getBlockNumber(context.client, { cacheTime: 0 }),
  ])
  const names = paused.map(({ name }) => name).join(', ')
  // A done operation id cannot be scheduled again: each unpause gets its own salt.
  const schedule = await prepareTimelockSchedule(context.client, {
    timelock: timelock.address,
    calls: paused.map(({ name, address }) => ({
      ...buildUnpause({ target: address }),
      label: `${name}.unpause()`,
    })),
    salt: keccak256(toHex(`storydao-ops/unpause/${block}`)),
    delay,
    label: `${timelock.name}.schedule(unpause ${names}, delay ${delay} s)`,
  })
  const { outcome } = await prepareSafeTransaction(context, {
    safeName: 'ops',
    calls: [schedule.call],
    title: `Schedule unpause of ${names}`,
    description: `Recovery: schedules unpause() of ${names} on ${timelock.name} (operation ${schedule.operationId}, delay ${delay} s); storydao-ops unpause --execute runs it afterwards.`,
    invariants: {
      action: 'timelock-schedule',
      operationIds: [schedule.operationId],
    },
    nonce: parameters.nonce,
    propose: parameters.propose,
    onStep: parameters.onStep,
  })
  return {
    ...outcome,
    unpaused: paused.map(({ name }) => name),
    skipped,
    operationId: schedule.operationId,
    delay,
  }
}
