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
import type { ProposalReference } from './types/proposal.js'

export type BuildGovernorCancelParameters = ProposalReference

export type BuildGovernorCancelReturnType = {
  /** The `cancel` call. */
  call: Call
  /** The proposal id. */
  proposalId: bigint
  /** `keccak256(bytes(description))`. */
  descriptionHash: Hex
}

export type BuildGovernorCancelErrorType =
  | MissingParameterErrorType
  | NoCallsErrorType
  | InvalidCallErrorType
  | InvalidBytes32ErrorType
  | ToChecksummedAddressErrorType

/**
 * Builds the Governor `cancel` call. In OpenZeppelin 5 only the proposer may
 * cancel, and only while the proposal is pending (before voting starts).
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#buildgovernorcancel
 *
 * @example
 * ```ts
 * import { buildGovernorCancel } from '@storydao/governance'
 *
 * const { call, proposalId } = buildGovernorCancel({
 *   governor, calls, description: 'Unpause AuthorCoin',
 * })
 * ```
 *
 * @param parameters - {@link BuildGovernorCancelParameters}
 * @returns The call, the proposal id and the description hash.
 */
export function buildGovernorCancel(
  parameters: BuildGovernorCancelParameters,
): BuildGovernorCancelReturnType {
  assertParameters('buildGovernorCancel', parameters, ['governor', 'calls'], {
    version,
  })
  return buildProposalAction('cancel', parameters)
}
