import {
  assertParameters,
  type Call,
  type MissingParameterErrorType,
  type ToChecksummedAddressErrorType,
  toChecksummedAddress,
} from '@storydao/core'
import {
  type Address,
  encodeFunctionData,
  type Hex,
  keccak256,
  toHex,
} from 'viem'
import type { InvalidCallErrorType, NoCallsErrorType } from './errors/calls.js'
import { version } from './errors/version.js'
import { hashProposal } from './hashProposal.js'
import { governorAbi } from './internal/abis.js'
import { plural, toOperationArrays } from './internal/operationCall.js'
import type { OperationCall } from './types/calls.js'

export type BuildGovernorProposeParameters = {
  /** The Governor. */
  governor: Address
  /** The calls the proposal makes (through the timelock, for a timelock-controlled governor). */
  calls: readonly OperationCall[]
  /** The description; its hash is part of the proposal id. */
  description: string
  /** Overrides the generated label. */
  label?: string | undefined
}

export type BuildGovernorProposeReturnType = {
  /** The `propose` call; the sender needs `proposalThreshold()` votes. */
  call: Call
  /** The id the governor will give the proposal (`hashProposal`). */
  proposalId: bigint
  /** `keccak256(bytes(description))`, needed to queue, execute or cancel. */
  descriptionHash: Hex
}

export type BuildGovernorProposeErrorType =
  | MissingParameterErrorType
  | NoCallsErrorType
  | InvalidCallErrorType
  | ToChecksummedAddressErrorType

/**
 * Builds an OpenZeppelin Governor `propose` call and the proposal id the
 * governor will compute.
 *
 * - Docs: https://github.com/storydao/ops-sdk/blob/main/packages/governance/README.md#buildgovernorpropose
 *
 * @example
 * ```ts
 * import { buildGovernorPropose, buildUnpause } from '@storydao/governance'
 *
 * const { call, proposalId } = buildGovernorPropose({
 *   governor: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
 *   calls: [buildUnpause({ target: '0x5FbDB2315678afecb367f032d93F642f64180aa3' })],
 *   description: 'Unpause AuthorCoin',
 * })
 * ```
 *
 * @param parameters - {@link BuildGovernorProposeParameters}
 * @returns The call, the proposal id and the description hash.
 */
export function buildGovernorPropose(
  parameters: BuildGovernorProposeParameters,
): BuildGovernorProposeReturnType {
  assertParameters(
    'buildGovernorPropose',
    parameters,
    ['governor', 'calls', 'description'],
    { version },
  )
  const { calls, description } = parameters
  const governor = toChecksummedAddress({
    address: parameters.governor,
    path: 'governor',
  })
  const { targets, values, payloads } = toOperationArrays(
    calls,
    'A governor proposal',
  )
  const proposalId = hashProposal({ calls, description })
  const firstLine = description.split('\n')[0] ?? ''
  return {
    call: {
      to: governor,
      value: 0n,
      data: encodeFunctionData({
        abi: governorAbi,
        functionName: 'propose',
        args: [targets, values, payloads, description],
      }),
      operation: 'call',
      label:
        parameters.label ??
        `Governor ${governor}: propose "${firstLine}" (${plural(calls.length, 'call')}, proposal ${proposalId})`,
      abi: governorAbi,
    },
    proposalId,
    descriptionHash: keccak256(toHex(description)),
  }
}
