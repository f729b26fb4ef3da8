import type { Call, ToChecksummedAddressErrorType } from '@storydao/core'
import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import { type Hex, hexToBigInt, pad, toHex, zeroHash } from 'viem'
import type { InvalidCallErrorType, NoCallsErrorType } from './errors/calls.js'
import type { InvalidBytes32ErrorType } from './errors/hex.js'
import { version } from './errors/version.js'
import { hashTimelockOperation } from './hashTimelockOperation.js'
import { buildProposalAction } from './internal/proposalAction.js'
import type { ProposalReference } from './types/proposal.js'

export type BuildGovernorQueueParameters = ProposalReference

export type BuildGovernorQueueReturnType = {
  /** The `queue` call (anyone may send it once the proposal succeeded). */
  call: Call
  /** The proposal id. */
  proposalId: bigint
  /** `keccak256(bytes(description))`. */
  descriptionHash: Hex
  /** Salt `GovernorTimelockControl` uses: `bytes20(governor) ^ descriptionHash`. */
  timelockSalt: Hex
  /** The timelock operation id `queue` creates (`hashOperationBatch(targets, values, calldatas, 0, timelockSalt)`). */
  timelockOperationId: Hex
}

export type BuildGovernorQueueErrorType =
  | MissingParameterErrorType
  | NoCallsErrorType
  | InvalidCallErrorType
  | InvalidBytes32ErrorType
  | ToChecksummedAddressErrorType

/**
 * Builds the Governor `queue` call for a succeeded proposal. For a governor
 * with `GovernorTimelockControl` it also returns the timelock operation id
 * that queueing schedules, so the operation can be followed on the timelock.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#buildgovernorqueue
 *
 * @example
 * ```ts
 * import { buildGovernorQueue } from '@storydao/governance'
 *
 * const { call, timelockOperationId } = buildGovernorQueue({
 *   governor, calls, description: 'Unpause AuthorCoin',
 * })
 * ```
 *
 * @param parameters - {@link BuildGovernorQueueParameters}
 * @returns The call, the proposal id and the timelock operation id.
 */
export function buildGovernorQueue(
  parameters: BuildGovernorQueueParameters,
): BuildGovernorQueueReturnType {
  assertParameters('buildGovernorQueue', parameters, ['governor', 'calls'], {
    version,
  })
  const built = buildProposalAction('queue', parameters)
  // GovernorTimelockControl._timelockSalt: bytes20(address(this)) ^ descriptionHash.
  const timelockSalt = pad(
    toHex(
      (hexToBigInt(built.call.to) << 96n) ^ hexToBigInt(built.descriptionHash),
    ),
    { size: 32 },
  )
  const timelockOperationId = hashTimelockOperation({
    calls: parameters.calls,
    predecessor: zeroHash,
    salt: timelockSalt,
    batch: true,
  })
  return { ...built, timelockSalt, timelockOperationId }
}
