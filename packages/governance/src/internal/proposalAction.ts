import { type Call, toChecksummedAddress } from '@storydao/core'
import { type Address, encodeFunctionData, type Hex } from 'viem'
import { hashProposal } from '../hashProposal.js'
import type { OperationCall, ProposalDescription } from '../types/calls.js'
import { governorAbi } from './abis.js'
import { plural, toCallValue, toOperationArrays } from './operationCall.js'
import { toDescriptionHash } from './proposal.js'

/** @internal Which proposal: governor, calls and description (or its hash). */
export type ProposalReference = {
  /** The Governor. */
  governor: Address
  /** The proposal's calls, exactly as proposed. */
  calls: readonly OperationCall[]
  /** Overrides the generated label. */
  label?: string | undefined
} & ProposalDescription

/** @internal Parameters shared by queue, execute and cancel. */
export type ProposalActionParameters = ProposalReference & {
  /** Wei sent with the call (only `execute` is payable); `0n` when omitted. */
  value?: bigint | undefined
}

/** @internal Builds `queue` / `execute` / `cancel` with the proposal id. */
export function buildProposalAction(
  functionName: 'queue' | 'execute' | 'cancel',
  parameters: ProposalActionParameters,
): { call: Call; proposalId: bigint; descriptionHash: Hex } {
  const governor = toChecksummedAddress({
    address: parameters.governor,
    path: 'governor',
  })
  const { targets, values, payloads } = toOperationArrays(
    parameters.calls,
    'A governor proposal',
  )
  const descriptionHash = toDescriptionHash(parameters)
  const value = toCallValue(parameters.value, 'value')
  const proposalId = hashProposal({ calls: parameters.calls, descriptionHash })
  return {
    call: {
      to: governor,
      value,
      data: encodeFunctionData({
        abi: governorAbi,
        functionName,
        args: [targets, values, payloads, descriptionHash],
      }),
      operation: 'call',
      label:
        parameters.label ??
        `Governor ${governor}: ${functionName} proposal ${proposalId} (${plural(parameters.calls.length, 'call')})`,
      abi: governorAbi,
    },
    proposalId,
    descriptionHash,
  }
}
