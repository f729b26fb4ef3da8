import { type Call, pausableAbi, toChecksummedAddress } from '@storydao/core'
import { encodeFunctionData } from 'viem'
import type { PausableCallParameters } from '../types/pausable.js'

/**
 * @internal Builds `pause()` or `unpause()` on an OpenZeppelin Pausable
 * contract, labelled `${verb} ${target}` unless a label is given.
 */
export function buildPausableCall(
  functionName: 'pause' | 'unpause',
  parameters: PausableCallParameters,
  verb: string,
): Call {
  const target = toChecksummedAddress({
    address: parameters.target,
    path: 'target',
  })
  return {
    to: target,
    value: 0n,
    data: encodeFunctionData({ abi: pausableAbi, functionName }),
    operation: 'call',
    label: parameters.label ?? `${verb} ${target}`,
    abi: pausableAbi,
  }
}
