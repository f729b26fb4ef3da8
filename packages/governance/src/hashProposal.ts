import type { ToChecksummedAddressErrorType } from '@storydao/core'
import {
  assertParameters,
  type MissingParameterErrorType,
} from '@storydao/core'
import { encodeAbiParameters, hexToBigInt, keccak256 } from 'viem'
import type { InvalidCallErrorType, NoCallsErrorType } from './errors/calls.js'
import type { InvalidBytes32ErrorType } from './errors/hex.js'
import { version } from './errors/version.js'
import { toOperationArrays } from './internal/operationCall.js'
import { toDescriptionHash } from './internal/proposal.js'
import type { OperationCall, ProposalDescription } from './types/calls.js'

export type HashProposalParameters = {
  /** The proposal's calls, in order. */
  calls: readonly OperationCall[]
} & ProposalDescription

export type HashProposalReturnType = bigint

export type HashProposalErrorType =
  | MissingParameterErrorType
  | NoCallsErrorType
  | InvalidCallErrorType
  | InvalidBytes32ErrorType
  | ToChecksummedAddressErrorType

/**
 * Computes an OpenZeppelin Governor proposal id as `Governor.hashProposal`
 * does: `uint256(keccak256(abi.encode(targets, values, calldatas,
 * descriptionHash)))`.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#hashproposal
 *
 * @example
 * ```ts
 * import { hashProposal } from '@storydao/governance'
 *
 * const proposalId = hashProposal({ calls, description: 'Upgrade AuthorCoin to V2' })
 * ```
 *
 * @param parameters - {@link HashProposalParameters}
 * @returns The proposal id.
 */
export function hashProposal(
  parameters: HashProposalParameters,
): HashProposalReturnType {
  assertParameters('hashProposal', parameters, ['calls'], { version })
  const { targets, values, payloads } = toOperationArrays(
    parameters.calls,
    'A governor proposal',
  )
  return hexToBigInt(
    keccak256(
      encodeAbiParameters(
        [
          { type: 'address[]' },
          { type: 'uint256[]' },
          { type: 'bytes[]' },
          { type: 'bytes32' },
        ],
        [targets, values, payloads, toDescriptionHash(parameters)],
      ),
    ),
  )
}
