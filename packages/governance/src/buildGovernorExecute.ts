import type { Call, ToChecksummedAddressErrorType } from '@storydao/core'
import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import type { Hex } from 'viem'
import type { InvalidCallErrorType, NoCallsErrorType } from './errors/calls.js'
import type { InvalidBytes32ErrorType } from './errors/hex.js'
import { version } from './errors/version.js'
import { buildProposalAction } from './internal/proposalAction.js'
import type { ProposalActionParameters } from './types/proposal.js'

export type BuildGovernorExecuteParameters = ProposalActionParameters

export type BuildGovernorExecuteReturnType = {
  /** The `execute` call. */
  call: Call
  /** The proposal id. */
  proposalId: bigint
  /** `keccak256(bytes(description))`. */
  descriptionHash: Hex
}

export type BuildGovernorExecuteErrorType =
  | MissingParameterErrorType
  | NoCallsErrorType
  | InvalidCallErrorType
  | InvalidBytes32ErrorType
  | ToChecksummedAddressErrorType

/**
 * Builds the Governor `execute` call for a queued proposal whose timelock
 * delay has passed (anyone may send it; the governor executes through the
 * timelock).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#buildgovernorexecute
 *
 * @example
 * ```ts
 * import { buildGovernorExecute } from '@storydao/governance'
 *
 * const { call, proposalId } = buildGovernorExecute({
 *   governor, calls, description: 'Unpause AuthorCoin',
 * })
 * ```
 *
 * @param parameters - {@link BuildGovernorExecuteParameters}
 * @returns The call, the proposal id and the description hash.
 */
export function buildGovernorExecute(
  parameters: BuildGovernorExecuteParameters,
): BuildGovernorExecuteReturnType {
  assertParameters('buildGovernorExecute', parameters, ['governor', 'calls'], {
    version,
  })
  return buildProposalAction('execute', parameters)
}
