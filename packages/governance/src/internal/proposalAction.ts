import { type Call, toChecksummedAddress } from '@storydao/core'
import { encodeFunctionData, type Hex } from 'viem'
import { hashProposal } from '../hashProposal.js'
import type { ProposalActionParameters } from '../types/proposal.js'
import { governorAbi } from './abis.js'
import { plural, toCallValue, toOperationArrays } from './operationCall.js'
import { toDescriptionHash } from './proposal.js'

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
