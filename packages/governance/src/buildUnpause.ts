import type { Call } from '@storydao/core'
import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import { version } from './errors/version.js'
import { buildPausableCall } from './internal/buildPausableCall.js'
import type {
  PausableCallErrorType,
  PausableCallParameters,
} from './types/pausable.js'

export type BuildUnpauseParameters = PausableCallParameters

export type BuildUnpauseReturnType = Call

export type BuildUnpauseErrorType =
  | PausableCallErrorType
  | MissingParameterErrorType

/**
 * Builds `unpause()` on an OpenZeppelin Pausable contract. In StoryDAO only
 * the timelock (`DEFAULT_ADMIN_ROLE` on AuthorCoin) may send it, so wrap the
 * call in {@link buildTimelockSchedule} or a governor proposal.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#buildunpause
 *
 * @example
 * ```ts
 * import { buildUnpause } from '@storydao/governance'
 *
 * const call = buildUnpause({ target: '0x5FbDB2315678afecb367f032d93F642f64180aa3' })
 * ```
 *
 * @param parameters - {@link BuildUnpauseParameters}
 * @returns The call.
 */
export function buildUnpause(
  parameters: BuildUnpauseParameters,
): BuildUnpauseReturnType {
  assertParameters('buildUnpause', parameters, ['target'], { version })
  return buildPausableCall('unpause', parameters, 'Unpause')
}
