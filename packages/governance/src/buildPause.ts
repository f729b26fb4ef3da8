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

export type BuildPauseParameters = PausableCallParameters

export type BuildPauseReturnType = Call

export type BuildPauseErrorType =
  | PausableCallErrorType
  | MissingParameterErrorType

/**
 * Builds `pause()` on an OpenZeppelin Pausable contract. In StoryDAO only the
 * emergency council Safe (`PAUSER_ROLE` on AuthorCoin) may send it — it is the
 * one action that skips the timelock.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#buildpause
 *
 * @example
 * ```ts
 * import { buildPause } from '@storydao/governance'
 *
 * const call = buildPause({ target: '0x5FbDB2315678afecb367f032d93F642f64180aa3' })
 * ```
 *
 * @param parameters - {@link BuildPauseParameters}
 * @returns The call.
 */
export function buildPause(
  parameters: BuildPauseParameters,
): BuildPauseReturnType {
  assertParameters('buildPause', parameters, ['target'], { version })
  return buildPausableCall('pause', parameters, 'Pause')
}
